using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>
/// 日终: the queue is a day's queue. Tickets of earlier days still open are closed (waiting or called →
/// 过号, being served → 办结), and counters still signed in since an earlier day are signed out, so a
/// morning never starts with yesterday's tickets and utilisation never counts the night. Each hall in
/// its own <see cref="HallWork"/>; every closed ticket is in the audit chain.
/// </summary>
internal sealed class QueueDayEnd(AppDbContext db, HallWork work, AuditTrail audit, TimeProvider clock) : IPeriodicWork
{
    public async Task RunAsync(CancellationToken ct) => await CloseEarlierDaysAsync(ct);

    /// <summary>Returns how many tickets it closed.</summary>
    public async Task<int> CloseEarlierDaysAsync(CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var midnight = Timestamps.AtChinaTime(today);
        var halls = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.Day < today && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Transferred || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .Select(t => t.HallId)
            .Union(db.Set<Counter>().AsNoTracking().Where(c => c.State != CounterState.Closed && c.StateSince < midnight).Select(c => c.HallId))
            .Distinct().ToListAsync(ct);
        var closed = 0;
        foreach (var hallId in halls)
        {
            var r = await work.RunAsync<int>(hallId, async hall =>
            {
                var now = clock.Now();
                var counters = await db.Set<Counter>().Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, ct);
                var open = await db.Set<QueueTicket>().Where(t => t.HallId == hallId && t.Day < today
                    && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Transferred || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving)).ToListAsync(ct);
                foreach (var t in open)
                {
                    var counter = t.CounterId is { } id ? counters.GetValueOrDefault(id) : null;
                    if (t.Expire(counter, now).IsSuccess)
                    {
                        audit.Record(new AuditRecord(t.RegionCode, "QueueTicket", t.Id.ToString(), "TicketClosedAtDayEnd", new { t.Number, t.Day, status = t.Status.ToString() }), "system", "日终");
                    }
                }

                foreach (var c in counters.Values.Where(c => c.State != CounterState.Closed && c.StateSince < midnight && c.CurrentTicketId is null))
                {
                    foreach (var s in await db.Set<CounterSession>().Where(s => s.CounterId == c.Id && s.EndedAt == null).ToListAsync(ct))
                    {
                        // The session ends when the hall closed that day (or at midnight), not when the job noticed.
                        var closes = Timestamps.AtChinaTime(DateOnly.FromDateTime(Timestamps.InChina(s.StartedAt).DateTime), hall.ClosesAt);
                        s.EndedAt = closes > s.StartedAt && closes < midnight ? closes : midnight;
                    }

                    c.SignOut(now);
                    audit.Record(new AuditRecord(c.RegionCode, "Counter", c.Id.ToString(), "CounterSignedOutAtDayEnd", new { c.Number }), "system", "日终");
                }

                return open.Count;
            }, ct);
            closed += r.IsSuccess ? r.Value : 0;
        }

        return closed;
    }
}
