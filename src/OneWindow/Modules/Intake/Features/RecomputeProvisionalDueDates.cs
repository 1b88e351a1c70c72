using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// A year's calendar was imported: every open case whose due date was provisional (暂定, counted on weekends alone
/// because that year was not yet published) gets its due date computed again, and the change goes on its timeline.
/// Idempotent: a case already recomputed is no longer provisional.
/// </summary>
internal sealed class RecomputeProvisionalDueDates(AppDbContext db, WorkingDayCalendar calendar, AuditTrail audit) : IOutboxHandler<CalendarYearPublished>
{
    public async Task HandleAsync(CalendarYearPublished e, OutboxDeliveryContext context, CancellationToken ct)
    {
        // From the database, not this instance's cache: the import may have committed a moment ago, or elsewhere.
        calendar.Invalidate();
        var rules = await calendar.RulesAsync(ct);
        if (!rules.Years.Contains(e.Year))
        {
            throw new InvalidOperationException($"the calendar of {e.Year} is not readable yet"); // delivered again later
        }

        foreach (var c in await db.Set<Case>().Where(c => c.DueDateProvisional).ToListAsync(ct))
        {
            var before = c.DueDate;
            if (c.RecomputeProvisionalDueDate(rules))
            {
                audit.Record(new AuditRecord(c.RegionCode, "Case", c.Id.ToString(), "DueDateRecomputed",
                    new { year = e.Year, before, c.DueDate, provisional = c.DueDateProvisional }), "system", "系统");
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
