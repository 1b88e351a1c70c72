using Microsoft.AspNetCore.Authorization;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>督办看板: orders past 预警 or overdue (the latest due first), and by department the running, warned, overdue, returned and unacknowledged counts.</summary>
[Authorize(Roles = $"{Roles.HotlineAgent},{Roles.Supervisor},{Roles.Admin}")]
internal sealed class SupervisionModel(WorkOrderStats stats) : HotlinePage
{
    public SupervisionBoard? Board { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var r = await stats.BoardAsync(ct);
        if (r.IsSuccess)
        {
            Board = r.Value;
        }
        else
        {
            Refused(r.Error!);
        }
    }
}
