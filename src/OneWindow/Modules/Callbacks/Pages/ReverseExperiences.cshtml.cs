using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Callbacks.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Pages;

/// <summary>反向体验: a staff member or leader records a service they went through as an applicant, up to five problems at once; each opens a rectification.</summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class ReverseExperiencesModel(ReverseExperiences experiences) : Platform.Web.FormPage
{
    public const int Rows = 5;

    [BindProperty]
    public ReverseExperienceInput Input { get; set; } = new();

    [BindProperty]
    public List<ProblemInput> Problems { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<ReverseExperienceView> Results { get; private set; } = Page<ReverseExperienceView>.Empty(20);

    private async Task LoadAsync(CancellationToken ct) => Results = await experiences.ListAsync(Math.Max(1, PageNumber), 20, ct);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Empty rows of the form are not problems.
        var problems = Problems.Where(p => !string.IsNullOrWhiteSpace(p.Step) || !string.IsNullOrWhiteSpace(p.Problem)).ToList();
        var r = await experiences.RecordAsync(Input with { Problems = problems }, ct);
        if (r.IsSuccess)
        {
            Message = $"已记录反向体验“{r.Value!.ItemName}”，生成整改 {r.Value.Problems.Count} 条";
            return Redirect("/reverse-experiences");
        }

        Refused(r.Error!);
        await LoadAsync(ct);
        return Page();
    }
}
