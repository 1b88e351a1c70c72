using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>
/// Who may see a licence (need-to-know, docs/security/access.md): its holder (the account it was issued to, or
/// the account that verified the holder's code), the issuing department's staff, the region's intake clerks
/// (统一出件 and 免证明 checks at the counter) and administrators. Nobody else, whatever their role.
/// </summary>
internal static class LicenseAccess
{
    public static bool IsHolder(ICurrentUser user, License l) =>
        !user.IsStaff && ((l.HolderUserId is not null && l.HolderUserId == user.UserId)
                          || (user.VerifiedIdentityCode is { } code && code == l.HolderCode));

    public static bool IsIssuer(ICurrentUser user, License l) =>
        user.IsStaff && user.DepartmentCode is { } d && d == l.IssuerDepartment;

    public static bool ListsEveryIssuer(ICurrentUser user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.IntakeClerk);

    public static bool MaySee(ICurrentUser user, License l) =>
        IsHolder(user, l) || IsIssuer(user, l) || user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.IntakeClerk) && Platform.Calendar.Regions.Covers(user.RegionCode, l.RegionCode));

    /// <summary>Whose licences a list may show: one's own verified code, or (staff with a duty) a given holder's.</summary>
    public static bool MayListHolder(ICurrentUser user, string? code) =>
        user.IsStaff
            ? code is not null && (ListsEveryIssuer(user) || user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Approver) || user.IsInRole(Roles.DepartmentHead))
            : code is null || code == user.VerifiedIdentityCode;

    /// <summary>The holder's full code goes to the holder and the issuer; everyone else sees it masked.</summary>
    public static bool SeesFullHolderCode(ICurrentUser user, License l) => IsHolder(user, l) || IsIssuer(user, l);
}
