namespace OneWindow.Platform.Web;

/// <summary>
/// Cross-site request forgery on the API: a write (POST, PUT, PATCH, DELETE) under <c>/api</c> that is authenticated by
/// the sign-in cookie (not a bearer token) must carry the header <c>X-Requested-With</c> (any value). A page on another
/// site cannot add a custom header without a CORS preflight, which OneWindow never grants; the pages' own forms post to
/// Razor Pages, which check their anti-forgery tokens. API clients use bearer tokens and are not affected. Routes open to
/// anyone (sign-in, registration) are exempt: a client that signs in again while its cookie is still set must not be refused.
/// </summary>
internal sealed class CookieApiWrites(RequestDelegate next)
{
    public const string Header = "X-Requested-With";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
            && !Identity.AuthSetup.CarriesBearerToken(request)
            && !request.Headers.ContainsKey(Header))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 403, Type = Problems.TypePrefix + "auth:csrf",
                Title = "以登录 Cookie 调用接口写入数据时须带 X-Requested-With 请求头（或改用 bearer token）",
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }

        await next(context);
    }
}
