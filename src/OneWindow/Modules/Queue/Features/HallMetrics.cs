using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

internal sealed record HourCount(int Hour, int Issued, int Served);

internal sealed record CounterUse(int Number, string Name, int Served, double OpenMinutes, double BusyMinutes, double Utilisation);

internal sealed record GroupMetrics(string Group, string Name, int Issued, int Served, double? AverageWaitMinutes, double? AverageServiceMinutes);

internal sealed record HallMetricsView(
    Guid HallId, string HallName, DateOnly From, DateOnly To, int Issued, int Served, int NoShows, int Waiting, double? AverageWaitMinutes, double? P90WaitMinutes,
    double? AverageServiceMinutes, double Utilisation, double TicketsPerHour, double NoShowRate, IReadOnlyList<HourCount> ByHour, IReadOnlyList<CounterUse> Counters,
    IReadOnlyList<GroupMetrics> Groups);

/// <summary>
/// Hall metrics from the tickets themselves: wait (taking the ticket, or the appointment time, to the first
/// call), service time (start to finish), utilisation (a counter's time with a ticket called or served,
/// over its open time), tickets per open hour, no-show rate.
/// </summary>
internal sealed class HallMetrics(AppDbContext db, TimeProvider clock)
{
    public async Task<Result<HallMetricsView>> ComputeAsync(Guid hallId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var hall = await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
        {
            return HallWork.HallNotFound;
        }

        var period = Period(from, to);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var (first, last) = period.Value;
        var start = Timestamps.AtChinaTime(first);
        var end = Timestamps.AtChinaTime(last.AddDays(1));
        var now = clock.Now();
        var tickets = await db.Set<QueueTicket>().AsNoTracking().Where(t => t.HallId == hallId && t.Day >= first && t.Day <= last).ToListAsync(ct);
        var counters = await db.Set<Counter>().AsNoTracking().Where(c => c.HallId == hallId).OrderBy(c => c.Number).ToListAsync(ct);
        var sessions = await db.Set<CounterSession>().AsNoTracking()
            .Where(s => s.HallId == hallId && s.StartedAt < end && (s.EndedAt == null || s.EndedAt > start)).ToListAsync(ct);

        var waits = tickets.Select(t => t.WaitMinutes).OfType<double>().Order().ToList();
        var services = tickets.Select(t => t.ServiceMinutes).OfType<double>().ToList();
        var served = tickets.Count(t => t.Status == TicketStatus.Done);
        var noShows = tickets.Count(t => t.Status == TicketStatus.NoShow);
        var called = served + noShows;

        double Clip(DateTimeOffset a, DateTimeOffset? b) =>
            Math.Max(0, ((b ?? now) < end ? b ?? now : end).Subtract(a > start ? a : start).TotalMinutes);

        var raw = counters.Select(c =>
        {
            var open = sessions.Where(s => s.CounterId == c.Id).Sum(s => Clip(s.StartedAt, s.EndedAt));
            var mine = tickets.Where(t => t.CounterId == c.Id && t.CalledAt is not null).ToList();
            var busy = mine.Sum(t => Clip(t.FirstCalledAt ?? t.CalledAt!.Value, t.FinishedAt));
            return (Counter: c, Served: mine.Count(t => t.Status == TicketStatus.Done), Open: open, Busy: Math.Min(busy, open));
        }).ToList();
        var uses = raw.Select(u => new CounterUse(u.Counter.Number, u.Counter.Name, u.Served, Math.Round(u.Open, 1), Math.Round(u.Busy, 1),
            u.Open > 0 ? Math.Round(u.Busy / u.Open, 3) : 0)).ToList();
        var openMinutes = raw.Sum(u => u.Open);
        var busyMinutes = raw.Sum(u => u.Busy);

        var byHour = Enumerable.Range(0, 24).Select(h => new HourCount(h,
            tickets.Count(t => Timestamps.InChina(t.IssuedAt).Hour == h),
            tickets.Count(t => t.FinishedAt is { } f && t.Status == TicketStatus.Done && Timestamps.InChina(f).Hour == h)))
            .Where(h => h.Issued > 0 || h.Served > 0 || (h.Hour >= hall.OpensAt.Hour && h.Hour < hall.ClosesAt.Hour)).ToList();
        var groups = hall.Groups.Select(g =>
        {
            var mine = tickets.Where(t => t.GroupCode == g.Code).ToList();
            var w = mine.Select(t => t.WaitMinutes).OfType<double>().ToList();
            var s = mine.Select(t => t.ServiceMinutes).OfType<double>().ToList();
            return new GroupMetrics(g.Code, g.Name, mine.Count, mine.Count(t => t.Status == TicketStatus.Done), w.Count > 0 ? Math.Round(w.Average(), 1) : null,
                s.Count > 0 ? Math.Round(s.Average(), 1) : null);
        }).ToList();

        return new HallMetricsView(hall.Id, hall.Name, first, last, tickets.Count, served, noShows, tickets.Count(t => t.IsWaiting),
            waits.Count > 0 ? Math.Round(waits.Average(), 1) : null, waits.Count > 0 ? Math.Round(Percentile(waits, 0.9), 1) : null,
            services.Count > 0 ? Math.Round(services.Average(), 1) : null, openMinutes > 0 ? Math.Round(busyMinutes / openMinutes, 3) : 0,
            openMinutes > 0 ? Math.Round(served / (openMinutes / 60), 1) : 0, called > 0 ? Math.Round((double)noShows / called, 3) : 0, byHour, uses, groups);
    }

    /// <summary>The tickets of the period as CSV (排队办理记录): for the hall's own analysis in a spreadsheet; phones masked.</summary>
    public async Task<Result<byte[]>> TicketsCsvAsync(Guid hallId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = Period(from, to);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var (first, last) = period.Value;
        var hall = await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
        {
            return HallWork.HallNotFound;
        }

        var tickets = await db.Set<QueueTicket>().AsNoTracking().Where(t => t.HallId == hallId && t.Day >= first && t.Day <= last)
            .OrderBy(t => t.Day).ThenBy(t => t.IssuedAt).ThenBy(t => t.GroupCode).ThenBy(t => t.Sequence).ToListAsync(ct);
        var csv = new CsvText(["日期", "号码", "业务分区", "优先", "取号渠道", "取号时间", "首次叫号", "窗口", "办结时间", "状态", "等候（分钟）", "办理（分钟）", "关联办件", "手机号"]);
        static string Time(DateTimeOffset? t) => t is { } v ? Timestamps.InChina(v).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";
        static string Minutes(double? m) => m is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "";
        foreach (var t in tickets)
        {
            csv.Add([t.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.Number, hall.Group(t.GroupCode)?.Name ?? t.GroupCode,
                QueueTicket.Label(t.Priority), QueueTicket.Label(t.Channel), Time(t.IssuedAt), Time(t.FirstCalledAt), t.CounterNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Time(t.FinishedAt), QueueTicket.Label(t.Status), Minutes(t.WaitMinutes), Minutes(t.ServiceMinutes), t.CaseIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                OneWindow.Platform.IdentityCodes.Mask.Mobile(t.Mobile)]);
        }

        return csv.ToBytes();
    }

    /// <summary>The days asked for (today when none), at most a year.</summary>
    private Result<(DateOnly First, DateOnly Last)> Period(DateOnly? from, DateOnly? to)
    {
        var first = from ?? clock.TodayInChina();
        return DateRanges.Check(first, to ?? first, 367);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
