using Microsoft.AspNetCore.Identity;
using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Accounts.Features;

/// <summary>Creates staff accounts: the demo data, and the first administrator of a clean install.</summary>
internal sealed class StaffAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public Task EnsureRolesAsync() => Roles.EnsureAsync(roles);

    /// <summary>Creates the account if the user name is free; an existing account is left as it is (idempotent seeding).</summary>
    public async Task<Result<bool>> EnsureAsync(StaffAccount account, string password)
    {
        await EnsureRolesAsync();
        if (await users.FindByNameAsync(account.UserName) is { } existing)
        {
            // Qualifications added later (a demo upgraded in place) are given to the account that lacks them.
            var held = (await users.GetClaimsAsync(existing)).Where(c => c.Type == OneWindowClaims.Qualification).Select(c => c.Value).ToHashSet();
            var missing = (account.Qualifications ?? []).Where(q => !held.Contains(q)).ToList();
            if (missing.Count > 0)
            {
                await users.AddClaimsAsync(existing, [.. missing.Select(q => new System.Security.Claims.Claim(OneWindowClaims.Qualification, q))]);
            }

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
        if (account.Qualifications is { Count: > 0 } qualifications)
        {
            await users.AddClaimsAsync(user, [.. qualifications.Select(q => new System.Security.Claims.Claim(OneWindowClaims.Qualification, q))]);
        }

        audit.Record(new AuditRecord(account.RegionCode, "Account", user.Id, "StaffAccountCreated",
            new { account.UserName, roles = account.Roles, account.DepartmentCode, account.Qualifications }));
        await db.SaveChangesAsync();
        return true;
    }
}

internal sealed record NewStaffAccount
{
    public string? UserName { get; init; }

    public string? DisplayName { get; init; }

    public string? Password { get; init; }

    public string? RegionCode { get; init; }

    public string? DepartmentCode { get; init; }

    public List<string>? Roles { get; init; }

    /// <summary><c>immediate</c> (即办) and <c>soleApprover:&lt;item code&gt;</c> (独任审批师).</summary>
    public List<string>? Qualifications { get; init; }
}

internal sealed record StaffAccountCreated(string UserName, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>Administrators open staff accounts (a hall's counter officers, a department's reviewers) over the API.</summary>
internal static class StaffAccountEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapPost("/api/v1/staff", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Created<StaffAccountCreated>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                NewStaffAccount input, StaffAccounts staff, OneWindow.Modules.Organisation.Contracts.IDepartmentDirectory departments, ICurrentUser user, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                if (string.IsNullOrWhiteSpace(input.UserName))
                {
                    errors.Add("userName", "请填写用户名");
                }

                if (string.IsNullOrWhiteSpace(input.DisplayName))
                {
                    errors.Add("displayName", "请填写姓名");
                }

                if (string.IsNullOrEmpty(input.Password))
                {
                    errors.Add("password", "请设置初始密码");
                }

                var roles = (input.Roles ?? []).Distinct().ToList();
                if (roles.Count == 0 || roles.Any(r => !Roles.Staff.Contains(r)))
                {
                    errors.Add("roles", $"请选择角色：{string.Join("、", Roles.Staff)}");
                }

                var qualifications = (input.Qualifications ?? []).Select(q => q.Trim()).Distinct().ToList();
                if (qualifications.Any(q => !Qualifications.IsKnown(q)))
                {
                    errors.Add("qualifications", "资格应为 immediate（即办）或 soleApprover:<事项编码>（独任审批师）");
                }
                else if (qualifications.Contains(Qualifications.Immediate) && !roles.Contains(Roles.IntakeClerk))
                {
                    errors.Add("qualifications", "即办资格只授予综合窗口受理员");
                }
                else if (qualifications.Any(q => q != Qualifications.Immediate) && !roles.Contains(Roles.Approver))
                {
                    errors.Add("qualifications", "独任审批师资格只授予审批（决定）人");
                }

                var department = string.IsNullOrWhiteSpace(input.DepartmentCode) ? null : input.DepartmentCode.Trim();
                var found = department is null ? null : await departments.FindAsync(department, ct);
                if (department is not null && found is null)
                {
                    errors.Add("departmentCode", $"部门 {department} 不存在");
                }

                if (errors.Any)
                {
                    return errors.ToError("account:invalid", "账户信息有误").ToProblem();
                }

                var account = new StaffAccount(input.UserName!.Trim(), input.DisplayName!.Trim(), found?.RegionCode ?? input.RegionCode ?? user.RegionCode ?? DemoCity.City, department, roles, qualifications);
                var created = await staff.EnsureAsync(account, input.Password!);
                return !created.IsSuccess ? created.Error!.ToProblem()
                    : !created.Value ? Error.Conflict("account:exists", $"用户名 {account.UserName} 已被使用").ToProblem()
                    : Microsoft.AspNetCore.Http.TypedResults.Created($"/api/v1/staff/{account.UserName}", new StaffAccountCreated(account.UserName, account.DisplayName, roles));
            })
            .RequireAuthorization(Policies.Admin).WithTags("账户").WithSummary("新建工作人员账户（管理员）");
}
