using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Outbox;

public sealed class OutboxOptions
{
    public bool Enabled { get; set; } = true;

    public int PollMilliseconds { get; set; } = 1000;

    public int MaxAttempts { get; set; } = 10;

    public int BatchSize { get; set; } = 50;
}

/// <summary>Wakes the dispatcher as soon as a unit of work that wrote events has committed.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Delivers outbox messages to their handlers. Several instances may run: a message is leased with a
/// conditional update, so only one instance works on it at a time; an expired lease (a crashed
/// instance) lets another take over. Failures back off exponentially and stop after MaxAttempts.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<OutboxSubscription> subscriptions,
    OutboxSignal signal,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly ILookup<string, OutboxSubscription> _byType = subscriptions.ToLookup(s => s.EventType);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await DispatchPendingAsync(stoppingToken);
                if (handled > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(log, ex);
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers one batch of due messages; returns how many were attempted.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        List<Guid> due;
        var now = clock.Now();
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.ProcessedAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                            && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
                .Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        }

        var attempted = 0;
        foreach (var id in due)
        {
            if (await DeliverAsync(id, ct))
            {
                attempted++;
            }
        }

        return attempted;
    }

    private async Task<bool> DeliverAsync(Guid id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.Now();
        var leaseUntil = now + Lease;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.ProcessedAt == null && m.FailedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseUntil), ct);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, ct);
        var delivered = await db.Set<OutboxDelivery>().Where(d => d.MessageId == id).Select(d => d.Handler).ToListAsync(ct);
        try
        {
            foreach (var subscription in _byType[message.Type])
            {
                if (delivered.Contains(subscription.HandlerName))
                {
                    continue;
                }

                await DeliverToAsync(subscription, message, ct);
            }

            message.ProcessedAt = clock.Now();
            message.LockedUntil = null;
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            message.Attempts++;
            message.LockedUntil = null;
            message.LastError = Truncate(ex.GetType().Name + ": " + ex.Message, 2000);
            var backoff = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, message.Attempts)));
            message.NextAttemptAt = clock.Now() + backoff;
            if (message.Attempts >= options.Value.MaxAttempts)
            {
                message.FailedAt = clock.Now();
            }

            LogDeliveryFailed(log, message.Id, message.Type, message.Attempts, ex);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    private async Task DeliverToAsync(OutboxSubscription subscription, OutboxMessage message, CancellationToken ct)
    {
        // Each handler runs in its own scope: its changes and its delivery record commit together.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService(subscription.HandlerType);
        var @event = JsonSerializer.Deserialize(message.Payload, subscription.EventClrType, Outbox.Json)
                     ?? throw new JsonException("空消息");
        var method = typeof(IOutboxHandler<>).MakeGenericType(subscription.EventClrType).GetMethod("HandleAsync")!;
        await (Task)method.Invoke(handler, System.Reflection.BindingFlags.DoNotWrapExceptions, null,
            [@event, new OutboxDeliveryContext(message.Id, message.Attempts + 1), ct], null)!;
        db.Add(new OutboxDelivery { MessageId = message.Id, Handler = subscription.HandlerName, DeliveredAt = clock.Now() });
        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    [LoggerMessage(LogLevel.Error, "Outbox dispatch loop failed")]
    private static partial void LogLoopFailed(ILogger logger, Exception ex);

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid messageId, string type, int attempt, Exception ex);
}
