using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Queue.Contracts;

/// <summary>A ticket holder who left a mobile number is told: their turn is near (<c>Near</c>), or they are called (<c>Called</c>).</summary>
[EventName("queue.ticket-notice")]
public sealed record TicketNotice(Guid TicketId, string Number, string HallName, string Kind, int? CounterNumber, int? Ahead, string Mobile, string? UserId, string RegionCode)
    : IIntegrationEvent;
