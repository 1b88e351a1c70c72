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
public sealed class OutboxSignal : WakeSignal;

/// <summary>
/// Delivers outbox messages to their handlers. Several instances may run: a message is leased with a
/// conditional update, so only one instance works on it at a time; an expired lease (a crashed
/// instance) lets another take over. Failures back off exponentially and stop after MaxAttempts.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<OutboxSubscription> subscriptions,
    IEnumerable<OutboxUpcaster> upcasters,
    OutboxSignal signal,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly ILookup<string, OutboxSubscription> _byType = subscriptions.ToLookup(s => s.EventType);
    private readonly Dictionary<(string, int), OutboxUpcaster> _upcasters = upcasters.ToDictionary(u => (u.Type, u.Version));

    /// <summary>
    /// The subscriptions a stored message goes to: those of its type, or, for a message stored under an old name or
    /// version, those of the type its upcaster reads it as today.
    /// </summary>
    private IEnumerable<OutboxSubscription> SubscriptionsOf(OutboxMessage message)
    {
        if (_upcasters.TryGetValue((message.Type, message.Version), out var upcaster))
        {
            return upcaster.Reads(message.Payload) is { } today ? _byType[Outbox.EventName(today)] : [];
        }

        return _byType[message.Type];
    }

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

    /// <summary>
    /// Delivers one batch of due messages; returns how many were attempted. The batch is leased with one
    /// update and settled with one (each failure with its own row update), so the per-message cost is the handlers' own work.
    /// </summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.Now();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                        && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, Before = m.Attempts > 0 || m.LockedUntil != null }).Take(options.Value.BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        // Only a message tried before (it failed, or an instance's lease on it expired) can have handlers
        // already done; a first delivery needs no look-up of delivery records.
        var triedBefore = due.Where(d => d.Before).Select(d => d.Id).ToList();
        var dueIds = due.Select(d => d.Id).ToList();

        // Another instance may lease some of them first: ours are those carrying our lease time.
        var leaseUntil = now + Lease + TimeSpan.FromTicks(Random.Shared.Next(1, 10_000) * 10);
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => dueIds.Contains(m.Id) && m.ProcessedAt == null && m.FailedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseUntil), ct);
        if (claimed == 0)
        {
            return 0;
        }

        var messages = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => dueIds.Contains(m.Id) && m.LockedUntil == leaseUntil).ToListAsync(ct))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToList();
        var delivered = (triedBefore.Count == 0 ? []
                : await db.Set<OutboxDelivery>().AsNoTracking().Where(d => triedBefore.Contains(d.MessageId)).Select(d => new { d.MessageId, d.Handler }).ToListAsync(ct))
            .ToLookup(d => d.MessageId, d => d.Handler);
        var failures = new Dictionary<Guid, Exception>();
        var work = new List<Delivery>();
        foreach (var message in messages)
        {
            try
            {
                var pending = SubscriptionsOf(message).Where(s => !delivered[message.Id].Contains(s.HandlerName)).ToList();
                if (pending.Count == 0)
                {
                    continue;
                }

                // Read once for all its handlers; a handler not interested gets no scope and no call.
                var @event = pending[0].Read(message.Payload);
                work.AddRange(pending.Where(s => s.Wants(@event)).Select(s => new Delivery(message, s, @event)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures[message.Id] = ex;
            }
        }

        // Handlers whose deliveries are independent of each other take the whole batch in one unit of work.
        foreach (var group in work.Where(d => d.Subscription.InGroups).GroupBy(d => d.Subscription))
        {
            await DeliverGroupAsync(group.Key, [.. group], failures, ct);
        }

        foreach (var delivery in work.Where(d => !d.Subscription.InGroups))
        {
            if (!failures.ContainsKey(delivery.Message.Id))
            {
                await DeliverOneAsync(delivery, failures, ct);
            }
        }

        // The delivered ones settle in one statement; each failure keeps its own count and back-off.
        var done = messages.Where(m => !failures.ContainsKey(m.Id)).Select(m => m.Id).ToList();
        if (done.Count > 0)
        {
            var processedAt = clock.Now();
            await db.Set<OutboxMessage>().Where(m => done.Contains(m.Id) && m.LockedUntil == leaseUntil)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.ProcessedAt, processedAt)
                    .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        }

        foreach (var message in messages.Where(m => failures.ContainsKey(m.Id)))
        {
            db.Attach(message);
            Settle(message, failures[message.Id]);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return messages.Count;
    }

    private void Settle(OutboxMessage message, Exception failure)
    {
        message.LockedUntil = null;
        message.Attempts++;
        message.LastError = TextRules.Clip(failure.GetType().Name + ": " + failure.Message, 2000);
        var backoff = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, message.Attempts)));
        message.NextAttemptAt = clock.Now() + backoff;
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            message.FailedAt = clock.Now();
        }

        LogDeliveryFailed(log, message.Id, message.Type, message.Attempts, failure);
    }

    private async Task DeliverOneAsync(Delivery delivery, Dictionary<Guid, Exception> failures, CancellationToken ct)
    {
        try
        {
            await DeliverToAsync(delivery, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            failures[delivery.Message.Id] = ex;
        }
    }

    /// <summary>
    /// One handler, many messages, one commit (<see cref="DeliveredInGroupsAttribute"/>). If any delivery
    /// fails, nothing of the group is kept and each message is delivered on its own, so only the failing
    /// one fails (the others run again, as after a crash: handlers are idempotent).
    /// </summary>
    private async Task DeliverGroupAsync(OutboxSubscription subscription, List<Delivery> deliveries, Dictionary<Guid, Exception> failures, CancellationToken ct)
    {
        if (deliveries.Count > 1)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var handler = scope.ServiceProvider.GetRequiredService(subscription.HandlerType);
                foreach (var delivery in deliveries)
                {
                    var tracked = TrackedCount(db);
                    await delivery.InvokeAsync(handler, ct);
                    if (TrackedCount(db) != tracked)
                    {
                        // As for one message: a delivery that changed nothing needs no record.
                        db.Add(new OutboxDelivery { MessageId = delivery.Message.Id, Handler = subscription.HandlerName, DeliveredAt = clock.Now() });
                    }
                }

                await db.SaveChangesAsync(ct);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One by one below.
            }
        }

        foreach (var delivery in deliveries)
        {
            await DeliverOneAsync(delivery, failures, ct);
        }
    }

    /// <summary>
    /// The entities the unit of work holds, without a scan for changes: handlers add what they write, and
    /// a scan of the whole group on every message would make a group's delivery quadratic in its size.
    /// </summary>
    private static int TrackedCount(AppDbContext db)
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries().Count();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task DeliverToAsync(Delivery delivery, CancellationToken ct)
    {
        // Each handler runs in its own scope: its changes and its delivery record commit together.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService(delivery.Subscription.HandlerType);
        await delivery.InvokeAsync(handler, ct);
        // A handler that changed nothing (most handlers ignore most events: licences wait for CaseApproved)
        // needs no delivery record and no commit: running it again after a crash changes nothing either.
        if (db.ChangeTracker.HasChanges())
        {
            db.Add(new OutboxDelivery { MessageId = delivery.Message.Id, Handler = delivery.Subscription.HandlerName, DeliveredAt = clock.Now() });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>One message for one handler, its payload already read.</summary>
    private sealed record Delivery(OutboxMessage Message, OutboxSubscription Subscription, object Event)
    {
        public Task InvokeAsync(object handler, CancellationToken ct) =>
            Subscription.HandleAsync(handler, Event, new OutboxDeliveryContext(Message.Id, Message.Attempts + 1), ct);
    }

    [LoggerMessage(LogLevel.Error, "Outbox dispatch loop failed")]
    private static partial void LogLoopFailed(ILogger logger, Exception ex);

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid messageId, string type, int attempt, Exception ex);
}
