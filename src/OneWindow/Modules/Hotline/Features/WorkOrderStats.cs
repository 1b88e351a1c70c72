using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Features;

internal sealed record DayCount(DateOnly Date, IReadOnlyDictionary<string, int> ByType, int Total);

internal sealed record CategoryCount(string Code, string Category, int Count);

/// <summary>The hotline dashboard's figures for a period (received in it): rates are null when nothing counts towards them.</summary>
internal sealed record HotlineStats(
    DateOnly From, DateOnly To, int Received, int Finished, double? AnsweredDirectlyRate, double? OnTimeRate, double? ReturnRate, double? Satisfaction, int Rated,
    IReadOnlyList<DayCount> PerDay, IReadOnlyList<CategoryCount> TopCategories);

internal sealed record DepartmentLoad(string Department, string Name, int Running, int Warning, int Overdue, int Returned, int SupervisionUnacknowledged);

internal sealed record SupervisionBoard(IReadOnlyList<DepartmentLoad> Departments, IReadOnlyList<WorkOrderView> Late);

/// <summary>What leaders and supervisors look at: the dashboard's rates, and the supervision board (orders past 预警 or overdue, and counts by department).</summary>
internal sealed class WorkOrderStats(AppDbContext db, WorkOrders orders, IDepartmentDirectory departments, ICurrentUser user, TimeProvider clock)
{
    private bool MayLook => user.IsInRole(Roles.HotlineAgent) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    public async Task<Result<HotlineStats>> DashboardAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!MayLook)
        {
            return Error.Forbidden("work-order:forbidden", "热线统计供 12345 热线、监督人员和管理员查看");
        }

        var last = to ?? clock.TodayInChina();
        var first = from ?? last.AddDays(-29);
        if (first > last || last.DayNumber - first.DayNumber > 366)
        {
            return Error.Field("from", "统计区间最长一年，且开始日期不晚于结束日期");
        }

        var china = TimeSpan.FromHours(8);
        var (since, until) = (new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), china).ToUniversalTime(), new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), china).ToUniversalTime());
        // The orders of the viewer's division (a city's staff oversee its counties).
        var prefix = Regions.Prefix(user.RegionCode);
        var rows = await db.Set<WorkOrder>().AsNoTracking()
            .Where(o => o.ReceivedAt >= since && o.ReceivedAt < until && o.RegionCode.StartsWith(prefix))
            .Select(o => new { o.ReceivedAt, o.Type, o.Status, o.CategoryCode, o.DueAt, o.ClosedAt, o.Returns, o.DispatchedAt, o.RatingLevel })
            .ToListAsync(ct);
        double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
        var finished = rows.Where(o => o.Status is WorkOrderStatus.Closed or WorkOrderStatus.Answered).ToList();
        var dispatched = rows.Where(o => o.DispatchedAt is not null || o.Returns > 0).ToList();
        var rated = rows.Where(o => o.RatingLevel is not null).ToList();
        // One pass over the rows: each order counted under its day (China time) and type.
        var byDay = rows.ToLookup(o => DateOnly.FromDateTime(o.ReceivedAt.ToOffset(china).DateTime));
        var perDay = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).Select(day =>
            new DayCount(day, Enum.GetValues<WorkOrderType>().ToDictionary(WorkOrderLabels.Of, t => byDay[day].Count(o => o.Type == t)), byDay[day].Count())).ToList();
        var top = rows.GroupBy(o => o.CategoryCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(8)
            .Select(g => new CategoryCount(g.Key, HotlineCategories.PathOf(g.Key), g.Count())).ToList();
        return new HotlineStats(first, last, rows.Count, finished.Count, Share(rows.Count(o => o.Status == WorkOrderStatus.Answered), rows.Count),
            Share(finished.Count(o => o.ClosedAt <= o.DueAt), finished.Count), Share(dispatched.Count(o => o.Returns > 0), dispatched.Count),
            Share(rated.Count(o => o.RatingLevel >= 3), rated.Count), rated.Count, perDay, top);
    }

    public async Task<Result<SupervisionBoard>> BoardAsync(CancellationToken ct)
    {
        if (!MayLook)
        {
            return Error.Forbidden("work-order:forbidden", "督办看板供 12345 热线、监督人员和管理员查看");
        }

        var since = clock.Now().AddDays(-30);
        var running = WorkOrders.Running;
        var prefix = Regions.Prefix(user.RegionCode);
        var led = await db.Set<WorkOrder>().AsNoTracking()
            .Where(o => o.LeadDepartment != null && o.RegionCode.StartsWith(prefix) && (running.Contains(o.Status) || o.ReceivedAt >= since))
            .Select(o => new { o.LeadDepartment, o.Status, o.DeadlineState, o.Returns, o.SupervisedAt, o.SupervisionAcknowledgedAt })
            .ToListAsync(ct);
        var names = await departments.NamesAsync(led.Select(o => o.LeadDepartment!).Distinct(), ct);
        var loads = led.GroupBy(o => o.LeadDepartment!).Select(g =>
        {
            var open = g.Where(o => running.Contains(o.Status)).ToList();
            return new DepartmentLoad(g.Key, names.GetValueOrDefault(g.Key, g.Key), open.Count, open.Count(o => o.DeadlineState == WorkOrderDeadline.Warning),
                open.Count(o => o.DeadlineState == WorkOrderDeadline.Overdue), g.Sum(o => o.Returns), open.Count(o => o.SupervisedAt != null && o.SupervisionAcknowledgedAt == null));
        }).OrderByDescending(d => d.Overdue).ThenByDescending(d => d.Warning).ThenBy(d => d.Department, StringComparer.Ordinal).ToList();
        var late = await orders.LateAsync(ct);
        return new SupervisionBoard(loads, late);
    }
}
