using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Supervision.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Supervision.Pages;

/// <summary>告知承诺事后核查: the department's open checks first (by due date), with the result form; 承诺不实 revokes, marks and blocks.</summary>
[Authorize(Policy = Policies.Supervision)]
internal sealed class PostChecksModel(PostChecks checks, ICurrentUser user) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<PostCheckView> Results { get; private set; } = Page<PostCheckView>.Empty(20);

    public bool IsInspector => user.IsInRole(Roles.Inspector);

    public async Task OnGetAsync(CancellationToken ct) => Results = await checks.ListAsync(null, Status, Math.Max(1, PageNumber), 20, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, bool? passed, string? findings, int version, CancellationToken ct)
    {
        var r = await checks.ConcludeAsync(id, new PostCheckInput { Passed = passed, Findings = findings }, version, ct);
        if (r.IsSuccess)
        {
            Message = $"{r.Value!.CaseNumber}：{r.Value.StatusLabel}" + (r.Value.Status == "failed" ? "，已撤销许可、记入失信记录并通知审批部门" : "");
            return Redirect("/post-checks");
        }

        Refused(r.Error!);
        await OnGetAsync(ct);
        return Page();
    }
}
