using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Queue.Features;
using OneWindow.Modules.Ratings.Contracts;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>The citizen's ticket on the phone: number, position, estimated wait; refreshes itself; after the service, the rating.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneWindow.Platform.Web.Throttles.Track)]
internal sealed class TicketStatusModel(HallQueue queue, IRatingLookup ratings) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public TicketView? Ticket { get; private set; }

    public int? RatedLevel { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await queue.FindAsync(Id, Code, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Ticket = found.Value;
        RatedLevel = await ratings.LevelAsync("ticket", Id, ct);
        return Page();
    }
}
