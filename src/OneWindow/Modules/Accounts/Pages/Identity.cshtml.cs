using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OneWindow.Modules.Accounts.Features;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Accounts.Pages;

/// <summary>实名核验 for the signed-in applicant: an SMS code to the mobile the government holds, or the way to a counter.</summary>
[Authorize(Policy = Policies.Applicant)]
[EnableRateLimiting(Throttles.SmsCode)]
internal sealed class IdentityModel(IdentityVerification verification) : PageModel
{
    public IdentityStatus? Status { get; private set; }

    public string? SentTo { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Status = (await verification.StatusAsync(ct)).Value;

    public async Task<IActionResult> OnPostSmsAsync(CancellationToken ct)
    {
        var sent = await verification.SendCodeAsync(ct);
        if (sent.IsSuccess)
        {
            SentTo = sent.Value!.SentTo;
        }
        else
        {
            Message = sent.Error!.Describe();
            Response.StatusCode = Problems.StatusOf(sent.Error.Kind);
        }

        Status = (await verification.StatusAsync(ct)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var done = await verification.VerifyCodeAsync(new VerifyCodeRequest(Code), ct);
        if (!done.IsSuccess)
        {
            Message = done.Error!.Describe();
            Response.StatusCode = Problems.StatusOf(done.Error.Kind);
            Status = (await verification.StatusAsync(ct)).Value;
            return Page();
        }

        return Redirect("/account/identity");
    }
}
