using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Identity;

/// <summary>Session limits (<c>Auth:IdleMinutes</c>, <c>Auth:AbsoluteHours</c>), read at start.</summary>
public sealed record SessionLimits(TimeSpan Idle, TimeSpan Absolute)
{
    public static SessionLimits From(IConfiguration configuration) => new(
        TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Auth:IdleMinutes", 30), 1, 24 * 60)),
        TimeSpan.FromHours(Math.Clamp(configuration.GetValue("Auth:AbsoluteHours", 8.0), 0.05, 24 * 30)));
}

/// <summary>
/// Every signed-in request is checked against the account as it is now, for cookies and bearer tokens alike:
/// a session whose account's security stamp changed (logout, password change, staff account disabled) or
/// that is older than the absolute limit is treated as anonymous (401 on the API, the sign-in page for pages).
/// The account's verified identity is read here too, so a verification takes effect in every open session.
/// One primary-key look-up per request; nothing is kept in one instance's memory.
/// </summary>
internal sealed class SessionValidation(RequestDelegate next, SessionLimits limits, TimeProvider clock)
{
    private sealed record AccountNow(string? SecurityStamp, string? VerifiedBy, DateTimeOffset? LockoutEnd);

    private static readonly CompiledPerModel<Func<AppDbContext, string, Task<AccountNow?>>> Lookup = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string id) =>
            db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new AccountNow(u.SecurityStamp, u.IdentityVerifiedAt == null ? null : u.IdentityVerifiedBy ?? "verified", u.LockoutEnd))
                .SingleOrDefault()));

    public async Task InvokeAsync(HttpContext context, AppDbContext db, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            var account = await Lookup.For(db)(db, id);
            var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var signedIn = long.TryParse(principal.FindFirstValue(OneWindowClaims.SignedInAt), out var at)
                ? DateTimeOffset.FromUnixTimeSeconds(at) : (DateTimeOffset?)null;
            var now = clock.GetUtcNow();
            if (account is null || account.SecurityStamp != stamp || signedIn is null || now - signedIn.Value > limits.Absolute
                || account.LockoutEnd > now)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!AuthSetup.CarriesBearerToken(context.Request))
                {
                    context.Response.Cookies.Delete(AuthSetup.CookieName);
                }
            }
            else if (account.VerifiedBy is { } by && principal.FindFirst(OneWindowClaims.IdentityVerified) is null
                     && principal.Identity is ClaimsIdentity claims)
            {
                claims.AddClaim(new Claim(OneWindowClaims.IdentityVerified, by));
            }
            else if (account.VerifiedBy is null && principal.FindFirst(OneWindowClaims.IdentityVerified) is { } stale
                     && principal.Identity is ClaimsIdentity withStale)
            {
                withStale.RemoveClaim(stale);
            }
        }

        await next(context);
    }
}
