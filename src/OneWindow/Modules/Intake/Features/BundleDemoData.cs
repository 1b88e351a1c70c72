using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// The demo 一件事: 企业开办 (five items in five departments, licences issued together), 施工许可一件事 and
/// 企业迁移. Defined through <see cref="Bundles.SaveAsync"/>, so the demo passes the same checks as an admin's.
/// </summary>
internal sealed class BundleDemoData(AppDbContext db, Bundles bundles) : IDemoSeeder
{
    public int Order => 40;

    public static readonly IReadOnlyList<(string Code, BundleInput Input)> Definitions =
    [
        ("QYKB", new BundleInput
        {
            Name = "企业开办一件事",
            Description = "营业执照、公章刻制、新办纳税人、社保登记、公积金缴存登记一表申请，一窗受理，并联办理，证照联发，一日办结。",
            LeadDepartment = "371600-SCJ", Items = ["XK-SCJ-001", "QT-GAJ-001", "GG-SWJ-001", "GG-RSJ-001", "GG-GJJ-001"],
            CommittedDays = 1, Issuance = Issuance.Joint, OnDenial = DenialConsequence.Stop,
        }),
        ("SGXK", new BundleInput
        {
            Name = "施工许可一件事",
            Description = "建设工程规划许可、消防设计审查、环评审批、建筑垃圾处置核准与施工许可合并申请，一张表单、一套材料，联合审查，证照同发。",
            LeadDepartment = "371600-ZJJ", Items = ["XK-ZRJ-002", "XK-ZJJ-004", "XK-HBJ-002", "XK-ZJJ-008", "XK-ZJJ-001"],
            CommittedDays = 10, Issuance = Issuance.Joint, OnDenial = DenialConsequence.Continue,
        }),
        ("QYQY", new BundleInput
        {
            Name = "企业迁移一件事",
            Description = "企业住所跨区迁移：变更登记与税务、社保、公积金信息变更一次申请，各部门并联办理，办好一项发一项。",
            LeadDepartment = "371600-SCJ", Items = ["XK-SCJ-002", "GG-SWJ-001", "GG-RSJ-001", "GG-GJJ-001"],
            CommittedDays = 3, Issuance = Issuance.Each, OnDenial = DenialConsequence.Continue,
        }),
        // The four stages of a construction project (工程建设项目审批四个阶段), each one 一件事.
        ("GCJS-1", new BundleInput
        {
            Name = "立项用地规划许可阶段",
            Description = "用地预审与选址意见书、建设用地规划许可证合并办理。",
            LeadDepartment = "371600-ZRJ", Items = ["XK-ZRJ-004", "XK-ZRJ-001"], CommittedDays = 5, Issuance = Issuance.Joint,
        }),
        ("GCJS-2", new BundleInput
        {
            Name = "工程建设许可阶段",
            Description = "建设工程规划许可、消防设计审查、环境影响评价审批并联办理，可联合审图、联合评审。",
            LeadDepartment = "371600-ZRJ", Items = ["XK-ZRJ-002", "XK-ZJJ-004", "XK-HBJ-002"], CommittedDays = 10, Issuance = Issuance.Joint,
        }),
        ("GCJS-3", new BundleInput
        {
            Name = "施工许可阶段",
            Description = "施工许可证与建筑垃圾处置核准合并办理。",
            LeadDepartment = "371600-ZJJ", Items = ["XK-ZJJ-001", "XK-ZJJ-008"], CommittedDays = 5, Issuance = Issuance.Joint,
        }),
        ("GCJS-4", new BundleInput
        {
            Name = "竣工验收阶段",
            Description = "消防验收与竣工验收备案联合验收，一次现场踏勘。",
            LeadDepartment = "371600-ZJJ", Items = ["XK-ZJJ-003", "XK-ZJJ-007"], CommittedDays = 5, Issuance = Issuance.Each,
        }),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = (await db.Set<Bundle>().Select(b => b.Code).ToListAsync(ct)).ToHashSet();
        foreach (var (code, input) in Definitions.Where(d => !existing.Contains(d.Code)))
        {
            var saved = await bundles.SaveAsync(code, input, ct);
            if (!saved.IsSuccess)
            {
                throw new InvalidOperationException($"demo bundle {code}: {saved.Error!.Title} {string.Join("; ", saved.Error.Fields?.SelectMany(f => f.Value) ?? [])}");
            }
        }
    }
}
