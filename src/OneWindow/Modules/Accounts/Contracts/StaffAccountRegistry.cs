using OneWindow.Platform;

namespace OneWindow.Modules.Accounts.Contracts;

/// <param name="Qualifications">即办, 独任审批师 per item (<see cref="Platform.Identity.Qualifications"/>), kept as user claims.</param>
public sealed record StaffAccount(string UserName, string DisplayName, string RegionCode, string? DepartmentCode, IReadOnlyList<string> Roles, IReadOnlyList<string>? Qualifications = null);

/// <summary>What other parts of the application (the <c>create-admin</c> verb) may do with staff accounts: create one if its name is free.</summary>
public interface IStaffAccountRegistry
{
    /// <summary>True when created, false when the user name was taken (left as it is); field errors for a weak password or a bad name.</summary>
    Task<Result<bool>> EnsureAsync(StaffAccount account, string password);
}
