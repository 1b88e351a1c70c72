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

/// <summary>The stable name an event is stored under (class names may change; stored messages must still dispatch).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>An event written in the same transaction as the change that caused it, delivered afterwards.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Type { get; set; } = "";

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
        Type = EventName(typeof(TEvent)),
        Payload = JsonSerializer.Serialize(@event, Json),
        RegionCode = @event.RegionCode,
        OccurredAt = now,
        NextAttemptAt = now,
    };

    public static string EventName(Type type) => type.GetCustomAttribute<EventNameAttribute>()?.Name ?? type.Name;
}

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

    public static OutboxSubscription For<TEvent, THandler>(Func<TEvent, bool>? wants)
        where TEvent : IIntegrationEvent
        where THandler : class, IOutboxHandler<TEvent> => new(
        Outbox.EventName(typeof(TEvent)), typeof(TEvent), typeof(THandler),
        wants is null ? _ => true : e => wants((TEvent)e),
        (handler, e, context, ct) => ((THandler)handler).HandleAsync((TEvent)e, context, ct));

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
        services.AddSingleton(OutboxSubscription.For<TEvent, THandler>(wants));
        return services;
    }
}
