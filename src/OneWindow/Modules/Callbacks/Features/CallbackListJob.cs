using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Callbacks.Features;

/// <summary>
/// The morning job: on a working day, from <c>Callbacks:ListFrom</c> (China time), builds the day's callback list once (a
/// list already built that day is left alone; an administrator may rebuild through the API, which skips what is listed).
/// </summary>
internal sealed class CallbackListJob(AppDbContext db, CallbackLists lists, WorkingDayCalendar calendar, TimeProvider clock, IOptions<CallbackOptions> options) : IPeriodicWork
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.Now().ToOffset(TimeSpan.FromHours(8));
        var today = DateOnly.FromDateTime(now.DateTime);
        if (TimeOnly.FromDateTime(now.DateTime) < options.Value.ListFrom
            || (await calendar.RulesAsync(ct)).IsWorkingDay(today) is not { IsSuccess: true, Value: true }
            || await db.Set<CallbackList>().AnyAsync(l => l.Date == today, ct))
        {
            return;
        }

        await lists.BuildAsync(today, ct);
    }
}
