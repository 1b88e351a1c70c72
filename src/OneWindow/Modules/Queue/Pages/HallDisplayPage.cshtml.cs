using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Queue.Features;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>叫号显示屏: rendered on the server (it refreshes itself without JavaScript), then kept live over SignalR, or long polling when WebSockets are not there.</summary>
internal sealed class HallDisplayPageModel(HallDisplay display) : PageModel
{
    [FromRoute]
    public Guid HallId { get; set; }

    public DisplayView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await display.ViewAsync(HallId, ct);
        return View is null ? NotFound() : Page();
    }
}
