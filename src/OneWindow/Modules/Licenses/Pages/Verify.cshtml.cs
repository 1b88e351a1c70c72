using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Licenses.Features;

namespace OneWindow.Modules.Licenses.Pages;

/// <summary>
/// Public 亮证核验 page: paste the string, or open a link carrying it (?payload=); works without JavaScript. A sealed
/// document's string (<c>DN1:</c>: a case's 受理通知书 or 决定书, a 勘验报告) is checked here too, by the register of its kind.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneWindow.Platform.Web.Throttles.Verify)]
internal sealed class VerifyModel(LicenseVerifier verifier) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Payload { get; set; }

    public VerifyResult? Result { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Payload))
        {
            await CheckAsync(ct);
        }
    }

    public Task OnPostAsync(CancellationToken ct) => CheckAsync(ct);

    private async Task CheckAsync(CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(Payload, ct);
        if (result.IsSuccess)
        {
            Result = result.Value;
        }
        else
        {
            Problem = string.Join("；", result.Error!.Fields?.SelectMany(f => f.Value) ?? [result.Error.Title]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
