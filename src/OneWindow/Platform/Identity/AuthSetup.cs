using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Identity;

/// <summary>
/// Cookie sign-in for pages, bearer tokens for API clients, one policy scheme choosing between them.
/// Both are protected by Data Protection keys kept in the database, so any instance accepts them.
/// </summary>
public static class AuthSetup
{
    public const string Scheme = "OneWindow";
    public const string CookieName = "onewindow.auth";

    public static void AddOneWindowAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = SessionLimits.From(configuration);
        services.AddSingleton(limits);
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = true;
                // No account lock-out on failures: anyone could lock anyone out. Sign-in slows the failing client
                // instead (SignInBackoff); a lock-out end set by an administrator still disables an account.
                o.Lockout.AllowedForNewUsers = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OneWindowClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            // Six-digit codes for 实名核验 by SMS: time-based, bound to the account's security stamp and the mobile.
            .AddTokenProvider<PhoneNumberTokenProvider<AppUser>>(TokenOptions.DefaultPhoneProvider);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                CarriesBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS (directly, or through the configured proxy: ForwardedHeaders).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                // The idle limit: the cookie slides while used; the absolute limit is checked by SessionValidation.
                o.ExpireTimeSpan = limits.Idle;
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    // An API client gets a status code, never a redirect to an HTML page.
                    OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden),
                };
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = limits.Absolute);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(OneWindowClaims.Kind, nameof(AccountKind.Staff)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.CallbackCentre, p => p.RequireAuthenticatedUser().RequireRole(Roles.CallbackAgent, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Supervision, p => p.RequireAuthenticatedUser().RequireRole(Roles.Inspector, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Reports, p => p.RequireAuthenticatedUser().RequireRole(Roles.Supervisor, Roles.DepartmentHead, Roles.Admin))
            .AddPolicy(Policies.CounterStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.IntakeClerk, Roles.HallGuide))
            .AddPolicy(Policies.HallDuty, p => p.RequireAuthenticatedUser().RequireRole(Roles.IntakeClerk, Roles.HallGuide, Roles.Admin))
            .AddPolicy(Policies.Applicant, p => p.RequireAuthenticatedUser()
                .RequireClaim(OneWindowClaims.Kind, nameof(AccountKind.Person), nameof(AccountKind.Enterprise)));
    }

    /// <summary>Whether the request authenticates with a bearer token (otherwise with the sign-in cookie, if any).</summary>
    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Issues an opaque bearer token for a principal, protected like the built-in bearer handler expects.</summary>
    public static (string Token, DateTimeOffset ExpiresAt) IssueBearerToken(
        ClaimsPrincipal principal, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
    {
        var settings = options.Get(IdentityConstants.BearerScheme);
        var expires = clock.GetUtcNow() + settings.BearerTokenExpiration;
        var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties { ExpiresUtc = expires, IssuedUtc = clock.GetUtcNow() };
        var ticket = new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return (settings.BearerTokenProtector.Protect(ticket), expires);
    }
}

internal sealed class OneWindowClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OneWindowClaims.SignedInAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.IdentityVerifiedAt is not null)
        {
            identity.AddClaim(new Claim(OneWindowClaims.IdentityVerified, user.IdentityVerifiedBy ?? "verified"));
        }

        identity.AddClaim(new Claim(OneWindowClaims.Kind, user.Kind.ToString()));
        identity.AddClaim(new Claim(OneWindowClaims.Region, user.RegionCode));
        identity.AddClaim(new Claim(OneWindowClaims.DisplayName, user.DisplayName));
        if (user.DepartmentCode is not null)
        {
            identity.AddClaim(new Claim(OneWindowClaims.Department, user.DepartmentCode));
        }

        if (user.IdentityCode is not null)
        {
            identity.AddClaim(new Claim(OneWindowClaims.IdentityCode, user.IdentityCode));
        }

        return identity;
    }
}

public static class IdentityResults
{
    /// <summary>Identity's errors as field errors: the one place that maps them onto form fields.</summary>
    public static Error ToError(this IdentityResult result, string code, string title)
    {
        var errors = new FieldErrors();
        foreach (var e in result.Errors)
        {
            var field = e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName"
                : e.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : "account";
            errors.Add(field, e.Description);
        }

        return errors.ToError(code, title);
    }
}

/// <summary>Identity's messages, in Chinese, for people.</summary>
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名 {userName} 已被使用" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "用户名只能包含字母、数字和 . _ -" };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字" };

    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色 {role} 已存在" };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改，请刷新后重试" };
}
