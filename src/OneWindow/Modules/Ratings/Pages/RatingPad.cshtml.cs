using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Modules.Ratings.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>
/// 窗口评价器: the pad facing the citizen at a counter, signed in as the counter's officer. After a
/// ticket is finished it asks about that service (for a few minutes, once); otherwise it waits.
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class RatingPadModel(IQueueRecords queue, IRatingLookup lookup, GiveRating ratings, TimeProvider clock, IOptions<RatingsOptions> options) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public int? Level { get; set; }

    [BindProperty]
    public List<string>? Reasons { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public Guid? Ticket { get; set; }

    public string CounterName { get; private set; } = "";

    public TicketFacts? Pending { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public FieldErrors Errors { get; } = new();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queue.CounterAsync(Id, ct) is not { } counter)
        {
            return false;
        }

        CounterName = counter.Name;
        var last = await queue.LastServedAtAsync(Id, OneWindow.Platform.Data.Timestamps.Now(clock).AddMinutes(-options.Value.PadMinutes), ct);
        Pending = last is not null && await lookup.LevelAsync("ticket", last.Id, ct) is null ? last : null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await ratings.GiveAsync(new RatingInput
        {
            SubjectType = RatingSubject.Ticket, SubjectId = Ticket?.ToString(), Level = Level, Comment = RatingFormView.Compose(Reasons, Comment), Channel = RatingChannel.Pad,
        }, ct);
        if (r.IsSuccess)
        {
            Message = $"感谢您的评价：{r.Value!.LevelLabel}";
            return Redirect($"/counters/{Id}/pad");
        }

        Problem = r.Error!.Describe();
        Errors.AddAll(r.Error);
        Response.StatusCode = OneWindow.Platform.Web.Problems.StatusOf(r.Error.Kind);
        return await LoadAsync(ct) ? Page() : NotFound();
    }
}
