using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneWindow.Platform;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Accounts.Features;

internal sealed record SignInRequest(string? UserName, string? Password);

internal sealed record SignInResponse(string Token, DateTimeOffset ExpiresAt, string UserName, string DisplayName, AccountKind Kind, IReadOnlyList<string> Roles);

/// <summary>One sign-in for pages and API: checks the password with lock-out, sets the cookie, issues a bearer token.</summary>
internal sealed class SignInHandler(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearer,
    SignInBackoff backoff,
    TimeProvider clock)
{
    public static readonly Error BadCredentials = new("auth:bad-credentials", "用户名或密码错误", ErrorKind.Unauthorized);

    /// <summary>A hash of a password nobody has: an unknown account costs the same hashing time as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    public static Error SlowDown(TimeSpan wait) => new(
        "auth:slow-down", $"登录失败次数过多，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} 秒后再试", ErrorKind.TooManyRequests)
    {
        RetryAfter = wait,
    };

    public async Task<Result<SignInResponse>> SignInAsync(SignInRequest request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors.Add("userName", "请输入用户名");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "请输入密码");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var name = request.UserName!.Trim();
        var client = ClientAddress.Of(signIn.Context);
        if (backoff.WaitBefore(client, name) is { } wait && wait > TimeSpan.Zero)
        {
            return SlowDown(wait);
        }

        // The same answer, after the same work, for an unknown account, a wrong password and a disabled account.
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, request.Password!);
            backoff.Failed(client, name);
            return BadCredentials;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: false);
        if (!check.Succeeded)
        {
            backoff.Failed(client, name);
            return BadCredentials;
        }

        backoff.Succeeded(client, name);

        var principal = await signIn.CreateUserPrincipalAsync(user);
        await signIn.Context.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        var (token, expires) = AuthSetup.IssueBearerToken(principal, bearer, clock);
        var roles = await users.GetRolesAsync(user);
        return new SignInResponse(token, expires, user.UserName!, user.DisplayName, user.Kind, [.. roles.Order().Select(Roles.InJson)]);
    }

    /// <summary>Ends the session: the cookie is removed and the security stamp renewed, so every token issued before is refused.</summary>
    public async Task SignOutAsync()
    {
        if (signIn.Context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id
            && await users.FindByIdAsync(id) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/login", async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> (SignInRequest request, SignInHandler handler, HttpContext http) =>
        {
            var result = await handler.SignInAsync(request);
            return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem(http);
        }).WithTags("账户").WithSummary("登录：设置 Cookie，并返回 API 用的 bearer token").AllowAnonymous().RequireRateLimiting(Throttles.Login);

        app.MapPost("/api/v1/auth/logout", async (SignInHandler handler) =>
        {
            await handler.SignOutAsync();
            return TypedResults.NoContent();
        }).WithTags("账户").WithSummary("退出登录：本账户的 Cookie 与全部 bearer token 随即失效");

        app.MapGet("/api/v1/auth/me", (ICurrentUser user) => TypedResults.Ok(new
        {
            user.UserId, user.UserName, user.DisplayName, user.RegionCode, Department = user.DepartmentCode, user.IsStaff,
            // The old name, kept for one release (CHANGELOG.md): every other answer calls it department.
            user.DepartmentCode,
            Roles = Roles.All.Where(user.IsInRole).Select(Roles.InJson).ToList(),
        })).WithTags("账户").WithSummary("当前登录人").RequireAuthorization();
    }
}
