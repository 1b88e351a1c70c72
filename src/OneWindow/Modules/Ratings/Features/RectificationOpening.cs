using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Ratings.Features;

/// <summary>
/// The one way a rectification is opened, whatever its source: due in <c>Ratings:RectificationDays</c> working days,
/// recorded in the audit chain, its department told (<see cref="RectificationOpened"/>); added to the caller's unit of work.
/// </summary>
internal sealed class RectificationOpening(AppDbContext db, WorkingDayCalendar calendar, AuditTrail audit, Outbox outbox, TimeProvider clock, IOptions<RatingsOptions> options)
    : IRectifications
{
    public async Task<(Guid Id, DateOnly DueDate)> OpenAsync(RectificationRequest request, CancellationToken ct)
    {
        var r = await OpenAsync(request, null, null, ct);
        return (r.Id, r.DueDate);
    }

    public async Task<Rectification> OpenAsync(RectificationRequest request, Guid? ratingId, int? level, CancellationToken ct)
    {
        var now = clock.Now();
        var today = clock.TodayInChina();
        var due = (await calendar.RulesAsync(ct)).AddWorkingDays(today, options.Value.RectificationDays);
        var r = new Rectification
        {
            Id = Guid.CreateVersion7(now), RegionCode = request.RegionCode, Source = request.Source, SourceId = request.SourceId, RatingId = ratingId,
            DepartmentCode = request.DepartmentCode, Subject = TextRules.Clip(request.Subject, 200), Level = level, Comment = TextRules.Clip(request.Problem, 500),
            Status = RectificationStatus.Verifying, OpenedAt = now, DueDate = due.IsSuccess ? due.Value : today.AddDays(options.Value.RectificationDays + 2),
        };
        db.Add(r);
        audit.Record(new AuditRecord(r.RegionCode, "Rectification", r.Id.ToString(), "RectificationOpened",
            new { source = r.Source.ToString(), sourceId = r.SourceId, level, department = r.DepartmentCode, r.DueDate }));
        var what = level is { } l ? Rating.Label(l) : Rectification.Label(r.Source);
        outbox.Enqueue(new RectificationOpened(r.Id, r.DepartmentCode, r.Subject, what, r.Comment, r.DueDate, r.RegionCode));
        return r;
    }

    public async Task<IReadOnlyList<RectificationStats>> StatsAsync(string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = Timestamps.AtChinaTime(from);
        var end = Timestamps.AtChinaTime(to.AddDays(1));
        var rows = await db.Set<Rectification>().AsNoTracking().Where(r => r.RegionCode.StartsWith(regionPrefix) && r.OpenedAt >= start && r.OpenedAt < end)
            .Select(r => new { r.Source, r.Status, r.DeadlineState, r.OpenedAt, r.ClosedAt }).ToListAsync(ct);
        return [.. Enum.GetValues<RectificationSource>().Select(s =>
        {
            var of = rows.Where(r => r.Source == s).ToList();
            var open = of.Where(r => Rectification.OpenStates.Contains(r.Status)).ToList();
            var closed = of.Where(r => r.ClosedAt is not null).ToList();
            return new RectificationStats(s, Rectification.Label(s), of.Count, open.Count, open.Count(r => r.DeadlineState == RectificationDeadline.Overdue), closed.Count,
                closed.Count == 0 ? null : Math.Round(closed.Average(r => (r.ClosedAt!.Value - r.OpenedAt).TotalDays), 1));
        })];
    }
}
