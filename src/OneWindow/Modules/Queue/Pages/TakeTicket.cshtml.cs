using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Modules.Queue.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>
/// 取号: the same page serves the phone (the QR at the door), the kiosk and the guide desk (大导服: a
/// signed-in guide may give a priority ticket and pick the group from the item). An appointment is
/// checked in with its six-digit code.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneWindow.Platform.Web.Throttles.Ticket)]
internal sealed class TakeTicketModel(Halls halls, HallQueue queue, HallDisplay display, HallHours hours) : PageModel
{
    [FromRoute]
    public Guid HallId { get; set; }

    [BindProperty]
    public string? Group { get; set; }

    [BindProperty]
    public string? ItemCode { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public bool Priority { get; set; }

    [BindProperty]
    public string? CheckInCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kiosk { get; set; }

    public HallView? Hall { get; private set; }

    /// <summary>How many wait in each group, and for about how long, shown before a person takes a number.</summary>
    public IReadOnlyDictionary<string, DisplayWaiting> Waiting { get; private set; } = new Dictionary<string, DisplayWaiting>();

    public bool IsGuide => queue.IsHallStaff;

    /// <summary>Numbers are given out only while the hall is open; outside its hours the page says when, and offers booking.</summary>
    public bool Open { get; private set; }

    public FieldErrors Errors { get; } = new();

    public string? Message { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Hall = await halls.FindAsync(HallId, ct);
        if (Hall is not null && await display.ViewAsync(HallId, ct) is { } view)
        {
            Waiting = view.Waiting.ToDictionary(w => w.Group);
            Open = await hours.IsOpenAsync(HallId, ct);
        }

        return Hall is not null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var input = new TakeTicket
        {
            Group = string.IsNullOrWhiteSpace(CheckInCode) && string.IsNullOrWhiteSpace(ItemCode) ? Group : null, ItemCode = ItemCode, Mobile = Mobile,
            Priority = Priority ? TicketPriority.Priority : TicketPriority.Normal, CheckInCode = CheckInCode,
            Channel = IsGuide ? TicketChannel.GuideDesk : Kiosk == "1" ? TicketChannel.Kiosk : TicketChannel.Phone,
        };
        var taken = await queue.TakeAsync(HallId, input, ct);
        if (taken.IsSuccess)
        {
            return Redirect($"/tickets/{taken.Value!.Id}?code={taken.Value.AccessCode}");
        }

        Message = taken.Error!.Describe();
        Errors.AddAll(taken.Error);
        Response.StatusCode = taken.Error.Kind == ErrorKind.Validation ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }
}
