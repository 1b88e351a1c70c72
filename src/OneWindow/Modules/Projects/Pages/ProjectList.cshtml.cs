using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Projects.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Projects.Pages;

/// <summary>工程建设项目: staff see their region's projects (a steward also their own), an owner its own. Search and paging.</summary>
[Authorize]
internal sealed class ProjectListModel(Features.Projects projects, OneWindow.Platform.ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<ProjectSummary> Results { get; private set; } = Page<ProjectSummary>.Empty(20);

    /// <summary>帮办代办 coverage and completion, for staff.</summary>
    public StewardReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await projects.ListAsync(Q, Math.Max(1, PageNumber), 20, ct);
        if (user.IsStaff)
        {
            Report = await projects.StewardReportAsync(ct);
        }
    }
}
