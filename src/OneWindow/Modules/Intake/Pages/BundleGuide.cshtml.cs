using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Intake.Features;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>
/// 一件事 for the public: without a code the list of bundles; with one, its guide — the items and their
/// departments, how long it takes together against one by one, the one material list (what the
/// applicant hands in, what the government shares, what the bundle produces itself) and the one form.
/// </summary>
internal sealed class BundleGuideModel(Bundles bundles) : PageModel
{
    public IReadOnlyList<BundleSummary> All { get; private set; } = [];

    public BundleView? Bundle { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (code is null)
        {
            All = await bundles.ListAsync(ct);
            return Page();
        }

        var found = await bundles.GetAsync(code, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Bundle = found.Value;
        return Page();
    }
}
