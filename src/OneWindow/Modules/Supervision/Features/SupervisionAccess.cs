using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Supervision.Features;

/// <summary>Who sees and acts on supervision records (items and post-checks alike): docs/security/access.md.</summary>
internal static class SupervisionAccess
{
    /// <summary>
    /// The supervising department whose records the person sees: null for supervisors (政务办) and administrators, who read every
    /// department's; an officer's own department; "" (matching nothing) for anyone else.
    /// </summary>
    public static string? Scope(ICurrentUser user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin) ? null
        : user.IsInRole(Roles.Inspector) ? user.DepartmentCode ?? ""
        : "";

    /// <summary>Whether the person is an officer of the supervising department: they act, and see the holder's code whole.</summary>
    public static bool ActsFor(ICurrentUser user, string supervisingDepartment) =>
        user.IsInRole(Roles.Inspector) && user.DepartmentCode == supervisingDepartment;
}
