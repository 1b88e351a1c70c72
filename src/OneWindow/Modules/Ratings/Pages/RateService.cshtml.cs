using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Modules.Ratings.Features;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>好差评 on the phone or the portal: a ticket (with its phone-link secret), a completed case or 一件事 (its applicant).</summary>
internal sealed class RateServiceModel(GiveRating ratings) : RatingFormPage
{
    [FromRoute]
    public string SubjectType { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public RatingView? Given { get; private set; }

    public IActionResult OnGet() => Enum.TryParse<RatingSubject>(SubjectType, true, out _) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<RatingSubject>(SubjectType, true, out var type))
        {
            return NotFound();
        }

        var r = await ratings.GiveAsync(new RatingInput
        {
            SubjectType = type, SubjectId = Id.ToString(), Level = Level, Comment = ComposedComment, AccessCode = Code,
            Channel = type == RatingSubject.Ticket || (type == RatingSubject.WorkOrder && Code is not null) ? RatingChannel.Phone : RatingChannel.Portal,
        }, ct);
        if (r.IsSuccess)
        {
            Given = r.Value;
            return Page();
        }

        Refused(r.Error!);
        return Page();
    }
}
