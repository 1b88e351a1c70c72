using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Delivery.Features;

/// <summary>Who sees and records 政邮商 shipments and pickups (docs/security/access.md).</summary>
internal static class DeliveryAccess
{
    /// <summary>The carrier's own staff: a 政邮商专员 of the carrier's partner organisation.</summary>
    public static bool IsCarrierStaff(ICurrentUser user, CarrierOption carrier) =>
        user.IsInRole(Roles.DoorstepAgent) && user.DepartmentCode == carrier.Department;

    /// <summary>Administrators and supervisors (政务办, who pay) read every shipment and settlement, with mobiles masked.</summary>
    public static bool ReadsAll(ICurrentUser user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);
}
