using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Marketplace.Features;

/// <summary>Who buys in the 中介超市 (docs/security/access.md): a department's 采购人 for the department, an applicant for itself.</summary>
internal static class PurchaseAccess
{
    /// <summary>The buyer code the person buys under: the 采购人's department, or the applicant's own account; null for anyone else.</summary>
    public static string? BuyerCodeOf(ICurrentUser user) =>
        user.IsInRole(Roles.Purchaser) ? user.DepartmentCode
        : !user.IsStaff && user.IsInRole(Roles.Applicant) ? user.UserId
        : null;

    public static bool IsBuyerCode(ICurrentUser user, string buyerCode) => BuyerCodeOf(user) is { } mine && mine == buyerCode;
}
