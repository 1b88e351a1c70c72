using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Intake.Features;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>办件进度查询 by SMS code: the case number, a code sent to the mobile given with the application; works without JavaScript.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneWindow.Platform.Web.Throttles.TrackSms)]
internal sealed class TrackSmsModel(CaseTracking tracking) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? SmsCode { get; set; }

    public bool CodeSent { get; private set; }

    public string? Message { get; private set; }

    public TrackedCase? Case { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostSendAsync(CancellationToken ct)
    {
        var sent = await tracking.SendCodeAsync(Number, ct);
        if (sent.IsSuccess)
        {
            CodeSent = true;
            Message = sent.Value!.Message;
            return;
        }

        Refused(sent.Error!);
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        CodeSent = true;
        var found = await tracking.FindBySmsCodeAsync(Number, SmsCode, ct);
        if (found.IsSuccess)
        {
            Case = found.Value;
            return;
        }

        Refused(found.Error!);
    }

    private void Refused(OneWindow.Platform.Error error)
    {
        Errors = error.Fields ?? new Dictionary<string, string[]>();
        Problem = Errors.Count == 0 ? error.Title : null;
        Response.StatusCode = Errors.Count == 0 ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
    }
}
