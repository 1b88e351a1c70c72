using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Queue.Contracts;

/// <summary>A ticket holder who left a mobile number is told: their turn is near (<c>Near</c>), or they are called (<c>Called</c>).</summary>
[EventName("queue.ticket-notice")]
public sealed record TicketNotice(Guid TicketId, string Number, string HallName, string Kind, int? CounterNumber, int? Ahead, string Mobile, string? UserId, string RegionCode)
    : IIntegrationEvent;

/// <summary>
/// A ticket was called for the first time (a recall or a call after a transfer is not a new wait): how long its holder waited,
/// from taking it (or the appointment time, if later), for the city's figures (平均等候时长).
/// </summary>
[EventName("queue.ticket-called")]
public sealed record TicketCalled(Guid TicketId, Guid HallId, string RegionCode, string DepartmentCode, DateOnly Day, double WaitMinutes) : IIntegrationEvent;
