using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>Settings of the service hall queue.</summary>
internal sealed class QueueOptions
{
    /// <summary>重呼 allowed before the next recall marks the ticket 过号.</summary>
    public int MaxRecalls { get; set; } = 2;

    /// <summary>Recent services of a group the estimate averages over.</summary>
    public int EstimateSample { get; set; } = 20;

    /// <summary>How far ahead appointments may be booked, in days.</summary>
    public int AppointmentDaysAhead { get; set; } = 14;

    /// <summary>A holder who left a mobile number gets an SMS when this many people are ahead (0: no reminder).</summary>
    public int RemindAhead { get; set; } = 3;

    /// <summary>Whether this instance runs the day-end job (closes tickets and counters left open from earlier days).</summary>
    public bool DayEndJob { get; set; } = true;

    public int DayEndScanSeconds { get; set; } = 600;
}

/// <summary>
/// Position and estimated wait: the tickets ahead in the same queue, times the group's recent average
/// service time (its last N services in the past week, or its configured minutes until it has some),
/// divided among the open counters that serve the group.
/// </summary>
internal sealed class QueueEstimates(AppDbContext db, TimeProvider clock, IOptions<QueueOptions> options)
{
    public async Task<(int? Position, int? Minutes)> ForAsync(Hall hall, QueueTicket ticket, CancellationToken ct)
    {
        if (ticket.WaitingKey is not { } key)
        {
            return (null, null);
        }

        // Tickets ahead in the same queue: an index range count (hall, group, key).
        var group = ticket.GroupCode;
        var day = ticket.Day;
        var ahead = db.Set<QueueTicket>().AsNoTracking().Where(t => t.HallId == hall.Id && t.WaitingKey != null && t.WaitingKey < key && t.Day == day);
        ahead = ticket.TargetCounterId is { } target
            ? ahead.Where(t => t.TargetCounterId == target)
            : ahead.Where(t => t.GroupCode == group && t.TargetCounterId == null);
        var position = await ahead.CountAsync(ct) + 1;

        var minutes = await ServiceMinutesAsync(hall.Id, group, hall.Group(group)?.ServiceMinutes ?? 10, ct);
        var counters = await db.Set<Counter>().AsNoTracking().Where(c => c.HallId == hall.Id && c.State == CounterState.Open).ToListAsync(ct);
        var serving = ticket.TargetCounterId is not null ? 1 : Math.Max(1, counters.Count(c => c.Serves(ticket.GroupCode)));
        return (position, (int)Math.Ceiling(position * minutes / serving));
    }

    public async Task<double> ServiceMinutesAsync(Guid hallId, string group, int fallback, CancellationToken ct)
    {
        var since = clock.Now().AddDays(-7);
        var recent = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.HallId == hallId && t.GroupCode == group && t.Status == TicketStatus.Done && t.FinishedAt != null && t.FinishedAt > since)
            .OrderByDescending(t => t.FinishedAt).Take(options.Value.EstimateSample).ToListAsync(ct);
        var samples = recent.Select(t => t.ServiceMinutes).OfType<double>().ToList();
        return samples.Count >= 3 ? samples.Average() : fallback;
    }
}
