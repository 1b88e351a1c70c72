using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Platform;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>A page with the rating form (<c>_RatingForm</c>): the level pressed, the reasons ticked, the comment, and a refusal's errors.</summary>
internal abstract class RatingFormPage : PageModel
{
    [BindProperty]
    public int? Level { get; set; }

    [BindProperty]
    public List<string>? Reasons { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public string? Problem { get; private set; }

    public FieldErrors Errors { get; } = new();

    /// <summary>The reasons and the comment as the rating's one comment.</summary>
    protected string? ComposedComment => RatingFormView.Compose(Reasons, Comment);

    /// <summary>Shows why the rating was refused, field by field, with the refusal's status.</summary>
    protected void Refused(Error error)
    {
        Problem = error.Describe();
        Errors.AddAll(error);
        Response.StatusCode = OneWindow.Platform.Web.Problems.StatusOf(error.Kind);
    }
}
