using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Catalog.Features;

internal sealed record ItemSummary(
    string Code, string Name, ServiceItemKind Kind, string KindCode, string KindLabel, string Department, string DepartmentName,
    ApplicantType ApplicantType, CaseType CaseType, int StatutoryDays, int CommittedDays, int OnlineDepth, int VisitsRequired, string LifeEvents);


internal sealed record ItemQuery(string? Q, string? Department, string? Kind, string? LifeEvent, string? Region, string? Sort, int Page = 1, int PageSize = 20);

/// <summary>The searchable facts of one published item (no materials or form).</summary>
internal sealed record IndexedItem(
    Guid VersionId, string Code, string Name, ServiceItemKind Kind, string DepartmentCode, string DepartmentName, string RegionCode, ApplicantType ApplicantType, CaseType CaseType,
    int StatutoryDays, int CommittedDays, int OnlineDepth, int VisitsRequired, string LifeEvents, string Keywords);

/// <summary>
/// The published catalogue's search facts, held in memory: a city has one to five thousand items
/// and they change a few times a day, while citizens search all day. The database stays the truth:
/// the index reloads 15 s after it was loaded, and at once after a publish or import through this instance.
/// </summary>
internal sealed class CatalogIndex(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private sealed record Snapshot(IReadOnlyList<IndexedItem> Items, IReadOnlyDictionary<string, Guid> CurrentVersions);

    private readonly RefreshingCache<Snapshot> _items = new(async ct =>
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.IsCurrent).OrderBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, i.Kind, i.DepartmentCode, i.RegionCode, i.ApplicantType, i.CaseType,
                i.StatutoryDays, i.CommittedDays, i.OnlineDepth, i.VisitsRequired, i.LifeEvents, i.Keywords })
            .ToListAsync(ct);
        var names = await scope.ServiceProvider.GetRequiredService<IDepartmentDirectory>().NamesAsync(rows.Select(r => r.DepartmentCode), ct);
        List<IndexedItem> items = [.. rows.Select(i => new IndexedItem(i.Id, i.Code, i.Name, i.Kind, i.DepartmentCode, names.GetValueOrDefault(i.DepartmentCode, i.DepartmentCode),
            i.RegionCode, i.ApplicantType, i.CaseType, i.StatutoryDays, i.CommittedDays, i.OnlineDepth, i.VisitsRequired, i.LifeEvents, i.Keywords))];
        return new Snapshot(items, items.ToDictionary(i => i.Code, i => i.VersionId, StringComparer.Ordinal));
    }, TimeSpan.FromSeconds(15), clock);

    public async ValueTask<IReadOnlyList<IndexedItem>> ItemsAsync(CancellationToken ct) => (await _items.GetAsync(ct)).Items;

    /// <summary>The current published version of an item, as of the index (another instance's publish shows within 15 s).</summary>
    public async ValueTask<Guid?> CurrentVersionAsync(string code, CancellationToken ct) =>
        (await _items.GetAsync(ct)).CurrentVersions.TryGetValue(code, out var id) ? id : null;

    public void Invalidate() => _items.Invalidate();

    public void Dispose() => _items.Dispose();
}

/// <summary>
/// Public search over the published catalogue: substring search on name, keywords, code and themes, widened by the
/// everyday words people use (<see cref="SearchWords"/>), ordered by relevance unless another order is asked for.
/// </summary>
internal sealed class ItemSearch(CatalogIndex index)
{
    public static IReadOnlyList<string> LifeEvents => Contracts.LifeEvents.All;

    public async Task<Result<Page<ItemSummary>>> SearchAsync(ItemQuery query, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ServiceItemKind? kind = null;
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            kind = ServiceItemKinds.Parse(query.Kind);
            if (kind is null)
            {
                errors.Add("kind", "事项类型应为国家类型代码（如 01 行政许可、07 行政确认、20 公共服务）");
            }
        }

        if (query.Page < 1)
        {
            errors.Add("page", "页码从 1 开始");
        }

        if (query.PageSize is < 1 or > 100)
        {
            errors.Add("pageSize", "每页条数应为 1 到 100");
        }

        if (query.Sort is not (null or "" or "relevance" or "code" or "name" or "committedDays" or "department"))
        {
            errors.Add("sort", "排序应为 relevance、code、name、committedDays 或 department");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        IEnumerable<IndexedItem> items = await index.ItemsAsync(ct);
        Dictionary<string, double>? relevance = null;
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            var meanings = SearchWords.MeaningsOf(q);
            relevance = [];
            foreach (var item in items)
            {
                // The words typed count fully; the catalogue's terms for everyday phrases (开饭店 → 小餐饮) count less, the
                // likeliest meaning (listed first) a little more than the next.
                var score = Math.Max(Relevance(item, q), meanings.Select((m, n) => Relevance(item, m) * (0.7 - (0.02 * n))).DefaultIfEmpty(0).Max());
                if (score > 0)
                {
                    relevance[item.Code] = score;
                }
            }

            items = items.Where(i => relevance.ContainsKey(i.Code));
        }

        if (!string.IsNullOrWhiteSpace(query.Department))
        {
            items = items.Where(i => i.DepartmentCode == query.Department);
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            items = items.Where(i => i.RegionCode == query.Region);
        }

        if (kind is { } k)
        {
            items = items.Where(i => i.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(query.LifeEvent))
        {
            items = items.Where(i => Has(i.LifeEvents, query.LifeEvent.Trim()));
        }

        var matched = items.ToList();
        IEnumerable<IndexedItem> sorted = query.Sort switch
        {
            "name" => matched.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal),
            "committedDays" => matched.OrderBy(i => i.CommittedDays).ThenBy(i => i.Code, StringComparer.Ordinal),
            "department" => matched.OrderBy(i => i.DepartmentCode, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal),
            "code" => matched,
            _ when relevance is not null => matched.OrderByDescending(i => relevance[i.Code]).ThenBy(i => i.Code, StringComparer.Ordinal),
            _ => matched,
        };
        var rows = sorted.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new Page<ItemSummary>(
            [.. rows.Select(r => new ItemSummary(r.Code, r.Name, r.Kind, ServiceItemKinds.Code(r.Kind), ServiceItemKinds.Label(r.Kind), r.DepartmentCode,
                r.DepartmentName, r.ApplicantType, r.CaseType, r.StatutoryDays, r.CommittedDays,
                r.OnlineDepth, r.VisitsRequired, r.LifeEvents))],
            matched.Count, query.Page, query.PageSize);
    }

    /// <summary>How well an item answers a term: its name equal to it, starting with it, containing it; then its code, keywords and themes.</summary>
    private static double Relevance(IndexedItem item, string term) =>
        item.Name.Equals(term, StringComparison.OrdinalIgnoreCase) ? 100
        : item.Code.Equals(term, StringComparison.OrdinalIgnoreCase) ? 95
        : item.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase) ? 80
        : Has(item.Name, term) ? 60
        : Has(item.Keywords, term) ? 45
        : Has(item.Code, term) ? 40
        : Has(item.LifeEvents, term) ? 25
        : 0;

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    public static void Map(RouteGroupBuilder items) =>
        items.MapGet("/", async Task<Results<Ok<Page<ItemSummary>>, ProblemHttpResult>> (
                string? q, string? department, string? kind, string? lifeEvent, string? region, string? sort, int? page, int? pageSize,
                ItemSearch search, CancellationToken ct) =>
            {
                var result = await search.SearchAsync(new ItemQuery(q, department, kind, lifeEvent, region, sort, page ?? 1, pageSize ?? 20), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
            })
            .WithSummary("事项检索：关键词（名称、编码、关键字、主题）、部门、类型、主题，分页与排序");
}
