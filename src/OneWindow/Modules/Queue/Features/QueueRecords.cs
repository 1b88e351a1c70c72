using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>The module's side of <see cref="IQueueRecords"/>.</summary>
internal sealed class QueueRecords(AppDbContext db) : IQueueRecords
{
    public async Task<IReadOnlyList<HallWaiting>> HallQueuesAsync(DateOnly today, CancellationToken ct = default)
    {
        var waiting = await db.Set<QueueTicket>().AsNoTracking().Where(t => t.Day == today && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.HallId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. (await db.Set<Hall>().AsNoTracking().OrderBy(h => h.Name).Select(h => new { h.Id, h.Name, h.RegionCode }).ToListAsync(ct))
            .Select(h => new HallWaiting(h.Id, h.Name, h.RegionCode, waiting.GetValueOrDefault(h.Id)))];
    }

    public async Task<TicketFacts?> FindTicketAsync(Guid id, CancellationToken ct = default)
    {
        var t = await db.Set<QueueTicket>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return null;
        }

        var hall = await db.Set<Hall>().AsNoTracking().Where(h => h.Id == t.HallId).Select(h => h.Name).SingleAsync(ct);
        return Facts(t, hall);
    }

    /// <summary>The ticket a counter finished last (the rating pad asks about it), if within <paramref name="within"/>.</summary>
    public async Task<TicketFacts?> LastServedAtAsync(Guid counterId, DateTimeOffset since, CancellationToken ct = default)
    {
        var t = await db.Set<QueueTicket>().AsNoTracking().Where(x => x.CounterId == counterId && x.Status == TicketStatus.Done && x.FinishedAt > since)
            .OrderByDescending(x => x.FinishedAt).FirstOrDefaultAsync(ct);
        return t is null ? null : Facts(t, await db.Set<Hall>().AsNoTracking().Where(h => h.Id == t.HallId).Select(h => h.Name).SingleAsync(ct));
    }

    /// <summary>The counter's number and department (and whether the person asking is signed in at it).</summary>
    public async Task<(int Number, string Name, string DepartmentCode, string? StaffUserId)?> CounterAsync(Guid counterId, CancellationToken ct = default) =>
        await db.Set<Counter>().AsNoTracking().Where(c => c.Id == counterId).Select(c => new { c.Number, c.Name, c.DepartmentCode, c.StaffUserId }).SingleOrDefaultAsync(ct)
            is { } c ? (c.Number, c.Name, c.DepartmentCode, c.StaffUserId) : null;

    private static TicketFacts Facts(QueueTicket t, string hall) => new(t.Id, t.Number, t.HallId, hall, t.RegionCode, t.Status.ToString(), t.Status == TicketStatus.Done, t.UserId,
        t.DepartmentCode, t.CounterId, t.CounterNumber, t.ServedBy, t.ServedByName, t.FinishedAt) { AccessCode = t.AccessCode };
}
