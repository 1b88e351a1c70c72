using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Features;

namespace OneWindow.Modules.Catalog.Pages;

/// <summary>An import's progress; refreshes itself every second while it runs (no JavaScript needed).</summary>
[Authorize(Policy = ManageItems.EditorPolicy)]
internal sealed class ImportProgressModel(ImportJobs imports) : PageModel
{
    public ImportJobView? Job { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Job = await imports.GetAsync(id, ct);
        return Job is null ? NotFound() : Page();
    }
}
