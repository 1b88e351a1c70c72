using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Catalog.Pages;

/// <summary>Catalogue maintenance: list, export, import with a row-level report. Same handlers as the API.</summary>
[Authorize(Policy = ManageItems.EditorPolicy)]
internal sealed class AdminItemsModel(ItemSearch search, ImportJobs imports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Page<ItemSummary> Items { get; private set; } = Page<ItemSummary>.Empty(100);

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Starts a background import and shows its progress page.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var started = await imports.StartAsync(file, ct);
        if (started.IsSuccess)
        {
            return Redirect($"/admin/items/import/{started.Value}");
        }

        Message = string.Join("；", started.Error!.Fields?.SelectMany(f => f.Value) ?? [started.Error.Title]);
        Response.StatusCode = 400;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = (await search.SearchAsync(new ItemQuery(Q, null, null, null, null, null, 1, 100), ct)).Value ?? Items;
}
