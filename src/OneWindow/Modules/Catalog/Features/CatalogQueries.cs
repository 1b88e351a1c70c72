using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Catalog.Features;

/// <summary>The module's side of <see cref="ICatalogQueries"/>.</summary>
internal sealed class CatalogQueries(AppDbContext db, OneWindow.Platform.IdentityCodes.DivisionRegistry divisions, Features.CatalogIndex index, ItemSearch search) : ICatalogQueries
{
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Set<ServiceItem>().AsNoTracking().Where(i => i.IsCurrent && i.Status == ItemStatus.Published && wanted.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, i => i.Name, ct);
    }

    public async Task<IReadOnlyList<string>> CodesInRegionAsync(string region, CancellationToken ct = default) =>
        await db.Set<ServiceItem>().AsNoTracking().Where(i => i.IsCurrent && i.Status == ItemStatus.Published && i.RegionCode == region)
            .OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(ct);

    public async Task<IReadOnlyList<GuideHit>> SearchGuidesAsync(string q, int take, CancellationToken ct = default) =>
        (await search.SearchAsync(new ItemQuery(q, null, null, null, null, null, 1, Math.Clamp(take, 1, 50)), ct)).Value?.Items
            .Select(i => new GuideHit(i.Code, i.Name, i.DepartmentName, i.CommittedDays, i.VisitsRequired, $"/guide/{i.Code}")).ToList() ?? [];

    /// <summary>Checks filled-in form values against the item's schema: the catalogue's one form validator.</summary>
    public Platform.Result<IReadOnlyDictionary<string, string[]>> ValidateForm(PublishedItem item, IReadOnlyDictionary<string, string[]> values, DateOnly today) =>
        ValidateForm(item.Definition.Form, values, today);

    /// <summary>The same check against any schema (a bundle's merged form).</summary>
    public Platform.Result<IReadOnlyDictionary<string, string[]>> ValidateForm(FormSchema schema, IReadOnlyDictionary<string, string[]> values, DateOnly today) =>
        FormValidator.Validate(schema, values, divisions, today);

    // Published versions never change (an edit makes a new version), so each is read and parsed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, PublishedItem> Published = new();

    /// <summary>
    /// The published version now in force: its id from the catalogue index (reloaded at once after a publish
    /// through this instance, within 15 s after one through another), its content from the cache of published versions.
    /// </summary>
    public async Task<PublishedItem?> CurrentAsync(string code, CancellationToken ct = default) =>
        await index.CurrentVersionAsync(code, ct) is { } versionId ? await VersionAsync(versionId, ct) : null;

    /// <summary>A specific version, e.g. the one a running case was submitted under.</summary>
    public async Task<PublishedItem?> VersionAsync(Guid versionId, CancellationToken ct = default)
    {
        if (Published.TryGetValue(versionId, out var cached))
        {
            return cached;
        }

        var item = await db.Set<ServiceItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == versionId, ct);
        if (item is null)
        {
            return null;
        }

        var version = new PublishedItem(item.Id, item.ItemVersion, ItemDocument.From(item));
        if (item.Status != ItemStatus.Draft)
        {
            Published.TryAdd(item.Id, version);
        }

        return version;
    }
}
