using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Hotline.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Reports.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Reports.Features;

/// <summary>
/// How each fact moves the figures (ADR 0026, decision 5): one rule per event type, over rows from wherever they are kept — the
/// database for the outbox handler (<see cref="Rollups"/>), memory for the generator (<see cref="GeneratedRollups"/>), so
/// generated data and live data are counted by the same rules.
/// </summary>
internal abstract class RollupRows
{
    /// <summary>A rating of 满意 (4) or 非常满意 (5) counts toward 满意率.</summary>
    public const int GoodLevel = 4;

    protected abstract ValueTask<DailyFigures> RowAsync(DateOnly day, string region, string department, string item, CancellationToken ct);

    /// <summary>One more case of <paramref name="workingDays"/> in the row's histogram.</summary>
    protected virtual void AddDuration(DailyFigures row, int workingDays) => row.Durations = DurationHistogram.Add(row.Durations, workingDays, 1);

    /// <summary>Counts one fact; false when it moves no figure.</summary>
    public async ValueTask<bool> CountAsync(IIntegrationEvent fact, CancellationToken ct)
    {
        switch (fact)
        {
            case CaseAccepted or CaseAcceptedWithDeferral when fact is CaseEvent { AcceptedOn: { } day } e:
            {
                var row = await RowAsync(day, e.RegionCode, e.DepartmentCode ?? "", e.ItemCode, ct);
                row.Received++;
                row.Online += e.Channel == "Online" ? 1 : 0;
                row.OneWindow += e.OneWindow ? 1 : 0;
                row.Instant += e.Instant ? 1 : 0;
                return true;
            }

            case CaseCompleted { CompletedOn: { } day } e:
            {
                var row = await RowAsync(day, e.RegionCode, e.DepartmentCode ?? "", e.ItemCode, ct);
                row.Completed++;
                row.OneVisit += e.HadCorrection ? 0 : 1;
                row.OnTime += e.DueDate is null || day <= e.DueDate ? 1 : 0;
                if (e.WorkingDays is { } days)
                {
                    row.Timed++;
                    row.WorkingDaysSum += days;
                    AddDuration(row, days);
                }

                return true;
            }

            case TicketCalled e:
            {
                var row = await RowAsync(e.Day, e.RegionCode, e.DepartmentCode, "", ct);
                row.Tickets++;
                row.WaitMinutesSum += e.WaitMinutes;
                return true;
            }

            // A rating written by a build before the figures carries no day: nothing to count it on.
            case RatingGiven e when e.Day != default:
            {
                var row = await RowAsync(e.Day, e.RegionCode, e.DepartmentCode, "", ct);
                row.Ratings++;
                row.RatingsGood += e.Level >= GoodLevel ? 1 : 0;
                return true;
            }

            case WorkOrderReceived e when e.ReceivedOn != default:
                (await RowAsync(e.ReceivedOn, e.RegionCode, e.LeadDepartment ?? "", "", ct)).WorkOrders++;
                return true;

            case WorkOrderClosed or WorkOrderAnswered or WorkOrderReviewed when fact is WorkOrderEvent { FinishedOn: { } day } e:
            {
                var row = await RowAsync(day, e.RegionCode, e.LeadDepartment ?? "", "", ct);
                row.WorkOrdersFinished++;
                row.WorkOrdersOnTime += e.FinishedOnTime ? 1 : 0;
                return true;
            }

            // 重办: the 办结 it undoes no longer counts (the order counts once, when it is 办结 again).
            case WorkOrderReopened { UndoesFinishOn: { } day } e:
            {
                var row = await RowAsync(day, e.RegionCode, e.LeadDepartment ?? "", "", ct);
                row.WorkOrdersFinished--;
                row.WorkOrdersOnTime -= e.UndoesFinishOnTime ? 1 : 0;
                return true;
            }

            case CallbackClosed { Outcome: "Reached" } e:
                (await RowAsync(e.Day, e.RegionCode, e.DepartmentCode, "", ct)).Callbacks++;
                return true;

            default:
                return false;
        }
    }
}

/// <summary>
/// Keeps the rollups current from other modules' typed events. Each delivery adds to one day's row in the handler's unit of work,
/// committed with the delivery record, so a redelivered event is not counted twice; two deliveries racing on one row meet the
/// row's version and the later one is delivered again.
/// </summary>
internal sealed class Rollups(AppDbContext db) : RollupRows,
    IOutboxHandler<CaseAccepted>, IOutboxHandler<CaseAcceptedWithDeferral>, IOutboxHandler<CaseCompleted>, IOutboxHandler<TicketCalled>,
    IOutboxHandler<RatingGiven>, IOutboxHandler<WorkOrderReceived>, IOutboxHandler<WorkOrderClosed>, IOutboxHandler<WorkOrderAnswered>,
    IOutboxHandler<WorkOrderReviewed>, IOutboxHandler<WorkOrderReopened>, IOutboxHandler<CallbackClosed>
{
    public Task HandleAsync(CaseAccepted e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(CaseAcceptedWithDeferral e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(CaseCompleted e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(TicketCalled e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(RatingGiven e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(WorkOrderReceived e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(WorkOrderClosed e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(WorkOrderAnswered e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(WorkOrderReviewed e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(WorkOrderReopened e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    public Task HandleAsync(CallbackClosed e, OutboxDeliveryContext context, CancellationToken ct) => CountAsync(e, ct).AsTask();

    protected override async ValueTask<DailyFigures> RowAsync(DateOnly day, string region, string department, string item, CancellationToken ct)
    {
        var row = await db.Set<DailyFigures>().FindAsync([day, region, department, item], ct);
        if (row is null)
        {
            row = new DailyFigures { Day = day, RegionCode = region, DepartmentCode = department, ItemCode = item };
            db.Add(row);
        }

        return row;
    }
}
