using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Intake.Features;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>办件进度查询 without an account: case number and the ID tail; works without JavaScript; throttled.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneWindow.Platform.Web.Throttles.Track)]
internal sealed class TrackModel(CaseTracking tracking) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? IdTail { get; set; }

    public TrackedCase? Case { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Number is null && IdTail is null)
        {
            return;
        }

        var found = await tracking.FindAsync(Number, IdTail, ct);
        if (found.IsSuccess)
        {
            Case = found.Value;
            return;
        }

        Errors = found.Error!.Fields ?? new Dictionary<string, string[]>();
        Problem = Errors.Count == 0 ? found.Error.Title : null;
        Response.StatusCode = Errors.Count == 0 ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
    }
}
