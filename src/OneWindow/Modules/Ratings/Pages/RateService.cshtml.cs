using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Modules.Ratings.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>好差评 on the phone or the portal: a ticket (with its phone-link secret), a completed case or 一件事 (its applicant).</summary>
internal sealed class RateServiceModel(GiveRating ratings) : PageModel
{
    [FromRoute]
    public string SubjectType { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public int? Level { get; set; }

    [BindProperty]
    public List<string>? Reasons { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public RatingView? Given { get; private set; }

    public string? Problem { get; private set; }

    public FieldErrors Errors { get; } = new();

    public IActionResult OnGet() => Enum.TryParse<RatingSubject>(SubjectType, true, out _) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<RatingSubject>(SubjectType, true, out var type))
        {
            return NotFound();
        }

        var r = await ratings.GiveAsync(new RatingInput
        {
            SubjectType = type, SubjectId = Id.ToString(), Level = Level, Comment = RatingFormView.Compose(Reasons, Comment), AccessCode = Code,
            Channel = type == RatingSubject.Ticket ? RatingChannel.Phone : RatingChannel.Portal,
        }, ct);
        if (r.IsSuccess)
        {
            Given = r.Value;
            return Page();
        }

        Problem = r.Error!.Describe();
        Errors.AddAll(r.Error);
        Response.StatusCode = OneWindow.Platform.Web.Problems.StatusOf(r.Error.Kind);
        return Page();
    }
}
