using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Catalog.Pages;

/// <summary>The public 办事指南: conditions, materials with blank forms and filled samples (样板间), limits, fees, where to go.</summary>
internal sealed class GuideModel(ItemReader reader) : PageModel
{
    public ItemDetail? Item { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var item = await reader.GetAsync(code, null, includeDrafts: false, ct);
        if (!item.IsSuccess)
        {
            return NotFound();
        }

        Item = item.Value;
        return Page();
    }
}
