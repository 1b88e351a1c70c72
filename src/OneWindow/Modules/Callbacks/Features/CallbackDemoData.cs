using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Callbacks.Features;

/// <summary>
/// At first start, the 回访 list of the services the demo closed on the previous working day (cases, hall tickets, 12345
/// orders): today's list on a working day, else the next working day's, so the console has work at once.
/// </summary>
internal sealed class CallbackDemoData(AppDbContext db, CallbackLists lists, WorkingDayCalendar calendar, TimeProvider clock) : IDemoSeeder
{
    public int Order => 90;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<CallbackList>().AnyAsync(ct))
        {
            return;
        }

        var rules = await calendar.RulesAsync(ct);
        var day = clock.TodayInChina();
        for (var i = 0; i < 30 && rules.IsWorkingDay(day) is { IsSuccess: true, Value: false }; i++)
        {
            day = day.AddDays(1);
        }

        await lists.BuildAsync(day, ct);
    }
}
