using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Features;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Modules.Intake.Contracts;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>
/// Applying for a 一件事: one form (the merged one, each field once), one upload per material for all the
/// items that need it. Online in one's own name; at a general counter a clerk types in the applicant
/// and may accept the whole bundle on the spot.
/// </summary>
[Authorize]
internal sealed class BundleApplyModel(Bundles bundles, BundleApplications applications, CaseMaterials materials, AppDbContext db, ICurrentUser user) : PageModel
{
    public BundleView? Bundle { get; private set; }

    public bool AtCounter => user.IsStaff;

    [BindProperty]
    public NewCaseModel.ApplicantFields Applicant { get; set; } = new() { Kind = "enterprise" };

    [BindProperty]
    public string Key { get; set; } = Guid.NewGuid().ToString("N");

    public Dictionary<string, string[]> Values { get; private set; } = [];

    public Dictionary<string, Guid> Kept { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public string? Message { get; private set; }

    /// <summary>The merged form's fields the applicant block answers at the counter: asked once, there.</summary>
    public IReadOnlySet<string> Answered => AtCounter ? Applicant.Answered(Bundle!.Merged.Form.Fields.Select(f => (f.Key, f.Type))) : new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refusal)
        {
            return refusal;
        }

        if (!AtCounter)
        {
            Applicant = await NewCaseModel.ApplicantFields.OfAccountAsync(db, user.UserId!, ct);
            Values = Applicant.Prefill(Bundle!.Merged.Form.Fields.Select(f => (f.Key, f.Type)));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? act, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refusal)
        {
            return refusal;
        }

        if (!AtCounter)
        {
            Applicant = await NewCaseModel.ApplicantFields.OfAccountAsync(db, user.UserId!, ct);
        }

        Values = FormFieldsView.Posted(Bundle!.Merged.Form, Request.Form);
        if (AtCounter)
        {
            // Asked once: the applicant block answers the merged form's fields that mean the same facts.
            foreach (var (key, value) in Applicant.Prefill(Bundle.Merged.Form.Fields.Select(f => (f.Key, f.Type))))
            {
                Values[key] = value;
            }
        }

        var given = await materials.UploadAsync(Request.Form, Bundle.Region, Errors, ct);
        Kept = given.Where(m => m.FileId is not null).ToDictionary(m => m.MaterialCode!, m => m.FileId!.Value);
        if (!Errors.Any)
        {
            var applied = await applications.ApplyAsync(new BundleApplyRequest(Bundle.Code, Applicant.ToInput(), null, [.. given], null), Values, Key, null, ct);
            if (applied.IsSuccess)
            {
                var created = applied.Value.Created;
                TempData["message"] = $"申请已提交，一件事编号 {created.Number}，共 {created.SubCases.Count} 个事项。";
                if (AtCounter && act == "accept")
                {
                    var accepted = await applications.AcceptAsync(created.Id, null, ct);
                    TempData["message"] = accepted.IsSuccess
                        ? $"已受理，一件事编号 {created.Number}，{created.SubCases.Count} 个事项已分送各部门并联办理，承诺 {accepted.Value!.DueDate:yyyy-MM-dd} 前办结。"
                        : $"已收件（{created.Number}），但未能受理：{accepted.Error!.Describe()}";
                }

                return Redirect($"/bundle-applications/{created.Id}");
            }

            Message = applied.Error!.Title;
            Errors.AddAll(applied.Error);

            Response.StatusCode = applied.Error.Kind == ErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        Message ??= "有内容需要修改";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var found = await bundles.GetAsync(code, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Bundle = found.Value;
        return user.IsStaff && !user.IsInRole(Roles.IntakeClerk) && !user.IsInRole(Roles.HallGuide) ? Forbid() : null;
    }
}
