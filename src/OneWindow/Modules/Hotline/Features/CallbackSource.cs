using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Hotline.Features;

/// <summary>
/// The 12345 orders closed on a day (办结 or 直接答复), for the 回访 centre; confidential (保密) callers are not called back by
/// anyone outside the hotline, so their orders are left out (the closing SMS asks them to rate).
/// </summary>
internal sealed class CallbackSource(AppDbContext db) : ICallbackSources
{
    public async Task<IReadOnlyList<ClosedService>> ClosedOnAsync(DateOnly day, CancellationToken ct)
    {
        var start = Timestamps.AtChinaTime(day);
        var end = Timestamps.AtChinaTime(day.AddDays(1));
        var rows = await db.Set<WorkOrder>().AsNoTracking()
            .Where(o => o.ClosedAt >= start && o.ClosedAt < end && (o.Status == WorkOrderStatus.Closed || o.Status == WorkOrderStatus.Answered) && !o.Confidential
                        && o.CallerPhone != "")
            .Select(o => new
            {
                o.Id, o.Reopens, o.Number, o.CategoryCode, o.RegionCode, o.LeadDepartment, o.ReceivedByDepartment, o.CallerName, o.CallerPhone, o.CallerUserId, o.ReceivedAt,
                o.DeadlineState, o.ReceivedByName,
            })
            .ToListAsync(ct);
        return [.. rows.Where(o => (o.LeadDepartment ?? o.ReceivedByDepartment) is not null).Select(o => new ClosedService(
            "workOrder", o.Id, o.Reopens, o.Number, $"12345 工单 {o.Number}（{HotlineCategories.PathOf(o.CategoryCode)}）", HotlineCategories.PathOf(o.CategoryCode), o.RegionCode,
            (o.LeadDepartment ?? o.ReceivedByDepartment)!, o.CallerName, o.CallerPhone, o.CallerUserId, o.ReceivedAt, day, o.DeadlineState != WorkOrderDeadline.Overdue,
            false, false, o.ReceivedByName))];
    }
}
