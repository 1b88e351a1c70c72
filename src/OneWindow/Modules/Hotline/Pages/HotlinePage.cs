using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Platform;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>What the hotline's pages share: a refusal shown above the form with its field messages, and the status code it carries.</summary>
internal abstract class HotlinePage : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var m) ? m : [];

    protected void Refused(Error error)
    {
        Problem = error.Title;
        Errors = error.Fields ?? new Dictionary<string, string[]>();
        if (error.Fields is null or { Count: 0 })
        {
            Problem = error.Describe();
        }

        Response.StatusCode = OneWindow.Platform.Web.Problems.StatusOf(error.Kind);
    }
}
