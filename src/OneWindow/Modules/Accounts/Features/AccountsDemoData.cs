using Microsoft.AspNetCore.Identity;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Accounts.Features;

/// <summary>The demo accounts README.md lists, all with the password <c>OneWindow#2026</c>.</summary>
internal sealed class AccountsDemoData(StaffAccounts staff, UserManager<AppUser> users, TimeProvider clock) : IDemoSeeder
{
    public int Order => 20;

    public static readonly IReadOnlyList<StaffAccount> Staff =
    [
        new("admin", "系统管理员", DemoCity.City, "371600-XSP", [Roles.Admin]),
        new("guide", "王导服", DemoCity.City, "371600-XSP", [Roles.HallGuide]),
        new("clerk", "刘窗口", DemoCity.City, "371600-XSP", [Roles.IntakeClerk]),
        new("reviewer.scj", "陈审查（市场监管）", DemoCity.City, "371600-SCJ", [Roles.Reviewer]),
        new("approver.scj", "赵审批（市场监管）", DemoCity.City, "371600-SCJ", [Roles.Approver]),
        new("head.scj", "孙局长（市场监管）", DemoCity.City, "371600-SCJ", [Roles.DepartmentHead]),
        new("reviewer.zjj", "周审查（住建）", DemoCity.City, "371600-ZJJ", [Roles.Reviewer]),
        new("approver.zjj", "吴审批（住建）", DemoCity.City, "371600-ZJJ", [Roles.Approver]),
        new("reviewer.wjw", "韩审查（卫健）", DemoCity.City, "371600-WJW", [Roles.Reviewer]),
        new("approver.wjw", "秦审批（卫健）", DemoCity.City, "371600-WJW", [Roles.Approver]),
        new("hotline", "郑坐席", DemoCity.City, "371600-RXB", [Roles.HotlineAgent]),
        new("supervisor", "冯监督", DemoCity.City, "371600-ZWB", [Roles.Supervisor]),
        new("clerk.bincheng", "何窗口（滨城区）", DemoCity.Bincheng, "371602-XSP", [Roles.IntakeClerk]),
        new("clerk.huimin", "高窗口（惠民县）", DemoCity.Huimin, "371621-XSP", [Roles.IntakeClerk]),
    ];

    public static readonly IReadOnlyList<(string UserName, AccountKind Kind, string Name, string Code, string Mobile, string Region)> Applicants =
    [
        ("citizen", AccountKind.Person, "李明", "371602199003151236", "13805431234", DemoCity.Bincheng),
        ("citizen2", AccountKind.Person, "张秀兰", "371621198506213026", "13905439876", DemoCity.Huimin),
        ("enterprise", AccountKind.Enterprise, "滨州市黄河餐饮管理有限公司", "91371602MA3C8K2L6B", "15305431111", DemoCity.Bincheng),
        ("enterprise2", AccountKind.Enterprise, "惠民县绳网制品有限公司", "91371621MA3D1F7PX2", "15905432222", DemoCity.Huimin),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var account in Staff)
        {
            var result = await staff.EnsureAsync(account, DemoCity.Password);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {result.Error!.Title}");
            }
        }

        foreach (var a in Applicants)
        {
            if (await users.FindByNameAsync(a.UserName) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = a.UserName, Kind = a.Kind, DisplayName = a.Name, IdentityCode = a.Code,
                PhoneNumber = a.Mobile, RegionCode = a.Region, CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, DemoCity.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {a.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, Roles.Applicant);
        }
    }
}
