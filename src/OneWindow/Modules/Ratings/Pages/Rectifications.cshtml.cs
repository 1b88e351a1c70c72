using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Ratings.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>差评整改: the department's open rectifications by deadline, each step (核实 → 整改 → 反馈) a form; the satisfaction rate above.</summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class RectificationsModel(Rectifications rectifications) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<RectificationView> Results { get; private set; } = Page<RectificationView>.Empty(20);

    public SatisfactionView? Summary { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Results = await rectifications.ListAsync(Department, Status != "all", Math.Max(1, PageNumber), 20, ct);
        Summary = (await rectifications.SummaryAsync(Department, null, null, ct)).Value!;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid id, string step, string? note, bool? founded, int version, CancellationToken ct)
    {
        var input = new RectificationStep { Note = note, Founded = founded };
        var r = step switch
        {
            "verify" => await rectifications.VerifyAsync(id, input, version, ct),
            "rectify" => await rectifications.RectifyAsync(id, input, version, ct),
            _ => await rectifications.FeedbackAsync(id, input, version, ct),
        };
        if (r.IsSuccess)
        {
            Message = $"已保存：{r.Value!.StatusLabel}";
            return Redirect("/rectifications");
        }

        Problem = r.Error!.Describe();
        Response.StatusCode = OneWindow.Platform.Web.Problems.StatusOf(r.Error.Kind);
        await LoadAsync(ct);
        return Page();
    }
}
