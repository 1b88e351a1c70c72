using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Pages;

public sealed record Ability(string Title, string Description, string? Href);

/// <summary>The staff home: what the signed-in person can do, by role. Modules add their entry points here as they land.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class WorkbenchModel(ICurrentUser user, IDepartmentDirectory departments, OneWindow.Platform.Calendar.WorkingDayCalendar calendar, TimeProvider clock) : PageModel
{
    /// <summary>From October 1, an administrator is told while next year's holidays are not imported (due dates into it are 暂定).</summary>
    public int? MissingNextYear { get; private set; }

    public string DisplayName => user.DisplayName ?? "";

    public IReadOnlyList<string> RoleLabels { get; private set; } = [];

    public string? Department { get; private set; }

    public IReadOnlyList<Ability> Abilities { get; private set; } = [];

    public static IEnumerable<Ability> For(string role) => role switch
    {
        Roles.Admin =>
        [
            new("工作日历", "维护国务院节假日与调休安排，导入新年度", "/admin/calendar"),
            new("审计链校验", "校验全部审计记录的哈希链是否完整", "/api/v1/audit/verify"),
            new("事项管理", "事项目录、实施清单与办事指南；导入导出", "/admin/items"),
            new("大厅设置", "服务大厅、业务分区、综合窗口、专窗与绿色通道", "/admin/halls"),
            new("Open311 客户端", "为外部应用签发与停用 api_key", "/admin/open311"),
        ],
        Roles.HallGuide => [new("大导服", "咨询引导、取号分流：按业务分区或事项取号，发放优先号", "/halls"), new("帮办代办", "搜索事项，为申请人代为填报提交", "/search")],
        Roles.IntakeClerk =>
        [
            new("综合受理", "无差别一窗受理任一事项：搜索事项后点“我要申请”，容缺受理、一次性告知", "/search"),
            new("窗口叫号", "在窗口签到，叫号、重呼、过号、转移、办结，群众在评价器上评价", "/halls"),
            new("待办与统一出件", "待受理、待出件的办件，按办结期限排序", "/workbench/cases?view=todo"),
        ],
        Roles.Reviewer => [new("审查", "审查本部门办件，提出审查意见", "/workbench/cases?view=todo")],
        Roles.Approver => [new("审批决定", "对本部门办件作出准予或不予许可决定", "/workbench/cases?view=todo")],
        Roles.DepartmentHead =>
        [
            new("部门督办", "本部门办件时限预警与超期", "/workbench/cases?view=all&deadline=warning"), new("事项管理", "维护本部门事项、发布新版本", "/admin/items"),
            new("差评整改", "本部门的好差评与差评整改（核实、整改、反馈）", "/rectifications"),
            new("统计分析", "受理、办结、按时办结率、办理时长与满意率，按部门、地区、事项，导出与月报", "/reports"),
        ],
        Roles.HotlineAgent =>
        [
            new("受理来电", "坐席受理台：来电记录、知识库、受理后派单建议", "/hotline/new"), new("12345 工单", "待派单、待审核、超期工单", "/hotline"),
            new("督办看板", "预警与超期工单、各部门退单与督办", "/hotline/supervision"), new("热线统计", "工单量、直接办结率、按时办结率、满意率", "/hotline/dashboard"),
            new("知识库", "撰写与修订答复口径", "/hotline/knowledge"),
        ],
        Roles.HotlineHandler => [new("12345 工单收件箱", "签收、退单、回复、申请延期、签收督办", "/hotline")],
        Roles.Supervisor =>
        [
            new("效能监督", "超期办件督办", "/workbench/cases?view=all&deadline=overdue"), new("好差评监督", "各部门满意率与差评整改进度", "/rectifications"),
            new("12345 督办", "预警与超期工单，发出督办、批准延期", "/hotline/supervision"), new("热线统计", "12345 工单量与各项比率", "/hotline/dashboard"),
            new("审计链校验", "校验全部审计记录的哈希链是否完整", "/api/v1/audit/verify"),
            new("统计分析与大屏", "全市政务服务指标、趋势、按部门/地区/事项分析，导出与月报；1920×1080 大屏", "/reports"),
        ],
        _ => [],
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = Roles.Staff.Where(user.IsInRole).ToList();
        RoleLabels = [.. roles.Select(Roles.Label)];
        Abilities = [.. roles.SelectMany(For).DistinctBy(a => a.Title)];
        if (user.DepartmentCode is { } code)
        {
            Department = (await departments.FindAsync(code, ct))?.Name;
        }

        var today = OneWindow.Platform.Data.Timestamps.TodayInChina(clock);
        if (roles.Contains(Roles.Admin) && today.Month >= 10 && !(await calendar.RulesAsync(ct)).Years.Contains(today.Year + 1))
        {
            MissingNextYear = today.Year + 1;
        }
    }
}
