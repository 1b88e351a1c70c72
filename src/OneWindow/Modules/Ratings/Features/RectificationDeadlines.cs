using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Ratings.Features;

internal sealed record RectificationScanResult(int Warned, int Overdue, int Conflicts);

/// <summary>
/// The rectifications' limits job: 预警 when an open rectification is due by the next working day, 超期 once its date has
/// passed; each once (an audit entry and <see cref="RectificationDeadlineReached"/>, which tells the department), however
/// often it runs. One changed meanwhile by a person is left for the next run.
/// </summary>
internal sealed class RectificationDeadlines(AppDbContext db, AuditTrail audit, WorkingDayCalendar calendar, TimeProvider clock) : IPeriodicWork
{
    Task IPeriodicWork.RunAsync(CancellationToken ct) => RunAsync(ct);

    public async Task<RectificationScanResult> RunAsync(CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var next = (await calendar.RulesAsync(ct)).AddWorkingDays(today, 1) is { IsSuccess: true } n ? n.Value : (DateOnly?)null;
        var limit = next ?? today.AddDays(1);
        var due = await db.Set<Rectification>().AsNoTracking()
            .Where(r => Rectification.OpenStates.Contains(r.Status) && r.DeadlineState != RectificationDeadline.Overdue && r.DueDate <= limit)
            .Select(r => r.Id).ToListAsync(ct);
        int warned = 0, overdue = 0, conflicts = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var r = await db.Set<Rectification>().SingleAsync(x => x.Id == id, ct);
            if (!r.UpdateDeadline(today, next))
            {
                continue;
            }

            var late = r.DeadlineState == RectificationDeadline.Overdue;
            audit.Record(new AuditRecord(r.RegionCode, "Rectification", r.Id.ToString(), late ? "RectificationOverdue" : "RectificationDeadlineWarning", new { r.DueDate }),
                new RectificationDeadlineReached(r.Id, r.DepartmentCode, r.Subject, late, r.DueDate, r.RegionCode));
            try
            {
                await db.SaveChangesAsync(ct);
                _ = late ? overdue++ : warned++;
            }
            catch (DbUpdateConcurrencyException)
            {
                conflicts++;
            }
        }

        db.ChangeTracker.Clear();
        return new RectificationScanResult(warned, overdue, conflicts);
    }
}
