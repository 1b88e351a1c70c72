using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Accounts.Features;

namespace OneWindow.Modules.Accounts.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Platform.Web.Throttles.Login)]
internal sealed class LoginModel(SignInHandler signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.SignInAsync(new SignInRequest(UserName, Password));
        if (!result.IsSuccess)
        {
            Message = result.Error!.Fields is { Count: > 0 } fields
                ? string.Join("；", fields.SelectMany(f => f.Value))
                : result.Error.Title;
            Response.StatusCode = result.Error.Kind == Platform.ErrorKind.TooManyRequests ? 429 : 400;
            if (result.Error.RetryAfter is { } wait)
            {
                Response.Headers.RetryAfter = Platform.Web.Problems.RetryAfterSeconds(wait);
            }

            return Page();
        }

        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        return Redirect(result.Value!.Kind == Platform.Identity.AccountKind.Staff ? "/workbench" : "/");
    }
}
