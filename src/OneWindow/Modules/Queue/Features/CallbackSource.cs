using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>The hall services (tickets) finished on a day that left a phone number, for the 回访 centre.</summary>
internal sealed class CallbackSource(AppDbContext db) : ICallbackSources
{
    public async Task<IReadOnlyList<ClosedService>> ClosedOnAsync(DateOnly day, CancellationToken ct)
    {
        var rows = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.Day == day && t.Status == TicketStatus.Done && t.Mobile != null && t.DepartmentCode != null)
            .Join(db.Set<Hall>(), t => t.HallId, h => h.Id, (t, h) => new
            {
                t.Id, t.Number, t.RegionCode, t.DepartmentCode, t.Mobile, t.UserId, t.IssuedAt, t.CounterNumber, t.ServedByName, t.ItemCode, Hall = h.Name,
            })
            .ToListAsync(ct);
        return [.. rows.Select(t => new ClosedService("ticket", t.Id, 0, t.Number, $"{t.Hall} {t.Number} 号（{t.CounterNumber} 号窗口）", t.ItemCode, t.RegionCode, t.DepartmentCode!,
            null, t.Mobile, t.UserId, t.IssuedAt, day, true, false, false, t.ServedByName))];
    }
}
