using Microsoft.AspNetCore.Authorization;
using OneWindow.Modules.Supervision.Features;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Supervision.Pages;

/// <summary>认领情况通报: per supervising department, pushed, claimed on time, auto-claimed and fed back; the auto-claimed items listed.</summary>
[Authorize(Policy = Policies.Supervision)]
internal sealed class BoardModel(SupervisionItems items) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public SupervisionBoard Board { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct) => Board = await items.BoardAsync(ct);
}
