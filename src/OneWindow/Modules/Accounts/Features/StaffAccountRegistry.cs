using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Platform;

namespace OneWindow.Modules.Accounts.Features;

/// <summary>The module's side of <see cref="IStaffAccountRegistry"/>.</summary>
internal sealed class StaffAccountRegistry(Features.StaffAccounts staff) : IStaffAccountRegistry
{
    /// <summary>True when created, false when the user name was taken (left as it is); field errors for a weak password or a bad name.</summary>
    public Task<Result<bool>> EnsureAsync(StaffAccount account, string password) => staff.EnsureAsync(account, password);
}
