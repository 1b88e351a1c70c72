using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Callbacks.Features;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Pages;

/// <summary>回访与整改报表: callbacks per day, reach and satisfaction rates, satisfaction by department and county, the items complained about most, rectifications by source (ECharts, the figures as tables, CSV and XLSX).</summary>
[Authorize(Policy = Policies.CallbackCentre)]
internal sealed class ReportModel(CallbackReports reports) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public CallbackReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var r = await reports.BuildAsync(From, To, ct);
        if (r.IsSuccess)
        {
            Report = r.Value;
        }
        else
        {
            Refused(r.Error!);
        }
    }
}
