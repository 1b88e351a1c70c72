using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Ratings.Features;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>
/// 评价器配对: the officer signed in at the counter gets a one-time code to type on the pad (<c>/pad</c>), which then runs
/// as a kiosk without the officer's session.
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class RatingPadModel(IQueueRecords queue, RatingPads pads) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public string CounterName { get; private set; } = "";

    public PadCode? Code { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queue.CounterAsync(Id, ct) is not { } counter)
        {
            return NotFound();
        }

        CounterName = counter.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await queue.CounterAsync(Id, ct) is not { } counter)
        {
            return NotFound();
        }

        CounterName = counter.Name;
        var code = await pads.IssueCodeAsync(Id, ct);
        if (code.IsSuccess)
        {
            Code = code.Value;
        }
        else
        {
            Problem = code.Error!.Describe();
            Response.StatusCode = OneWindow.Platform.Web.Problems.StatusOf(code.Error.Kind);
        }

        return Page();
    }
}
