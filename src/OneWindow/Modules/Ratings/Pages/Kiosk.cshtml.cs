using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Modules.Ratings.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>
/// 窗口评价器 as a kiosk (<c>/pad</c>): paired once with a counter by a one-time code, it runs without anyone's session.
/// After a ticket is finished at its counter it asks about that service (for a few minutes, once); otherwise it waits.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneWindow.Platform.Web.Throttles.Track)]
internal sealed class KioskModel(RatingPads pads, IQueueRecords queue, IRatingLookup lookup, GiveRating ratings, TimeProvider clock, IOptions<RatingsOptions> options) : RatingFormPage
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public Guid? Ticket { get; set; }

    public Guid? CounterId { get; private set; }

    public string CounterName { get; private set; } = "";

    public TicketFacts? Pending { get; private set; }

    [TempData]
    public string? Message { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        CounterId = pads.CounterOf(Request);
        if (CounterId is not { } id || await queue.CounterAsync(id, ct) is not { } counter)
        {
            CounterId = null;
            return false;
        }

        CounterName = counter.Name;
        var last = await queue.LastServedAtAsync(id, OneWindow.Platform.Data.Timestamps.Now(clock).AddMinutes(-options.Value.PadMinutes), ct);
        Pending = last is not null && await lookup.LevelAsync("ticket", last.Id, ct) is null ? last : null;
        return true;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The pad types the officer's one-time code.</summary>
    public async Task<IActionResult> OnPostPairAsync(CancellationToken ct)
    {
        var counter = await pads.RedeemAsync(Code, ct);
        if (!counter.IsSuccess)
        {
            Errors.AddAll(counter.Error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        pads.WriteCookie(Response, counter.Value);
        return Redirect("/pad");
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        if (pads.CounterOf(Request) is not { } counter)
        {
            return Redirect("/pad");
        }

        var r = await ratings.GiveAsync(new RatingInput
        {
            SubjectType = RatingSubject.Ticket, SubjectId = Ticket?.ToString(), Level = Level, Comment = ComposedComment,
            Channel = RatingChannel.Pad, PadCounterId = counter,
        }, ct);
        if (r.IsSuccess)
        {
            Message = $"感谢您的评价：{r.Value!.LevelLabel}";
            return Redirect("/pad");
        }

        Refused(r.Error!);
        await LoadAsync(ct);
        return Page();
    }

    public IActionResult OnPostUnpair()
    {
        RatingPads.Forget(Response);
        return Redirect("/pad");
    }
}
