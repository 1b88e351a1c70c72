using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>
/// 办公时间: a hall gives out numbers only while it is open: on working days (the official calendar; weekends alone for a
/// year not yet published) between its opening and closing, or every day for a hall that is open every day.
/// </summary>
internal sealed class HallHours(AppDbContext db, WorkingDayCalendar calendar, TimeProvider clock)
{
    public async Task<bool> IsOpenAsync(Hall hall, CancellationToken ct)
    {
        var local = Timestamps.InChina(clock.GetUtcNow()).DateTime;
        var day = DateOnly.FromDateTime(local);
        var working = (await calendar.RulesAsync(ct)).IsWorkingDay(day);
        return hall.IsOpenAt(local, working.IsSuccess ? working.Value : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    public async Task<bool> IsOpenAsync(Guid hallId, CancellationToken ct) =>
        await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hallId, ct) is { } hall && await IsOpenAsync(hall, ct);

    /// <summary>The refusal when the hall is closed, or null when it is open.</summary>
    public async Task<Error?> ClosedAsync(Hall hall, CancellationToken ct) =>
        await IsOpenAsync(hall, ct) ? null : Error.Conflict("ticket:hall-closed", $"大厅现在不办公（办公时间：{hall.HoursText}），请在办公时间取号，或网上预约");
}
