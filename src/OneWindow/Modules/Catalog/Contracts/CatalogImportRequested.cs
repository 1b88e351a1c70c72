using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>A catalogue import job was queued; the catalogue's own handler runs it.</summary>
[EventName("catalog.import-requested")]
public sealed record CatalogImportRequested(Guid JobId, string RegionCode) : IIntegrationEvent;
