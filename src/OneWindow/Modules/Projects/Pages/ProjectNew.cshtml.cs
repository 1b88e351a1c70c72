using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Modules.Projects.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Projects.Pages;

/// <summary>Registering a construction project (clerks, helpers, admins): the risk class sets its limit; a steward may be named at once.</summary>
[Authorize(Roles = Roles.IntakeClerk + "," + Roles.HallGuide + "," + Roles.Admin)]
internal sealed class ProjectNewModel(Features.Projects projects, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public ProjectInput Input { get; set; } = new() { RiskClass = RiskClass.LowRisk };

    public IReadOnlyList<AppUser> Helpers { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public string? Message { get; private set; }

    public async Task OnGetAsync() => Helpers = [.. (await users.GetUsersInRoleAsync(Roles.HallGuide)).OrderBy(u => u.UserName)];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await projects.CreateAsync(Input, ct);
        if (created.IsSuccess)
        {
            TempData["message"] = $"项目已登记，全流程审批时限 {created.Value!.LimitDays} 个工作日。";
            return Redirect($"/projects/{created.Value.Id}");
        }

        Message = created.Error!.Title;
        Errors.AddAll(created.Error);

        Helpers = [.. (await users.GetUsersInRoleAsync(Roles.HallGuide)).OrderBy(u => u.UserName)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
