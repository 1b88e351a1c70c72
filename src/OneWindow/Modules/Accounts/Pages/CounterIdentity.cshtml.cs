using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Accounts.Features;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Accounts.Pages;

/// <summary>窗口现场核验: an intake clerk, having seen the ID card or business licence, confirms an account's identity.</summary>
[Authorize(Roles = Roles.IntakeClerk)]
internal sealed class CounterIdentityModel(IdentityVerification verification) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? IdentityCode { get; set; }

    public IdentityStatus? Done { get; private set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await verification.VerifyAtCounterAsync(new CounterVerificationRequest(UserName, IdentityCode), ct);
        if (result.IsSuccess)
        {
            Done = result.Value;
        }
        else
        {
            Message = result.Error!.Describe();
            Response.StatusCode = Problems.StatusOf(result.Error.Kind);
        }

        return Page();
    }
}
