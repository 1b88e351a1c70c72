using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Hotline.Contracts;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Hotline.Features;

/// <summary>
/// 12345 orders as Ratings sees them (ADR 0022, decision 6): a closed order is rated once per round by the caller — the
/// link in the closing SMS, or their account when they filed it online — or by an agent of its region calling back. While
/// it may reopen (<see cref="HotlineOptions.MaxReopens"/>), 不满意 or worse reopens it (重办) instead of opening a rectification.
/// </summary>
internal sealed class WorkOrderRatings(
    AppDbContext db, AuditTrail audit, WorkingDayCalendar calendar, WorkOrderRatingCodes codes, ICurrentUser user, TimeProvider clock, IOptions<HotlineOptions> options)
    : IRatableSubjects, IOutboxHandler<RatingGiven>
{
    public const string Type = "workOrder";

    public string SubjectType => Type;

    public async Task<Result<RatableSubject>> FindAsync(Guid id, string? accessCode, CancellationToken ct)
    {
        var o = await db.Set<WorkOrder>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null)
        {
            return NotFound;
        }

        // A link names its round: an earlier round's link still names that round (already rated: Ratings says so).
        var round = o.Reopens;
        var byLink = false;
        for (var r = o.Reopens; r >= 0 && accessCode is not null && !byLink; r--)
        {
            (byLink, round) = (await codes.OpensAsync(o.Id, r, accessCode, ct), r);
        }

        round = byLink ? round : o.Reopens;
        var mayRate = byLink || (o.CallerUserId is not null && o.CallerUserId == user.UserId)
                      || (user.IsInRole(Roles.HotlineAgent) && Regions.Covers(user.RegionCode, o.RegionCode));
        if (!mayRate)
        {
            return NotFound;
        }

        if (round == o.Reopens && o.Status is not (WorkOrderStatus.Closed or WorkOrderStatus.Answered))
        {
            return Error.Conflict("rating:not-completed", $"工单 {o.Number} 尚未办结，办结后再评价");
        }

        return new RatableSubject(o.Id.ToString(), round, $"12345 工单 {o.Number}（{HotlineCategories.PathOf(o.CategoryCode)}）", o.RegionCode,
            o.LeadDepartment ?? o.ReceivedByDepartment ?? "", round < options.Value.MaxReopens);
    }

    private static Error NotFound => Error.NotFound("rating:subject-not-found", "评价对象不存在，或您无权评价");

    /// <summary>
    /// The order keeps the caller's latest rating (for the dashboard's satisfaction); 重办 on 不满意: the order goes back to
    /// its department (or to the centre) due again in five working days, once per rating.
    /// </summary>
    public async Task HandleAsync(RatingGiven e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (e.SubjectType != Type || !Guid.TryParse(e.SubjectId, out var id))
        {
            return;
        }

        var o = await db.Set<WorkOrder>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || o.Reopens != e.Round)
        {
            return; // already reopened for this rating (a redelivery), or gone
        }

        o.RatingLevel = e.Level;
        if (e.Level > 2)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var now = clock.Now();
        var due = (await calendar.RulesAsync(ct)).Deadline(clock.TodayInChina(), WorkOrders.ReplyWorkingDays);
        var (date, provisional) = due.IsSuccess ? due.Value : (clock.TodayInChina().AddDays(7), true);
        var finished = WorkOrderRecording.FinishOf(o);
        if (!o.Reopen(options.Value.MaxReopens, new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8)).ToUniversalTime(), provisional))
        {
            return;
        }

        WorkOrderRecording.Record(db, audit, o, now, "来电人评价", WorkOrderRecording.Event<WorkOrderReopened>(o,
            $"来电人评价“不满意”，第 {o.Reopens} 次重办" + (string.IsNullOrEmpty(e.Comment) ? "" : $"：{e.Comment}")) with
        {
            UndoesFinishOn = finished.On, UndoesFinishOnTime = finished.OnTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
