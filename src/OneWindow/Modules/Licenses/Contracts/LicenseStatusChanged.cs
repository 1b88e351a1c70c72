using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Licenses.Contracts;

/// <summary>A licence was suspended, revoked or reinstated by its issuer.</summary>
[EventName("licenses.status-changed")]
public sealed record LicenseStatusChanged(Guid LicenseId, string LicenseNumber, string Status, string? Reason, string? HolderUserId, string RegionCode) : IIntegrationEvent;
