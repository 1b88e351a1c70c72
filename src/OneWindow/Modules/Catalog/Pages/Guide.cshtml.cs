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

    /// <summary>Why the signed-in applicant account may not apply for this item (a person for a 法人-only item), or null.</summary>
    public string? Ineligible { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var item = await reader.GetAsync(code, null, includeDrafts: false, ct);
        if (!item.IsSuccess)
        {
            return NotFound();
        }

        Item = item.Value;
        var kind = User.IsInRole(OneWindow.Platform.Identity.Roles.Applicant) ? User.FindFirst(OneWindow.Platform.Identity.OneWindowClaims.Kind)?.Value : null;
        Ineligible = Contracts.ApplicantEligibility.Refusal(Item!.ApplicantType, kind?.ToLowerInvariant());
        return Page();
    }
}
