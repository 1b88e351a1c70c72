using Microsoft.AspNetCore.Identity;
using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Accounts.Features;

/// <summary>The demo accounts README.md lists, all with the password <c>OneWindow#2026</c>.</summary>
internal sealed class AccountsDemoData(StaffAccounts staff, UserManager<AppUser> users, IdentityVerification verification, TimeProvider clock) : IDemoSeeder
{
    public int Order => 20;

    public static readonly IReadOnlyList<StaffAccount> Staff =
    [
        new("admin", "系统管理员", DemoCity.City, "371600-XSP", [Roles.Admin]),
        new("guide", "王导服", DemoCity.City, "371600-XSP", [Roles.HallGuide]),
        // 刘窗口 holds 即办 (decides 即办件 at the counter); 何窗口 is a general counter clerk without it.
        new("clerk", "刘窗口", DemoCity.City, "371600-XSP", [Roles.IntakeClerk], [Qualifications.Immediate]),
        new("clerk2", "何受理", DemoCity.City, "371600-XSP", [Roles.IntakeClerk]),
        new("reviewer.scj", "陈审查（市场监管）", DemoCity.City, "371600-SCJ", [Roles.Reviewer]),
        new("approver.scj", "赵审批（市场监管）", DemoCity.City, "371600-SCJ", [Roles.Approver],
            [Qualifications.SoleApprover("XK-SCJ-001"), Qualifications.SoleApprover("XK-SCJ-002"), Qualifications.SoleApprover("XK-SCJ-003"), Qualifications.SoleApprover("XK-SCJ-004")]),
        new("head.scj", "孙局长（市场监管）", DemoCity.City, "371600-SCJ", [Roles.DepartmentHead]),
        new("reviewer.zjj", "周审查（住建）", DemoCity.City, "371600-ZJJ", [Roles.Reviewer]),
        new("approver.zjj", "吴审批（住建）", DemoCity.City, "371600-ZJJ", [Roles.Approver]),
        new("reviewer.wjw", "韩审查（卫健）", DemoCity.City, "371600-WJW", [Roles.Reviewer]),
        new("approver.wjw", "秦审批（卫健）", DemoCity.City, "371600-WJW", [Roles.Approver]),
        // The other departments of the demo 一件事 (企业开办, 施工许可): one officer each decides (独任审批) or reviews and decides.
        new("approver.gaj", "钱审批（公安）", DemoCity.City, "371600-GAJ", [Roles.Approver]),
        new("approver.swj", "郭审批（税务）", DemoCity.City, "371600-SWJ", [Roles.Approver]),
        new("approver.rsj", "马审批（人社）", DemoCity.City, "371600-RSJ", [Roles.Approver]),
        new("approver.gjj", "林审批（公积金）", DemoCity.City, "371600-GJJ", [Roles.Approver]),
        // Every demo item can be taken to the end (issue 23): a reviewer where the item is reviewed, an approver in every department.
        new("reviewer.gaj", "蔡审查（公安）", DemoCity.City, "371600-GAJ", [Roles.Reviewer]),
        new("reviewer.swj", "潘审查（税务）", DemoCity.City, "371600-SWJ", [Roles.Reviewer]),
        new("reviewer.rsj", "杜审查（人社）", DemoCity.City, "371600-RSJ", [Roles.Reviewer]),
        new("reviewer.gjj", "姜审查（公积金）", DemoCity.City, "371600-GJJ", [Roles.Reviewer]),
        new("reviewer.mzj", "谢审查（民政）", DemoCity.City, "371600-MZJ", [Roles.Reviewer]),
        new("approver.mzj", "邹审批（民政）", DemoCity.City, "371600-MZJ", [Roles.Approver],
            [Qualifications.SoleApprover("QR-MZJ-001"), Qualifications.SoleApprover("QT-MZJ-001")]),
        new("reviewer.jtj", "喻审查（交通）", DemoCity.City, "371600-JTJ", [Roles.Reviewer]),
        new("approver.jtj", "柏审批（交通）", DemoCity.City, "371600-JTJ", [Roles.Approver], [Qualifications.SoleApprover("QT-JTJ-001")]),
        new("reviewer.ybj", "水审查（医保）", DemoCity.City, "371600-YBJ", [Roles.Reviewer]),
        new("approver.ybj", "窦审批（医保）", DemoCity.City, "371600-YBJ", [Roles.Approver],
            [Qualifications.SoleApprover("GG-YBJ-001"), Qualifications.SoleApprover("GG-YBJ-002")]),
        new("approver.xsp", "章审批（行政审批服务局）", DemoCity.City, "371600-XSP", [Roles.Approver],
            [Qualifications.SoleApprover("GG-XSP-001"), Qualifications.SoleApprover("GG-XSP-002")]),
        new("reviewer.zrj", "罗审查（自然资源）", DemoCity.City, "371600-ZRJ", [Roles.Reviewer]),
        new("approver.zrj", "梁审批（自然资源）", DemoCity.City, "371600-ZRJ", [Roles.Approver]),
        new("reviewer.hbj", "宋审查（生态环境）", DemoCity.City, "371600-HBJ", [Roles.Reviewer]),
        new("approver.hbj", "唐审批（生态环境）", DemoCity.City, "371600-HBJ", [Roles.Approver]),
        new("steward", "赵管家（项目管家）", DemoCity.City, "371600-XSP", [Roles.HallGuide]),
        new("hotline", "郑坐席", DemoCity.City, "371600-RXB", [Roles.HotlineAgent]),
        new("hotline2", "陈坐席", DemoCity.City, "371600-RXB", [Roles.HotlineAgent]),
        // 12345 承办人: the departments the demo orders go to, in the city and in both counties.
        new("handler.zjj", "许承办（市住建）", DemoCity.City, "371600-ZJJ", [Roles.HotlineHandler]),
        new("handler.scj", "曹承办（市市场监管）", DemoCity.City, "371600-SCJ", [Roles.HotlineHandler]),
        new("handler.rsj", "彭承办（市人社）", DemoCity.City, "371600-RSJ", [Roles.HotlineHandler]),
        new("handler.jtj", "邓承办（市交通）", DemoCity.City, "371600-JTJ", [Roles.HotlineHandler]),
        new("handler.ybj", "蒋承办（市医保）", DemoCity.City, "371600-YBJ", [Roles.HotlineHandler]),
        new("handler.xsp", "袁承办（市审批）", DemoCity.City, "371600-XSP", [Roles.HotlineHandler]),
        new("handler.bincheng", "潘承办（滨城住建）", DemoCity.Bincheng, "371602-ZJJ", [Roles.HotlineHandler]),
        new("handler.bincheng.scj", "田承办（滨城市场监管）", DemoCity.Bincheng, "371602-SCJ", [Roles.HotlineHandler]),
        new("handler.huimin", "杜承办（惠民住建）", DemoCity.Huimin, "371621-ZJJ", [Roles.HotlineHandler]),
        new("handler.huimin.scj", "范承办（惠民市场监管）", DemoCity.Huimin, "371621-SCJ", [Roles.HotlineHandler]),
        new("supervisor", "冯监督", DemoCity.City, "371600-ZWB", [Roles.Supervisor]),
        // 回访坐席: the city's callback centre (it sees every county's tasks) and 滨城区's line (its own).
        new("callback", "孔回访", DemoCity.City, "371600-XSP", [Roles.CallbackAgent]),
        new("callback2", "曾回访", DemoCity.City, "371600-XSP", [Roles.CallbackAgent]),
        new("callback.bincheng", "阎回访（滨城区）", DemoCity.Bincheng, "371602-XSP", [Roles.CallbackAgent]),
        // 监管人员 of the supervising departments (审管联动, 事后核查).
        new("inspector.scj", "白监管（市场监管）", DemoCity.City, "371600-SCJ", [Roles.Inspector]),
        new("inspector.zjj", "武监管（住建）", DemoCity.City, "371600-ZJJ", [Roles.Inspector]),
        new("inspector.zrj", "任监管（自然资源）", DemoCity.City, "371600-ZRJ", [Roles.Inspector]),
        new("inspector.wjw", "康监管（卫健）", DemoCity.City, "371600-WJW", [Roles.Inspector]),
        new("inspector.jtj", "贺监管（交通）", DemoCity.City, "371600-JTJ", [Roles.Inspector]),
        new("inspector.hbj", "严监管（生态环境）", DemoCity.City, "371600-HBJ", [Roles.Inspector]),
        new("inspector.rsj", "汤监管（人社）", DemoCity.City, "371600-RSJ", [Roles.Inspector]),
        new("inspector.mzj", "薛监管（民政）", DemoCity.City, "371600-MZJ", [Roles.Inspector]),
        // 政邮商: the postal company's 揽投员 (上门收件, 揽收与投递扫描) and a 基层商会's service specialist.
        new("postal", "葛揽投（滨州邮政）", DemoCity.City, "371600-YZ", [Roles.DoorstepAgent]),
        new("chamber.huimin", "牛专员（惠民县基层商会）", DemoCity.Huimin, "371621-SH", [Roles.DoorstepAgent]),
        // 中介超市 buyers: a township office and a county department.
        new("buyer.shizhong", "鲁采购（市中街道）", DemoCity.Bincheng, "371602-SZJD", [Roles.Purchaser]),
        new("buyer.huimin", "施采购（惠民住建）", DemoCity.Huimin, "371621-ZJJ", [Roles.Purchaser]),
        // The counties' halls (county items, ADR 0026): their clerks hold 即办; each county department implementing items has a
        // reviewer and an approver.
        new("clerk.bincheng", "何窗口（滨城区）", DemoCity.Bincheng, "371602-XSP", [Roles.IntakeClerk], [Qualifications.Immediate]),
        new("clerk.huimin", "高窗口（惠民县）", DemoCity.Huimin, "371621-XSP", [Roles.IntakeClerk], [Qualifications.Immediate]),
        new("reviewer.bincheng.scj", "牟审查（滨城市场监管）", DemoCity.Bincheng, "371602-SCJ", [Roles.Reviewer]),
        new("approver.bincheng.scj", "鲍审批（滨城市场监管）", DemoCity.Bincheng, "371602-SCJ", [Roles.Approver]),
        new("reviewer.bincheng.rsj", "车审查（滨城人社）", DemoCity.Bincheng, "371602-RSJ", [Roles.Reviewer]),
        new("approver.bincheng.rsj", "盛审批（滨城人社）", DemoCity.Bincheng, "371602-RSJ", [Roles.Approver]),
        new("reviewer.bincheng.zjj", "邢审查（滨城住建）", DemoCity.Bincheng, "371602-ZJJ", [Roles.Reviewer]),
        new("approver.bincheng.zjj", "滕审批（滨城住建）", DemoCity.Bincheng, "371602-ZJJ", [Roles.Approver]),
        new("reviewer.huimin.scj", "殷审查（惠民市场监管）", DemoCity.Huimin, "371621-SCJ", [Roles.Reviewer]),
        new("approver.huimin.scj", "罗审批（惠民市场监管）", DemoCity.Huimin, "371621-SCJ", [Roles.Approver]),
        new("reviewer.huimin.rsj", "毕审查（惠民人社）", DemoCity.Huimin, "371621-RSJ", [Roles.Reviewer]),
        new("approver.huimin.rsj", "郝审批（惠民人社）", DemoCity.Huimin, "371621-RSJ", [Roles.Approver]),
        new("reviewer.huimin.zjj", "邬审查（惠民住建）", DemoCity.Huimin, "371621-ZJJ", [Roles.Reviewer]),
        new("approver.huimin.zjj", "安审批（惠民住建）", DemoCity.Huimin, "371621-ZJJ", [Roles.Approver]),
        // The township centres' counter (with 即办) and officer (审查 and 审批 of the centre's few items).
        new("clerk.shizhong", "常窗口（市中街道）", DemoCity.Shizhong, $"{DemoCity.Shizhong}-BMZX", [Roles.IntakeClerk], [Qualifications.Immediate]),
        new("officer.shizhong", "乐专员（市中街道）", DemoCity.Shizhong, $"{DemoCity.Shizhong}-BMZX", [Roles.Reviewer, Roles.Approver]),
        new("clerk.pengli", "于窗口（彭李街道）", DemoCity.Pengli, $"{DemoCity.Pengli}-BMZX", [Roles.IntakeClerk], [Qualifications.Immediate]),
        new("officer.pengli", "时专员（彭李街道）", DemoCity.Pengli, $"{DemoCity.Pengli}-BMZX", [Roles.Reviewer, Roles.Approver]),
        new("clerk.sunwu", "傅窗口（孙武街道）", DemoCity.Sunwu, $"{DemoCity.Sunwu}-BMZX", [Roles.IntakeClerk], [Qualifications.Immediate]),
        new("officer.sunwu", "皮专员（孙武街道）", DemoCity.Sunwu, $"{DemoCity.Sunwu}-BMZX", [Roles.Reviewer, Roles.Approver]),
    ];

    public static readonly IReadOnlyList<(string UserName, AccountKind Kind, string Name, string Code, string Mobile, string Region)> Applicants =
    [
        ("citizen", AccountKind.Person, "李明", "371602199003151236", "13805431234", DemoCity.Bincheng),
        ("citizen2", AccountKind.Person, "张秀兰", "371621198506213026", "13905439876", DemoCity.Huimin),
        ("enterprise", AccountKind.Enterprise, "滨州市黄河餐饮管理有限公司", "91371602MA3C8K2L6B", "15305431111", DemoCity.Bincheng),
        ("enterprise2", AccountKind.Enterprise, "惠民县绳网制品有限公司", "91371621MA3D1F7PX2", "15905432222", DemoCity.Huimin),
        // 中介超市: the twenty intermediaries' enterprise accounts.
        .. DemoAgencies.All.Select((a, i) => (a.UserName, AccountKind.Enterprise, a.Name, DemoAgencies.UsccOf(i, a.Region), DemoAgencies.MobileOf(i), a.Region)),
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
            if (await users.FindByNameAsync(a.UserName) is { } existing)
            {
                if (existing.IdentityVerifiedAt is null && existing.IdentityCode == a.Code)
                {
                    await verification.MarkVerifiedAsync(existing, "demo", ct);
                }

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
            // The demo applicants stand for people whose identity was checked: their journeys show everything filed for them.
            await verification.MarkVerifiedAsync(user, "demo", ct);
        }
    }
}
