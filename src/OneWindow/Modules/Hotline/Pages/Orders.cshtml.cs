using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>
/// 12345 工单 for staff: agents see their region's queue (待派单, 待审核), a department its inbox (待签收, 办理中, 超期),
/// supervisors and administrators every order; filters, paging and the CSV export share one scope with the API.
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class OrdersModel(WorkOrders orders, ICurrentUser user) : HotlinePage
{
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<WorkOrderView> Results { get; private set; } = Page<WorkOrderView>.Empty(20);

    public bool IsAgent => user.IsInRole(Roles.HotlineAgent);

    public bool IsDepartment => !IsAgent && !IsOversight && user.DepartmentCode is { Length: > 0 };

    public bool IsOversight => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    /// <summary>The tabs of this person's list: (view, label, status, overdue).</summary>
    public IReadOnlyList<(string View, string Label, string? Status, bool? Overdue)> Tabs =>
        IsAgent ? [("received", "待派单", "received", null), ("replied", "待审核", "replied", null), ("overdue", "超期", null, true), ("all", "全部", null, null)]
        : IsDepartment ? [("dispatched", "待签收", "dispatched", null), ("signed", "办理中", "signed", null), ("overdue", "超期", null, true), ("all", "全部", null, null)]
        : [("all", "全部", null, null), ("overdue", "超期", null, true), ("closed", "已办结", "closed", null)];

    public (string View, string Label, string? Status, bool? Overdue) Current => Tabs.FirstOrDefault(t => t.View == View) is { View: not null } t ? t : Tabs[0];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tab = Current;
        var r = await orders.ListAsync(tab.Status, null, tab.Overdue, Math.Max(1, PageNumber), 20, ct);
        if (r.IsSuccess)
        {
            Results = r.Value!;
        }
        else
        {
            Refused(r.Error!);
        }
    }
}
