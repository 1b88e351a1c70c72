using System.Security.Claims;

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

    /// <summary>The identity code an applicant account files under (claimed at registration; null for staff).</summary>
    string? IdentityCode { get; }

    /// <summary>
    /// The identity code once verified (实名核验), else null. Whatever others filed under a code (counter cases,
    /// licences, projects) is shown only to the account that verified it.
    /// </summary>
    string? VerifiedIdentityCode { get; }

    bool IsStaff { get; }

    bool IsInRole(string role);

    /// <summary>Whether the staff member holds a qualification (<see cref="Qualifications"/>).</summary>
    bool Holds(string qualification) => false;
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

    public string? VerifiedIdentityCode => Principal?.FindFirstValue(Identity.OneWindowClaims.IdentityVerified) is null ? null : IdentityCode;

    public bool IsStaff => Principal?.FindFirstValue(Identity.OneWindowClaims.Kind) == nameof(Identity.AccountKind.Staff);

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public bool Holds(string qualification) => Principal?.HasClaim(Identity.OneWindowClaims.Qualification, qualification) == true;
}
