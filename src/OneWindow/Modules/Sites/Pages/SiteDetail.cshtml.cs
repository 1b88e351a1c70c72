using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Sites.Features;

namespace OneWindow.Modules.Sites.Pages;

/// <summary>One site: address, hours by weekday, open now, the items handled there (with their guides), terminals and the live queue.</summary>
internal sealed class SiteDetailModel(SiteDirectory directory, OneWindow.Modules.Catalog.Contracts.ICatalogQueries catalog) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public SiteView? Site { get; private set; }

    public IReadOnlyDictionary<string, string> ItemNames { get; private set; } = new Dictionary<string, string>();

    public static readonly string[] Weekdays = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Site = await directory.FindAsync(id, ct);
        if (Site is null)
        {
            return NotFound();
        }

        ItemNames = await catalog.NamesAsync(Site.Items, ct);
        return Page();
    }
}
