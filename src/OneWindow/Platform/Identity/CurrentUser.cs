using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace OneWindow.Platform;

/// <summary>The person behind the current request (or the system, in background work).</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    string? UserId { get; }

    string? UserName { get; }

    string? DisplayName { get; }

    string? RegionCode { get; }

    string? DepartmentCode { get; }

    /// <summary>An applicant's own identity code from their sign-in (null for staff, and in sessions signed in before it was carried).</summary>
    string? IdentityCode { get; }

    bool IsStaff { get; }

    bool IsInRole(string role);
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string? UserId => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? UserName => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.Name) : null;

    public string? DisplayName => IsAuthenticated ? Principal!.FindFirstValue(Identity.OneWindowClaims.DisplayName) ?? UserName : null;

    public string? RegionCode => Principal?.FindFirstValue(Identity.OneWindowClaims.Region);

    public string? DepartmentCode => Principal?.FindFirstValue(Identity.OneWindowClaims.Department);

    public string? IdentityCode => Principal?.FindFirstValue(Identity.OneWindowClaims.IdentityCode);

    public bool IsStaff => Principal?.FindFirstValue(Identity.OneWindowClaims.Kind) == nameof(Identity.AccountKind.Staff);

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}

public static class CurrentUserExtensions
{
    /// <summary>
    /// The signed-in account's identity code: from the sign-in's claim, or (for a session signed in
    /// before the claim was carried) from the account.
    /// </summary>
    public static async Task<string?> OwnIdentityCodeAsync(this ICurrentUser user, Data.AppDbContext db, CancellationToken ct) =>
        user.IdentityCode ?? (user.UserId is { } id
            ? await db.Users.Where(u => u.Id == id).Select(u => u.IdentityCode).SingleOrDefaultAsync(ct)
            : null);
}
