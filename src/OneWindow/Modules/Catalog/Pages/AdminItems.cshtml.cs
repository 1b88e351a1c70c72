using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Features;

namespace OneWindow.Modules.Catalog.Pages;

/// <summary>Catalogue maintenance: list, export, import with a row-level report. Same handlers as the API.</summary>
[Authorize(Policy = ManageItems.EditorPolicy)]
public sealed class AdminItemsModel(ItemSearch search, CatalogEditor editor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public ItemPage Items { get; private set; } = new([], 0, 1, 100);

    public ImportReport? Report { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var format = CatalogFiles.FormatOf(file?.FileName);
        if (file is null || format is null)
        {
            Message = "请选择 .json、.csv 或 .xlsx 文件";
            Response.StatusCode = 400;
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await editor.ImportAsync(CatalogFiles.Read(stream, format.Value), ct);
            Report = result.Value;
            Message = result.Error?.Title;
            if (Report is { Rejected.Count: > 0 } || !result.IsSuccess)
            {
                Response.StatusCode = 400;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = (await search.SearchAsync(new ItemQuery(Q, null, null, null, null, null, 1, 100), ct)).Value ?? Items;
}
