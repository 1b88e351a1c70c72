using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Outbox;

/// <summary>A fact one module tells others. It names the region that owns it.</summary>
public interface IIntegrationEvent
{
    string RegionCode { get; }
}

/// <summary>
/// The stable name an event is stored under (class names may change; stored messages must still dispatch), and
/// the version of its payload's shape: a change to the shape takes a new version and an
/// <see cref="OutboxUpcaster"/> that reads the old one.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; init; } = 1;
}

/// <summary>An event written in the same transaction as the change that caused it, delivered afterwards.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Type { get; set; } = "";

    /// <summary>The version of the payload's shape under <see cref="Type"/> (<see cref="EventNameAttribute.Version"/>).</summary>
    public int Version { get; set; } = 1;

    public string Payload { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Set when retries are exhausted: the message waits for an administrator.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>One handler's successful delivery of one message: a retry skips handlers already done.</summary>
public sealed class OutboxDelivery
{
    public Guid MessageId { get; set; }

    public string Handler { get; set; } = "";

    public DateTimeOffset DeliveredAt { get; set; }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>, IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Type).HasMaxLength(100);
        b.Property(m => m.RegionCode).HasMaxLength(12);
        b.Property(m => m.LastError).HasMaxLength(2000);
        // The dispatcher's question, "the oldest pending messages", walks this index in order and stops at
        // a batch; it holds only pending messages, so a backlog of delivered ones costs nothing.
        b.HasIndex(m => new { m.OccurredAt, m.Id }).HasFilter("processed_at IS NULL AND failed_at IS NULL");
    }

    public void Configure(EntityTypeBuilder<OutboxDelivery> b)
    {
        b.ToTable("outbox_deliveries");
        b.HasKey(d => new { d.MessageId, d.Handler });
        b.Property(d => d.Handler).HasMaxLength(200);
    }
}

/// <summary>Writes events into the current unit of work; they commit, or vanish, with it.</summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Enqueue<TEvent>(TEvent @event)
        where TEvent : IIntegrationEvent
    {
        var message = Message(@event, clock.Now());
        db.Add(message);
        return message.Id;
    }

    /// <summary>The message for a writer that inserts it itself (and signals the dispatcher after its commit).</summary>
    public static OutboxMessage Message<TEvent>(TEvent @event, DateTimeOffset now)
        where TEvent : IIntegrationEvent => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = EventName(@event.GetType()),
        Version = EventVersion(@event.GetType()),
        Payload = JsonSerializer.Serialize(@event, @event.GetType(), Json),
        RegionCode = @event.RegionCode,
        OccurredAt = now,
        NextAttemptAt = now,
    };

    public static string EventName(Type type) => type.GetCustomAttribute<EventNameAttribute>()?.Name ?? type.Name;

    public static int EventVersion(Type type) => type.GetCustomAttribute<EventNameAttribute>()?.Version ?? 1;
}

/// <summary>
/// Reads messages stored under a name and version no event type carries any more (they were written by an
/// earlier build and wait in the outbox, or sit in a backup): <see cref="Reads"/> names, from the stored payload,
/// the event type it is delivered as today, or null when it means nothing today (it is then settled undelivered).
/// The payload must read as that type.
/// </summary>
public sealed record OutboxUpcaster(string Type, int Version, Func<string, Type?> Reads);

/// <summary>Handles one kind of event. Must be idempotent: a message may be delivered again after a crash.</summary>
public interface IOutboxHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent @event, OutboxDeliveryContext context, CancellationToken ct);
}

public sealed record OutboxDeliveryContext(Guid MessageId, int Attempt);

/// <summary>
/// Marks a handler whose deliveries do not depend on each other (each message's effects are its own rows,
/// e.g. a notification): the dispatcher hands it a whole batch in one unit of work with one commit,
/// instead of one commit per message. A handler that reads what it wrote for an earlier message must not
/// carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DeliveredInGroupsAttribute : Attribute;

/// <summary>
/// One handler of one event type. <see cref="Wants"/> is the handler's interest, asked before a scope
/// and the handler are made for a message: a handler not interested in a message (most handlers ignore
/// most events: licences wait for CaseApproved) costs the dispatcher nothing but the question.
/// </summary>
public sealed class OutboxSubscription
{
    private readonly Func<object, bool> _wants;
    private readonly Func<object, object, OutboxDeliveryContext, CancellationToken, Task> _handle;

    private OutboxSubscription(string eventType, Type eventClrType, Type handlerType, Func<object, bool> wants,
        Func<object, object, OutboxDeliveryContext, CancellationToken, Task> handle)
    {
        EventType = eventType;
        EventClrType = eventClrType;
        HandlerType = handlerType;
        HandlerName = handlerType.FullName ?? handlerType.Name;
        InGroups = handlerType.GetCustomAttribute<DeliveredInGroupsAttribute>() is not null;
        _wants = wants;
        _handle = handle;
    }

    public string EventType { get; }

    public Type EventClrType { get; }

    public Type HandlerType { get; }

    public string HandlerName { get; }

    public bool InGroups { get; }

    /// <summary>
    /// The handler's subscriptions to <typeparamref name="TEvent"/>: to that type, or, when it is a family's
    /// abstract base (<c>CaseEvent</c>), to each fact of the family, each stored under its own name.
    /// </summary>
    public static IEnumerable<OutboxSubscription> For<TEvent, THandler>(Func<TEvent, bool>? wants)
        where TEvent : IIntegrationEvent
        where THandler : class, IOutboxHandler<TEvent>
    {
        var types = typeof(TEvent).IsAbstract
            ? typeof(TEvent).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true } && typeof(TEvent).IsAssignableFrom(t)).ToList()
            : [typeof(TEvent)];
        if (types.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(TEvent).Name} has no event types to subscribe to");
        }

        return types.Select(t => new OutboxSubscription(Outbox.EventName(t), t, typeof(THandler),
            wants is null ? _ => true : e => wants((TEvent)e),
            (handler, e, context, ct) => ((THandler)handler).HandleAsync((TEvent)e, context, ct)));
    }

    /// <summary>The stored payload as the event (one message is read once for all its subscriptions).</summary>
    public object Read(string payload) =>
        JsonSerializer.Deserialize(payload, EventClrType, Outbox.Json) ?? throw new JsonException("空消息");

    public bool Wants(object @event) => _wants(@event);

    public Task HandleAsync(object handler, object @event, OutboxDeliveryContext context, CancellationToken ct) =>
        _handle(handler, @event, context, ct);
}

public static class OutboxRegistration
{
    /// <param name="wants">The events of this type the handler acts on (all when null); the others never reach it.</param>
    public static IServiceCollection AddOutboxHandler<TEvent, THandler>(this IServiceCollection services, Func<TEvent, bool>? wants = null)
        where TEvent : IIntegrationEvent
        where THandler : class, IOutboxHandler<TEvent>
    {
        services.AddScoped<THandler>();
        foreach (var subscription in OutboxSubscription.For<TEvent, THandler>(wants))
        {
            services.AddSingleton(subscription);
        }

        return services;
    }

    /// <summary>Reads messages stored under an old name and version as today's event types (<see cref="OutboxUpcaster"/>).</summary>
    public static IServiceCollection AddOutboxUpcaster(this IServiceCollection services, string type, int version, Func<string, Type?> reads) =>
        services.AddSingleton(new OutboxUpcaster(type, version, reads));
}
