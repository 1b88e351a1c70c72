using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Sites.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Sites.Pages;

/// <summary>网点管理 (administrators): the directory, and a form to add or change a site (hours per weekday, items, terminals).</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class AdminSitesModel(SiteDirectory directory) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public SiteInput Input { get; set; } = new();

    [BindProperty]
    public string? ItemsText { get; set; }

    [BindProperty]
    public List<string> HoursText { get; set; } = [];

    [BindProperty]
    public int? Version { get; set; }

    public Page<SiteView> Sites { get; private set; } = Page<SiteView>.Empty(500);

    public SiteView? Editing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sites = (await directory.ListAsync(null, false, null, null, null, 1, 500, ct)).Value!;
        Editing = Id is { } id ? await directory.FindAsync(id, ct) : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var hours = HoursText.Select((h, i) => (Day: i + 1, Text: h ?? "")).Where(h => h.Day <= 7).ToDictionary(h => h.Day, h => h.Text.Trim());
        var items = (ItemsText ?? "").Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var r = await directory.SaveAsync(Id, Input with { Hours = hours, Items = items }, Version, ct);
        if (r.IsSuccess)
        {
            Message = $"已保存：{r.Value!.Name}";
            return Redirect($"/admin/sites?id={r.Value.Id}");
        }

        Refused(r.Error!);
        await OnGetAsync(ct);
        return Page();
    }
}
