using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>One published version of an item, as other modules (intake, bundles) read it.</summary>
public sealed record PublishedItem(Guid VersionId, int ItemVersion, ItemDocument Definition);

/// <summary>What other modules may ask the catalogue.</summary>
public sealed class CatalogQueries(AppDbContext db)
{
    public async Task<PublishedItem?> CurrentAsync(string code, CancellationToken ct = default)
    {
        var item = await db.Set<ServiceItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code && i.IsCurrent, ct);
        return item is null ? null : new PublishedItem(item.Id, item.ItemVersion, ItemDocument.From(item));
    }

    /// <summary>A specific version, e.g. the one a running case was submitted under.</summary>
    public async Task<PublishedItem?> VersionAsync(Guid versionId, CancellationToken ct = default)
    {
        var item = await db.Set<ServiceItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == versionId, ct);
        return item is null ? null : new PublishedItem(item.Id, item.ItemVersion, ItemDocument.From(item));
    }
}
