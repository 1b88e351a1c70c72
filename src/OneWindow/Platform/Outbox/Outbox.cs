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
        b.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
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

public sealed record OutboxSubscription(string EventType, Type EventClrType, Type HandlerType)
{
    public string HandlerName => HandlerType.FullName ?? HandlerType.Name;

    public bool InGroups { get; } = HandlerType.GetCustomAttribute<DeliveredInGroupsAttribute>() is not null;
}

public static class OutboxRegistration
{
    public static IServiceCollection AddOutboxHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where THandler : class, IOutboxHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new OutboxSubscription(Outbox.EventName(typeof(TEvent)), typeof(TEvent), typeof(THandler)));
        return services;
    }
}
