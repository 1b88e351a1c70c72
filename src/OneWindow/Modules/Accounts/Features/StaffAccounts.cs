using Microsoft.AspNetCore.Identity;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Accounts.Features;

public sealed record StaffAccount(string UserName, string DisplayName, string RegionCode, string? DepartmentCode, IReadOnlyList<string> Roles);

/// <summary>Creates staff accounts: the demo data, and the first administrator of a clean install.</summary>
public sealed class StaffAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates the account if the user name is free; an existing account is left as it is (idempotent seeding).</summary>
    public async Task<Result<bool>> EnsureAsync(StaffAccount account, string password)
    {
        await EnsureRolesAsync();
        if (await users.FindByNameAsync(account.UserName) is not null)
        {
            return false;
        }

        var user = new AppUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            Kind = AccountKind.Staff,
            RegionCode = account.RegionCode,
            DepartmentCode = account.DepartmentCode,
            CreatedAt = clock.Now(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.ToError("account:invalid", "账户信息有误");
        }

        await users.AddToRolesAsync(user, account.Roles);
        audit.Record(new AuditRecord(account.RegionCode, "Account", user.Id, "StaffAccountCreated",
            new { account.UserName, roles = account.Roles, account.DepartmentCode }));
        await db.SaveChangesAsync();
        return true;
    }
}
