using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>热线统计: orders per day by type, 直接办结率, 按时办结率, 退单率, 满意率 and the top categories, for a period (ECharts, with the figures also as tables).</summary>
[Authorize(Roles = $"{Roles.HotlineAgent},{Roles.Supervisor},{Roles.Admin}")]
internal sealed class DashboardModel(WorkOrderStats stats) : HotlinePage
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public HotlineStats? Stats { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var r = await stats.DashboardAsync(From, To, ct);
        if (r.IsSuccess)
        {
            Stats = r.Value;
        }
        else
        {
            Refused(r.Error!);
        }
    }
}
