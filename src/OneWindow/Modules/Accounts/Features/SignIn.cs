using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneWindow.Platform;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Accounts.Features;

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record SignInResponse(string Token, DateTimeOffset ExpiresAt, string UserName, string DisplayName, string Kind, IReadOnlyList<string> Roles);

/// <summary>One sign-in for pages and API: checks the password with lock-out, sets the cookie, issues a bearer token.</summary>
public sealed class SignInHandler(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearer,
    TimeProvider clock)
{
    public static readonly Error BadCredentials = new("auth:bad-credentials", "用户名或密码错误", ErrorKind.Unauthorized);

    public static readonly Error LockedOut = new("auth:locked-out", "连续登录失败次数过多，账户已锁定 15 分钟", ErrorKind.Locked);

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

        var user = await users.FindByNameAsync(request.UserName!.Trim());
        if (user is null)
        {
            return BadCredentials;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return LockedOut;
        }

        if (!check.Succeeded)
        {
            return BadCredentials;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        await signIn.Context.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        var (token, expires) = AuthSetup.IssueBearerToken(principal, bearer, clock);
        var roles = await users.GetRolesAsync(user);
        return new SignInResponse(token, expires, user.UserName!, user.DisplayName, user.Kind.ToString(), [.. roles.Order()]);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/login", async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> (SignInRequest request, SignInHandler handler) =>
        {
            var result = await handler.SignInAsync(request);
            return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
        }).WithTags("账户").WithSummary("登录：设置 Cookie，并返回 API 用的 bearer token").AllowAnonymous();

        app.MapPost("/api/v1/auth/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }).WithTags("账户").WithSummary("退出登录");

        app.MapGet("/api/v1/auth/me", (ICurrentUser user) => TypedResults.Ok(new
        {
            user.UserId, user.UserName, user.DisplayName, user.RegionCode, user.DepartmentCode, user.IsStaff,
            Roles = Roles.All.Where(user.IsInRole).ToList(),
        })).WithTags("账户").WithSummary("当前登录人").RequireAuthorization();
    }
}
