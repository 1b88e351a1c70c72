using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Queue.Features;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>大厅运行指标: the hall's metrics as figures, charts (ECharts) and tables (the tables serve without JavaScript).</summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class HallDashboardModel(HallMetrics metrics) : PageModel
{
    [FromRoute]
    public Guid HallId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public HallMetricsView? Metrics { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var m = await metrics.ComputeAsync(HallId, From, To, ct);
        if (m.IsSuccess)
        {
            Metrics = m.Value;
            return Page();
        }

        if (m.Error!.Kind == OneWindow.Platform.ErrorKind.NotFound)
        {
            return NotFound();
        }

        Problem = m.Error.Describe();
        Metrics = (await metrics.ComputeAsync(HallId, null, null, ct)).Value;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
