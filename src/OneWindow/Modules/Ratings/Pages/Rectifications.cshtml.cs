using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Ratings.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>差评整改: the department's open rectifications by deadline, each step (核实 → 整改 → 反馈) a form; the satisfaction rate above.</summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class RectificationsModel(Rectifications rectifications, OneWindow.Modules.Organisation.Contracts.IDepartmentDirectory directory, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>The departments a rectification can be assigned to: the signed-in person's region and its city.</summary>
    public IReadOnlyList<OneWindow.Modules.Organisation.Contracts.DepartmentInfo> Departments { get; private set; } = [];

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
        var filter = RectificationFilters.Parse(Department, Status, Overdue, Source);
        Results = await rectifications.ListAsync(filter.Value ?? new RectificationFilter(Department, true), Math.Max(1, PageNumber), 20, ct);
        Summary = (await rectifications.SummaryAsync(Department, null, null, ct)).Value!;
        var region = user.RegionCode ?? "";
        var city = region.Length == 6 ? region[..4] + "00" : region;
        Departments = [.. (await directory.InRegionAsync(city, ct)).Concat(region == city ? [] : await directory.InRegionAsync(region, ct))];
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(
        Guid id, string step, string? note, bool? founded, bool? satisfied, string? department, string? person, int? workingDays, int version, CancellationToken ct)
    {
        var input = new RectificationStep { Note = note, Founded = founded, Satisfied = satisfied };
        var r = step switch
        {
            "verify" => await rectifications.VerifyAsync(id, input, version, ct),
            "assign" => await rectifications.AssignAsync(id, new RectificationAssignment { Department = department, Person = person, WorkingDays = workingDays, Note = note }, version, ct),
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
