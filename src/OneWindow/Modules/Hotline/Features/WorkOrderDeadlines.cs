using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Hotline.Contracts;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Hotline.Features;

/// <summary>Settings of the 12345 hotline (<c>Hotline</c> section).</summary>
internal sealed class HotlineOptions
{
    /// <summary>重办: how many times a 不满意 rating reopens an order before it stays closed and goes to rectification.</summary>
    public int MaxReopens { get; set; } = 2;

    public bool DeadlineJob { get; set; } = true;

    public int DeadlineScanSeconds { get; set; } = 300;

    /// <summary>How many closed orders the demo history holds (the bench asks for 10,000 to time the suggestions).</summary>
    public int DemoHistoryOrders { get; set; } = 240;
}

internal sealed record WorkOrderScanResult(int Warned, int Overdue, int Conflicts);

/// <summary>
/// The limits job: raises 预警 (due within a working day; urgent: six hours) and 超期 (past due) on running orders, each
/// a step on the timeline, an audit entry and an event; the supervision board lists them. An order a person changed
/// meanwhile is left for the next run. Runs every <c>Hotline:DeadlineScanSeconds</c> (and once at start-up).
/// </summary>
internal sealed class WorkOrderDeadlines(AppDbContext db, AuditTrail audit, WorkingDayCalendar calendar, TimeProvider clock) : IPeriodicWork
{
    Task IPeriodicWork.RunAsync(CancellationToken ct) => RunAsync(ct);

    public async Task<WorkOrderScanResult> RunAsync(CancellationToken ct)
    {
        var now = clock.Now();
        var today = clock.TodayInChina();
        var next = (await calendar.RulesAsync(ct)).AddWorkingDays(today, 1) is { IsSuccess: true } n ? n.Value : (DateOnly?)null;
        var ids = await db.Set<WorkOrder>().AsNoTracking()
            .Where(o => WorkOrders.Running.Contains(o.Status) && o.DeadlineState != WorkOrderDeadline.Overdue)
            .Select(o => new { o.Id, o.DueAt, o.Urgency, o.DeadlineState, o.Status })
            .ToListAsync(ct);
        int warned = 0, overdue = 0, conflicts = 0;
        foreach (var candidate in ids)
        {
            // Checked in memory first (cheap), loaded and saved only when the state moves.
            var probe = new WorkOrder { DueAt = candidate.DueAt, Urgency = candidate.Urgency, DeadlineState = candidate.DeadlineState, Status = candidate.Status };
            if (!probe.UpdateDeadline(now, today, next))
            {
                continue;
            }

            db.ChangeTracker.Clear();
            var o = await db.Set<WorkOrder>().SingleAsync(x => x.Id == candidate.Id, ct);
            if (!o.UpdateDeadline(now, today, next))
            {
                continue;
            }

            var due = o.DueAt.ToOffset(TimeSpan.FromHours(8));
            if (o.DeadlineState == WorkOrderDeadline.Overdue)
            {
                WorkOrderRecording.Record<WorkOrderOverdue>(db, audit, o, now, "系统", $"超期：办理时限为 {due:yyyy-MM-dd HH:mm}");
            }
            else
            {
                WorkOrderRecording.Record<WorkOrderDeadlineWarning>(db, audit, o, now, "系统", $"预警：将于 {due:yyyy-MM-dd HH:mm} 到期");
            }

            try
            {
                await db.SaveChangesAsync(ct);
                _ = o.DeadlineState == WorkOrderDeadline.Overdue ? overdue++ : warned++;
            }
            catch (DbUpdateConcurrencyException)
            {
                conflicts++;
            }
        }

        return new WorkOrderScanResult(warned, overdue, conflicts);
    }
}
