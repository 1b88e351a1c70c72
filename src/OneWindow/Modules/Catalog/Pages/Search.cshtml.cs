using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Modules.Catalog.Features;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;

namespace OneWindow.Modules.Catalog.Pages;

/// <summary>The public search: items (and the departments whose names match), filters, sorting, paging.</summary>
internal sealed class SearchModel(ItemSearch search, IDepartmentDirectory departments) : PageModel
{
    public static readonly ServiceItemKind[] Kinds =
        [ServiceItemKind.Licensing, ServiceItemKind.Confirmation, ServiceItemKind.Benefit, ServiceItemKind.PublicService, ServiceItemKind.Other];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? LifeEvent { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<ItemSummary> Items { get; private set; } = Page<ItemSummary>.Empty(20);

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    public IReadOnlyList<DepartmentInfo> DepartmentMatches { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>The catalogue's terms searched as well for the everyday words typed (开饭店 → 小餐饮、食品经营).</summary>
    public IReadOnlyList<string> AlsoSearched => string.IsNullOrWhiteSpace(Q) ? [] : SearchWords.MeaningsOf(Q.Trim());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departments = await departments.InRegionAsync(DemoCity.City, ct);
        var result = await search.SearchAsync(new ItemQuery(Q, Department, Kind, LifeEvent, null, Sort, Math.Max(1, PageNumber), 20), ct);
        if (result.IsSuccess)
        {
            Items = result.Value!;
        }
        else
        {
            Error = string.Join("；", result.Error!.Fields?.SelectMany(f => f.Value) ?? [result.Error.Title]);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            DepartmentMatches = (await departments.SearchAsync(Q, null, 1, 10, ct)).Items;
        }
    }

    public string PageLink(int page) =>
        $"/search?q={Uri.EscapeDataString(Q ?? "")}&department={Department}&kind={Kind}&lifeEvent={Uri.EscapeDataString(LifeEvent ?? "")}&sort={Sort}&page={page}";
}
