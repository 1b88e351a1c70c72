using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Sites.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Sites.Pages;

/// <summary>百事通 map and list: filter by item and "open now", nearest to a point or an address; the list works without JavaScript.</summary>
internal sealed class SitesModel(SiteDirectory directory) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OpenNow { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Near { get; set; }

    public Page<SiteView> Results { get; private set; } = Page<SiteView>.Empty(500);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var r = await directory.ListAsync(Item, OpenNow, Near, null, null, 1, 500, ct);
        if (r.IsSuccess)
        {
            Results = r.Value!;
        }
        else
        {
            Refused(r.Error!);
            Results = (await directory.ListAsync(Item, OpenNow, null, null, null, 1, 500, ct)).Value!;
        }
    }
}
