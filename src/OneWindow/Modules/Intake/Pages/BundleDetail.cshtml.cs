using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Intake.Features;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>
/// A 一件事 application: its overall state and due date, each sub-case with its department, state and
/// deadline, the one combined 一次性告知 and the licences once issued. A clerk accepts every sub-case
/// at once or sends one combined notice; the applicant answers the notice once with one upload per
/// material. Each form carries the version the person saw.
/// </summary>
[Authorize]
internal sealed class BundleDetailModel(BundleApplications applications, Bundles bundles, CaseMaterials materials, IDepartmentDirectory departments, ICurrentUser user)
    : PageModel
{
    public BundleApplicationView? Application { get; private set; }

    public BundleView? Bundle { get; private set; }

    public Dictionary<string, string> DepartmentNames { get; } = [];

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public FieldErrors Errors { get; } = new();

    public bool IsApplicant { get; private set; }

    public bool CanAccept => user.IsInRole(Roles.IntakeClerk) && Application?.Status == BundleStatus.Submitted;

    public bool CanNotify => user.IsInRole(Roles.IntakeClerk) && Application?.Status is BundleStatus.Submitted or BundleStatus.InProgress;

    public bool CanSupplement => (IsApplicant || user.IsInRole(Roles.IntakeClerk)) && Application?.Notice.Count > 0;

    public string MaterialName(string code) => Bundle?.Materials.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    public string FieldLabel(string key) => Bundle?.Merged.Form.Fields.FirstOrDefault(f => f.Key == key)?.Label ?? key;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? act, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Result<BundleApplicationView> result;
        switch (act)
        {
            case "accept" when user.IsInRole(Roles.IntakeClerk):
                result = await applications.AcceptAsync(id, version, ct);
                break;
            case "request-supplement" when user.IsInRole(Roles.IntakeClerk):
                var items = Request.Form["notice"].Select(code => new DeficiencyItem(code ?? "", Request.Form["reason." + code].ToString().Trim())).ToList();
                result = await applications.RequestSupplementAsync(id, items, version, ct);
                break;
            case "supplement" when IsApplicant || user.IsInRole(Roles.IntakeClerk):
                var given = await materials.UploadAsync(Request.Form, Bundle?.Region ?? "", Errors, ct);
                result = Errors.Any ? Errors.ToError("bundle-application:invalid-materials", "补正材料有误") : await applications.SupplementAsync(id, [.. given], version, ct);
                break;
            default:
                return Forbid();
        }

        if (result.IsSuccess)
        {
            TempData["message"] = act switch
            {
                "accept" => $"已受理，{result.Value!.SubCases.Count} 个事项已分送各部门并联办理，承诺 {result.Value.DueDate:yyyy-MM-dd} 前办结。",
                "request-supplement" => "已一次性告知申请人需补正的全部材料。",
                _ => "补正材料已提交，各事项继续办理。",
            };
            return Redirect($"/bundle-applications/{id}");
        }

        Problem = result.Error!.Describe();
        Errors.AddAll(result.Error);

        Response.StatusCode = result.Error.Kind switch
        {
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await applications.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Application = found.Value!;
        IsApplicant = !user.IsStaff;
        Bundle = (await bundles.GetAsync(Application.BundleCode, ct)).Value;
        foreach (var dept in Application.SubCases.Select(s => s.Department).Append(Application.LeadDepartment).Distinct())
        {
            DepartmentNames[dept] = (await departments.FindAsync(dept, ct))?.Name ?? dept;
        }

        return true;
    }
}
