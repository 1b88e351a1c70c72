using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneWindow.Platform.Web;

/// <summary>What a page with forms shares: a refusal shown above the form with its field messages, and the status code it carries.</summary>
public abstract class FormPage : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var m) ? m : [];

    protected void Refused(Error error)
    {
        // With field messages the title heads them (each shown by its field); without, the one sentence says it all.
        Errors = error.Fields ?? new Dictionary<string, string[]>();
        Problem = Errors.Count > 0 ? error.Title : error.Describe();

        Response.StatusCode = Problems.StatusOf(error.Kind);
    }
}
