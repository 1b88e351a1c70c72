using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features;

internal sealed record BundleItemView(string Code, string Name, string Department, string DepartmentName, int CommittedDays, string? LicenseType, bool SoleApprover);

/// <summary>A bundle as the API and the pages show it: its items, the merged form and materials, and any unresolved conflict.</summary>
internal sealed record BundleView(
    string Code, string Name, string Region, string Description, string LeadDepartment, string LeadDepartmentName, IReadOnlyList<BundleItemView> Items,
    [property: System.Text.Json.Serialization.JsonIgnore] MergedItems Merged, int CommittedDays, Issuance Issuance, DenialConsequence OnDenial,
    IReadOnlyDictionary<string, string> Resolutions, int Version)
{
    /// <summary>The merged form: each field key once (the catalogue's schema type, serialised as it is).</summary>
    public object Form => Merged.Form;

    public IReadOnlyList<MergedMaterial> Materials => Merged.Materials;

    public IReadOnlyList<FieldConflict> Conflicts => Merged.Conflicts;

    /// <summary>The sum of the items' own limits: what applying one by one would promise at best.</summary>
    public int SeparateDays => Items.Sum(i => i.CommittedDays);
}

internal sealed record BundleSummary(string Code, string Name, string Description, int ItemCount, int CommittedDays, Issuance Issuance);

/// <summary>What an admin sends to define or change a bundle.</summary>
internal sealed record BundleInput
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? LeadDepartment { get; init; }

    public List<string>? Items { get; init; }

    public int? CommittedDays { get; init; }

    public Issuance? Issuance { get; init; }

    public DenialConsequence? OnDenial { get; init; }

    public Dictionary<string, string>? Resolutions { get; init; }

    /// <summary>The version last read, for an edit (a stale one gets 409).</summary>
    public int? Version { get; init; }
}

/// <summary>
/// 一件事 definitions: list, read (merged form and materials), and define or change (admin). Each read
/// merges the items' versions in force, so a republished item is reflected at once.
/// </summary>
internal sealed class Bundles(AppDbContext db, ICatalogQueries catalog, IDepartmentDirectory departments, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static Error NotFound(string code) => Error.NotFound("bundle:not-found", $"一件事 {code} 不存在");

    public async Task<IReadOnlyList<BundleSummary>> ListAsync(CancellationToken ct) =>
        await db.Set<Bundle>().AsNoTracking().Where(b => b.Published).OrderBy(b => b.Code)
            .Select(b => new BundleSummary(b.Code, b.Name, b.Description, b.ItemCodes.Count, b.CommittedDays, b.Issuance)).ToListAsync(ct);

    /// <summary>The bundle with the items' current versions (null items when one is not published).</summary>
    internal async Task<(Bundle Bundle, IReadOnlyList<PublishedItem> Items, MergedItems Merged)?> LoadAsync(string code, CancellationToken ct)
    {
        var bundle = await db.Set<Bundle>().AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, ct);
        if (bundle is null)
        {
            return null;
        }

        var items = new List<PublishedItem>();
        foreach (var itemCode in bundle.ItemCodes)
        {
            if (await catalog.CurrentAsync(itemCode, ct) is { } item)
            {
                items.Add(item);
            }
        }

        return (bundle, items, MergedItems.Of(items, bundle.Resolutions));
    }

    /// <summary>The field conflicts of a set of items under the given resolutions (for the admin page: which item wins each key).</summary>
    public async Task<IReadOnlyList<FieldConflict>> ConflictsAsync(IEnumerable<string> itemCodes, IReadOnlyDictionary<string, string> resolutions, CancellationToken ct)
    {
        var items = new List<PublishedItem>();
        foreach (var code in itemCodes.Distinct())
        {
            if (await catalog.CurrentAsync(code, ct) is { } item)
            {
                items.Add(item);
            }
        }

        return MergedItems.Of(items, resolutions).Conflicts;
    }

    /// <summary>Checks filled-in values against the merged form (the catalogue's one validator).</summary>
    internal Result<IReadOnlyDictionary<string, string[]>> ValidateForm(MergedItems merged, IReadOnlyDictionary<string, string[]> values, DateOnly today) =>
        catalog.ValidateForm(merged.Form, values, today);

    public async Task<Result<BundleView>> GetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is not { } loaded || (!loaded.Bundle.Published && !user.IsInRole(Roles.Admin)))
        {
            return NotFound(code);
        }

        var (b, items, merged) = loaded;
        var names = new Dictionary<string, string>();
        foreach (var dept in items.Select(i => i.Definition.Department).Append(b.LeadDepartment).Distinct())
        {
            names[dept] = (await departments.FindAsync(dept, ct))?.Name ?? dept;
        }

        return new BundleView(b.Code, b.Name, b.RegionCode, b.Description, b.LeadDepartment, names[b.LeadDepartment],
            [.. items.Select(i => new BundleItemView(i.Definition.Code, i.Definition.Name, i.Definition.Department, names[i.Definition.Department],
                i.Definition.CommittedDays, i.Definition.LicenseType, i.SoleApprover))],
            merged, b.CommittedDays, b.Issuance, b.OnDenial, b.Resolutions, b.Version);
    }

    /// <summary>Defines or changes a bundle: published items of one region, at least two, every field conflict resolved.</summary>
    public async Task<Result<BundleView>> SaveAsync(string code, BundleInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        code = code.Trim();
        if (code.Length is < 2 or > 40)
        {
            errors.Add("code", "编码为 2 到 40 个字符");
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            errors.Add("name", "请填写名称（2 到 100 个字）");
        }

        var codes = (input.Items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).Distinct().ToList();
        if (codes.Count < 2)
        {
            errors.Add("items", "一件事至少包含两个事项");
        }

        var items = new List<PublishedItem>();
        foreach (var (itemCode, i) in codes.Select((c, i) => (c, i)))
        {
            if (await catalog.CurrentAsync(itemCode, ct) is { } item)
            {
                items.Add(item);
            }
            else
            {
                errors.Add($"items[{i}]", $"事项 {itemCode} 不存在或尚未发布");
            }
        }

        if (items.Select(i => i.Definition.Region).Distinct().Count() > 1)
        {
            errors.Add("items", "一件事的事项须属于同一区划");
        }

        var lead = input.LeadDepartment?.Trim() ?? "";
        if (!items.Any(i => i.Definition.Department == lead))
        {
            errors.Add("leadDepartment", "牵头部门须是其中某个事项的实施部门");
        }

        if (input.CommittedDays is not (>= 0 and <= 365))
        {
            errors.Add("committedDays", "承诺时限为 0 到 365 个工作日");
        }

        var resolutions = input.Resolutions ?? [];
        foreach (var (key, itemCode) in resolutions.Where(r => !codes.Contains(r.Value)))
        {
            errors.Add("resolutions." + key, $"{itemCode} 不是本一件事的事项");
        }

        foreach (var conflict in MergedItems.Of(items, resolutions).Conflicts)
        {
            errors.Add("resolutions." + conflict.Key, conflict.Message);
        }

        if (errors.Any)
        {
            return errors.ToError("bundle:invalid", "一件事定义有误");
        }

        var bundle = await db.Set<Bundle>().SingleOrDefaultAsync(b => b.Code == code, ct);
        if (bundle is not null && input.Version is { } seen && seen != bundle.Version)
        {
            return Error.Conflict("bundle:changed", "一件事定义已被他人修改，请刷新后再改");
        }

        var created = bundle is null;
        bundle ??= db.Add(new Bundle { Code = code }).Entity;
        bundle.Name = name;
        bundle.Description = input.Description?.Trim() ?? "";
        bundle.RegionCode = items[0].Definition.Region;
        bundle.LeadDepartment = lead;
        bundle.ItemCodes = codes;
        bundle.CommittedDays = input.CommittedDays!.Value;
        bundle.Issuance = input.Issuance ?? Issuance.Each;
        bundle.OnDenial = input.OnDenial ?? DenialConsequence.Continue;
        bundle.Resolutions = resolutions.ToDictionary();
        bundle.Published = true;
        bundle.UpdatedAt = clock.Now();
        audit.Record(new AuditRecord(bundle.RegionCode, "Bundle", code, created ? "BundleDefined" : "BundleChanged", new { codes, bundle.CommittedDays, bundle.Issuance }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("bundle:changed", "一件事定义已被他人修改，请刷新后再改");
        }

        return await GetAsync(code, ct);
    }

    public static void Map(WebApplication app)
    {
        var bundles = app.MapGroup("/api/v1/bundles").WithTags("一件事");
        bundles.MapGet("/", async (Bundles b, CancellationToken ct) => TypedResults.Ok(await b.ListAsync(ct))).WithSummary("一件事清单");
        bundles.MapGet("/{code}", async Task<Results<Ok<BundleView>, ProblemHttpResult>> (string code, Bundles b, CancellationToken ct) =>
            await b.GetAsync(code, ct) is { IsSuccess: true } r ? TypedResults.Ok(r.Value!) : NotFound(code).ToProblem()).WithSummary("一件事：事项、合并后的表单与材料");
        bundles.MapPut("/{code}", async Task<Results<Ok<BundleView>, ProblemHttpResult>> (string code, BundleInput input, Bundles b, CancellationToken ct) =>
                await b.SaveAsync(code, input, ct) is var r && r.IsSuccess ? TypedResults.Ok(r.Value!) : r.Error!.ToProblem())
            .RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithSummary("定义或修改一件事（管理员）");
    }
}
