using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Intake.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>一件事 applications: an applicant's own; for staff, those of their region or with a sub-case in their department. Search and paging.</summary>
[Authorize]
internal sealed class BundleListModel(BundleApplications applications) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<BundleApplicationSummary> Results { get; private set; } = Page<BundleApplicationSummary>.Empty(20);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await applications.ListAsync(null, Q, Math.Max(1, PageNumber), 20, ct);
        if (!found.IsSuccess)
        {
            return BadRequest();
        }

        Results = found.Value!;
        return Page();
    }
}
