using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

internal sealed record DisplayCall(string Number, int CounterNumber, string CounterName, string Status, DateTimeOffset CalledAt, int Recalls)
{
    /// <summary>What the display says aloud (Web Speech API).</summary>
    public string Announcement => $"请 {Number} 号到 {CounterNumber} 号窗口";
}

internal sealed record DisplayWaiting(string Group, string Name, int Waiting, int? EstimatedWaitMinutes);

internal sealed record DisplayView(
    Guid HallId, string HallName, long Stamp, IReadOnlyList<DisplayCall> Current, IReadOnlyList<DisplayCall> Recent, IReadOnlyList<DisplayWaiting> Waiting, DateTimeOffset At,
    TimeOnly OpensAt, TimeOnly ClosesAt, string Hours, string Notice);

/// <summary>叫号显示屏: who is called to which counter now, the last calls, and how many wait per group.</summary>
internal sealed class HallDisplay(AppDbContext db, QueueEstimates estimates, TimeProvider clock)
{
    public async Task<DisplayView?> ViewAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
        {
            return null;
        }

        var counters = await db.Set<Counter>().AsNoTracking().Where(c => c.HallId == hallId).ToDictionaryAsync(c => c.Id, ct);
        var currentIds = counters.Values.Where(c => c.CurrentTicketId != null).Select(c => c.CurrentTicketId!.Value).ToList();
        var current = await db.Set<QueueTicket>().AsNoTracking().Where(t => currentIds.Contains(t.Id)).ToListAsync(ct);
        var today = clock.TodayInChina();
        // A ticket transferred back to waiting has no counter any more: it is not announced as "到 0 号窗口".
        var recent = await db.Set<QueueTicket>().AsNoTracking().Where(t => t.HallId == hallId && t.Day == today && t.CalledAt != null && t.CounterNumber != null)
            .OrderByDescending(t => t.CalledAt).Take(10).ToListAsync(ct);
        var waiting = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.HallId == hallId && t.WaitingKey != null && t.Day == today)
            .GroupBy(t => t.GroupCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var open = counters.Values.Where(c => c.State == CounterState.Open).ToList();

        DisplayCall Call(QueueTicket t) =>
            new(t.Number, t.CounterNumber ?? 0, t.CounterId is { } id && counters.TryGetValue(id, out var c) ? c.Name : "", QueueTicket.Label(t.Status), t.CalledAt!.Value, t.Recalls);

        var groups = new List<DisplayWaiting>();
        foreach (var g in hall.Groups)
        {
            var n = waiting.FirstOrDefault(w => w.Key == g.Code)?.Count ?? 0;
            var minutes = await estimates.ServiceMinutesAsync(hallId, g.Code, g.ServiceMinutes, ct);
            var serving = Math.Max(1, open.Count(c => c.Serves(g.Code)));
            groups.Add(new DisplayWaiting(g.Code, g.Name, n, n == 0 ? 0 : (int)Math.Ceiling(n * minutes / serving)));
        }

        return new DisplayView(hall.Id, hall.Name, hall.Stamp,
            [.. current.Where(t => t.CalledAt != null).OrderByDescending(t => t.CalledAt).Select(Call)],
            [.. recent.Select(Call)], groups, clock.Now(), hall.OpensAt, hall.ClosesAt, hall.HoursText, hall.Notice);
    }
}

/// <summary>Displays join the group of their hall and receive the whole display view on every change.</summary>
internal sealed class HallDisplayHub(HallDisplayFeed feed) : Hub
{
    public const string Path = "/hubs/hall-display";

    public static string GroupOf(Guid hallId) => "hall:" + hallId.ToString("N");

    public async Task Watch(Guid hallId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(hallId));
        feed.Watch(hallId, Context.ConnectionId);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.Unwatch(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>
/// Live updates for the hall displays, correct with several instances (ADR 0014). The feed watches the
/// stamps of the halls someone here is looking at: a change committed on this instance wakes it at once,
/// one committed on another instance is seen on the next look (every 250 ms while anyone watches). On a
/// change it pushes the whole display to the hall's SignalR group and releases the long polls waiting
/// for that hall (the fallback without WebSockets).
/// </summary>
internal sealed partial class HallDisplayFeed(IServiceScopeFactory scopes, IHubContext<HallDisplayHub> hub, ILogger<HallDisplayFeed> log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Guid> _connections = new();
    private readonly ConcurrentDictionary<Guid, long> _stamps = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();
    private readonly ConcurrentDictionary<Guid, int> _polls = new();
    private readonly ConcurrentDictionary<Guid, DisplayView> _views = new();
    private readonly SemaphoreSlim _wake = new(0);

    public void Watch(Guid hallId, string connectionId)
    {
        _connections[connectionId] = hallId;
        _wake.Release();
    }

    public void Unwatch(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>A change to the hall committed here.</summary>
    public void Changed(Guid hallId)
    {
        if (_waiters.ContainsKey(hallId) || _connections.Values.Contains(hallId))
        {
            _wake.Release();
        }
    }

    /// <summary>
    /// Long poll: returns once the hall's stamp is beyond <paramref name="after"/>, or when <paramref name="timeout"/>
    /// passes. The answer is the display the feed computed for that change (one computation serves every
    /// display of the hall), or null when there is none newer than <paramref name="after"/>.
    /// </summary>
    public async Task<DisplayView?> WaitForChangeAsync(Guid hallId, long after, TimeSpan timeout, CancellationToken ct)
    {
        await WaitAsync(hallId, after, timeout, ct);
        return _views.TryGetValue(hallId, out var view) && view.Stamp > after ? view : null;
    }

    private async Task WaitAsync(Guid hallId, long after, TimeSpan timeout, CancellationToken ct)
    {
        _polls.AddOrUpdate(hallId, 1, (_, n) => n + 1);
        try
        {
            // What the client says it has seen is not trusted as the hall's stamp: the feed reads the real one.
            _wake.Release();
            while (!ct.IsCancellationRequested)
            {
                if (_stamps.TryGetValue(hallId, out var seen) && seen > after)
                {
                    return;
                }

                var waiter = _waiters.GetOrAdd(hallId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                if (_stamps.TryGetValue(hallId, out seen) && seen > after)
                {
                    return;
                }

                if (await Task.WhenAny(waiter.Task, Task.Delay(timeout, ct)) != waiter.Task)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            _polls.AddOrUpdate(hallId, 0, (_, n) => n - 1);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(TimeSpan.FromMilliseconds(250), stoppingToken);
                while (_wake.CurrentCount > 0)
                {
                    await _wake.WaitAsync(stoppingToken);
                }

                var watched = _connections.Values.Concat(_polls.Where(p => p.Value > 0).Select(p => p.Key)).Distinct().ToList();
                if (watched.Count > 0)
                {
                    await LookAsync(watched, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LookFailed(log, e);
                await Task.Delay(1000, stoppingToken);
            }
        }
    }

    private async Task LookAsync(List<Guid> halls, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stamps = await db.Set<Hall>().AsNoTracking().Where(h => halls.Contains(h.Id)).Select(h => new { h.Id, h.Stamp }).ToListAsync(ct);
        foreach (var s in stamps)
        {
            var known = _stamps.TryGetValue(s.Id, out var last);
            if (known && last >= s.Stamp)
            {
                continue;
            }

            _stamps[s.Id] = s.Stamp;
            if (await scope.ServiceProvider.GetRequiredService<HallDisplay>().ViewAsync(s.Id, ct) is { } view)
            {
                _views[s.Id] = view;
                if (_connections.Values.Contains(s.Id))
                {
                    await hub.Clients.Group(HallDisplayHub.GroupOf(s.Id)).SendAsync("display", view, ct);
                }
            }

            if (_waiters.TryRemove(s.Id, out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hall display feed could not read the halls")]
    private static partial void LookFailed(ILogger logger, Exception e);
}
