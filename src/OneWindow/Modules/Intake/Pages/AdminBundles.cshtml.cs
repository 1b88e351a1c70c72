using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Intake.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>
/// 一件事 definitions for admins: the list, and one bundle's items, lead department, limit, issuance
/// rule and denial rule. Where items define a field differently the page lists the conflict with the
/// items to choose from; saving goes through the same checks as the API.
/// </summary>
[Authorize(Roles = Roles.Admin)]
internal sealed class AdminBundlesModel(Bundles bundles) : PageModel
{
    public IReadOnlyList<BundleSummary> All { get; private set; } = [];

    public string? Code { get; private set; }

    [BindProperty]
    public string? NewCode { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? LeadDepartment { get; set; }

    [BindProperty]
    public string? Items { get; set; }

    [BindProperty]
    public int? CommittedDays { get; set; }

    [BindProperty]
    public Issuance Issuance { get; set; }

    [BindProperty]
    public DenialConsequence OnDenial { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Field key → winning item, posted as <c>res.&lt;key&gt;</c> (read by hand: a bound dictionary would take every form field).</summary>
    public Dictionary<string, string> Resolutions { get; private set; } = [];

    /// <summary>A new bundle (its code is typed in) rather than an edit.</summary>
    public bool IsNew { get; private set; }

    public IReadOnlyList<FieldConflict> Conflicts { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        All = await bundles.ListAsync(ct);
        Code = code;
        IsNew = code == "new";
        if (code is null or "new")
        {
            return Page();
        }

        var found = await bundles.GetAsync(code, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var b = found.Value!;
        (Name, Description, LeadDepartment, Items, CommittedDays, Issuance, OnDenial, Version, Resolutions) =
            (b.Name, b.Description, b.LeadDepartment, string.Join("\n", b.Items.Select(i => i.Code)), b.CommittedDays, b.Issuance, b.OnDenial, b.Version, b.Resolutions.ToDictionary());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        IsNew = code is null or "new";
        Code = IsNew ? NewCode?.Trim() ?? "" : code;
        var items = (Items ?? "").Split(['\n', '\r', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        Resolutions = Request.Form.Where(f => f.Key.StartsWith("res.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(f.Value))
            .ToDictionary(f => f.Key[4..], f => f.Value.ToString());
        var resolutions = Resolutions;
        var saved = await bundles.SaveAsync(Code ?? "", new BundleInput
        {
            Name = Name, Description = Description, LeadDepartment = LeadDepartment, Items = items, CommittedDays = CommittedDays, Issuance = Issuance,
            OnDenial = OnDenial, Resolutions = resolutions, Version = IsNew ? null : Version,
        }, ct);
        if (saved.IsSuccess)
        {
            TempData["message"] = $"已保存“{saved.Value!.Name}”：{saved.Value.Items.Count} 个事项，合并后 {saved.Value.Merged.Form.Fields.Count} 个字段、{saved.Value.Materials.Count} 项材料。";
            return Redirect($"/admin/bundles/{saved.Value.Code}");
        }

        Message = saved.Error!.Describe();
        Errors.AddAll(saved.Error);

        Conflicts = await bundles.ConflictsAsync(items, resolutions, ct);
        All = await bundles.ListAsync(ct);
        Response.StatusCode = saved.Error.Kind == ErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
