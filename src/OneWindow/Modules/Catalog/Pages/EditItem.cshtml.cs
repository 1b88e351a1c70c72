using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Data;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Modules.Catalog.Features;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;

namespace OneWindow.Modules.Catalog.Pages;

/// <summary>
/// Edit an item: scalar fields as inputs, materials and form as JSON (validated with the same rules
/// as the API), versions, publish, and upload of blank forms and samples. Works without JavaScript.
/// </summary>
[Authorize(Policy = ManageItems.EditorPolicy)]
internal sealed class EditItemModel(AppDbContext db, CatalogEditor editor, IDepartmentDirectory departments, FileStore files, ICurrentUser user, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new(ServiceItemConfiguration.Json) { WriteIndented = true };

    [BindProperty]
    public ItemDocument Input { get; set; } = new();

    [BindProperty]
    public string MaterialsJson { get; set; } = "[]";

    [BindProperty]
    public string FormJson { get; set; } = "{\"fields\":[]}";

    /// <summary>秒批 rules, one row each (blank rows are dropped; three blank rows are offered for new rules).</summary>
    [BindProperty]
    public List<InstantRule> Rules { get; set; } = [];

    /// <summary>The sample application a rule set is tried on (试算).</summary>
    [BindProperty]
    public string SampleJson { get; set; } = JsonSerializer.Serialize(InstantRuleTrials.DefaultSample, Indented);

    public RuleTrialResult? Trial { get; private set; }

    /// <summary>The facts a rule may read: the platform's and this item's form fields.</summary>
    public IReadOnlyList<string> Facts => [.. InstantRules.PlatformFacts, .. Input.Form.Fields.Select(f => "form." + f.Key)];

    public bool IsNew { get; private set; }

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    public IReadOnlyList<ItemVersionSummary> Versions { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? ErrorTitle { get; private set; }

    public string? Saved { get; private set; }

    public Guid? UploadedFileId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var latest = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.ItemVersion).FirstOrDefaultAsync(ct);
        IsNew = latest is null;
        Input = latest is null ? new ItemDocument { Code = code, Region = user.RegionCode ?? DemoCity.City, Department = user.DepartmentCode ?? "" } : ItemDocument.From(latest);
        MaterialsJson = JsonSerializer.Serialize(Input.Materials, Indented);
        FormJson = JsonSerializer.Serialize(Input.Form, Indented);
        Rules = [.. Input.InstantRules];
        Saved = TempData["saved"] as string;
        await LoadAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken ct)
    {
        var parse = new FieldErrors();
        List<Material>? materials = null;
        FormSchema? form = null;
        try
        {
            materials = JsonSerializer.Deserialize<List<Material>>(MaterialsJson, ServiceItemConfiguration.Json);
        }
        catch (JsonException ex)
        {
            parse.Add("materials", "JSON 格式有误：" + ex.Message);
        }

        try
        {
            form = JsonSerializer.Deserialize<FormSchema>(FormJson, ServiceItemConfiguration.Json);
        }
        catch (JsonException ex)
        {
            parse.Add("form", "JSON 格式有误：" + ex.Message);
        }

        Result<ServiceItem> saved = parse.Any
            ? parse.ToError("catalog:invalid", "事项信息有误")
            : await editor.SaveDraftAsync(Input with { Code = code, Materials = materials ?? [], Form = form ?? new FormSchema(), InstantRules = FilledRules }, ct);
        if (!saved.IsSuccess)
        {
            return await ShowErrorAsync(code, saved.Error!, ct);
        }

        TempData["saved"] = $"已保存第 {saved.Value!.ItemVersion} 版草稿。发布后对外生效。";
        return Redirect($"/admin/items/{code}/edit");
    }

    public async Task<IActionResult> OnPostPublishAsync(string code, CancellationToken ct)
    {
        var published = await editor.PublishAsync(code, ct);
        if (!published.IsSuccess)
        {
            await OnGetAsync(code, ct);
            return await ShowErrorAsync(code, published.Error!, ct);
        }

        TempData["saved"] = $"已发布第 {published.Value!.ItemVersion} 版。";
        return Redirect($"/admin/items/{code}/edit");
    }

    private List<InstantRule> FilledRules => [.. Rules.Where(r => !string.IsNullOrWhiteSpace(r.Name) || !string.IsNullOrWhiteSpace(r.Fact) || !string.IsNullOrWhiteSpace(r.Value))];

    /// <summary>试算: the rules as they stand in the form, on the sample; nothing is saved.</summary>
    public async Task<IActionResult> OnPostTryRulesAsync(string code, CancellationToken ct)
    {
        var rules = FilledRules;
        var sample = SampleJson;
        FormSchema? form = null;
        try
        {
            form = JsonSerializer.Deserialize<FormSchema>(FormJson, ServiceItemConfiguration.Json);
        }
        catch (JsonException)
        {
            // The form as saved is used below.
        }

        await OnGetAsync(code, ct);
        Rules = rules;
        SampleJson = sample;
        RuleSample? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<RuleSample>(sample, ServiceItemConfiguration.Json);
        }
        catch (JsonException ex)
        {
            return await ShowErrorAsync(code, Error.Field("sample", "样例 JSON 格式有误：" + ex.Message), ct);
        }

        var keys = (form ?? Input.Form).Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var trial = InstantRuleTrials.Try(rules, keys, parsed ?? InstantRuleTrials.DefaultSample, clock.TodayInChina());
        if (!trial.IsSuccess)
        {
            return await ShowErrorAsync(code, trial.Error!, ct);
        }

        Trial = trial.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string code, IFormFile? upload, CancellationToken ct)
    {
        await OnGetAsync(code, ct);
        if (upload is null)
        {
            return await ShowErrorAsync(code, Error.Field("file", "请选择文件"), ct);
        }

        await using var stream = upload.OpenReadStream();
        var saved = await files.SaveAsync(stream, upload.FileName, user.UserId!, user.RegionCode ?? "", isPublic: true, ct);
        if (!saved.IsSuccess)
        {
            return await ShowErrorAsync(code, saved.Error!, ct);
        }

        UploadedFileId = saved.Value!.FileId;
        return Page();
    }

    private async Task<IActionResult> ShowErrorAsync(string code, Error error, CancellationToken ct)
    {
        ErrorTitle = error.Title;
        Errors = error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Title] };
        Response.StatusCode = OneWindow.Platform.Web.Problems.StatusOf(error.Kind);
        await LoadAsync(code, ct);
        return Page();
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        Departments = await departments.InRegionAsync(string.IsNullOrEmpty(Input.Region) ? DemoCity.City : Input.Region, ct);
        Versions = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.ItemVersion)
            .Select(i => new ItemVersionSummary(i.ItemVersion, i.Status, i.IsCurrent, i.UpdatedAt, i.UpdatedBy, i.PublishedAt)).ToListAsync(ct);
        IsNew = Versions.Count == 0;
    }
}
