using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Catalog.Features;

internal sealed record AttachedFile(Guid FileId, string FileName, string ContentType, long Size, string Url);

internal sealed record MaterialDetail(
    string Code, string Name, bool Required, bool Deferrable, bool Pledgeable, string Form, int Copies, MaterialSource Source, string? SubstitutableBy,
    AttachedFile? BlankForm, AttachedFile? Sample, string Notes)
{
    /// <summary>免提交: the government already holds it (a licence, or its own records).</summary>
    public bool ProofFree => Source is MaterialSource.License or MaterialSource.Government;
}

/// <summary>Where an item can be done: an implementation of the same basic item (the city's, a county's, a township centre's).</summary>
internal sealed record ItemImplementation(string Code, string Region, string Department, string DepartmentName, string Location);

internal sealed record ItemDetail(
    string Code, int ItemVersion, ItemStatus Status, string Name, ServiceItemKind Kind, string KindCode, string KindLabel,
    string Department, string DepartmentName, string Region, ApplicantType ApplicantType, CaseType CaseType,
    int StatutoryDays, int CommittedDays, string Fee, string LegalBasis, string Conditions, int VisitsRequired, int OnlineDepth,
    string? LicenseType, ApprovalFlow Flow, IReadOnlyList<string> Steps, bool AllowsDeferral, bool AllowsPledge,
    PledgeConsequence PledgeConsequence, int SupplementDays, string? SupervisingDepartment, string? SupervisingDepartmentName, string DutySplit, string LifeEvents, string Keywords, string Location, string Phone,
    IReadOnlyList<MaterialDetail> Materials, FormSchema Form, DateTimeOffset? PublishedAt)
{
    /// <summary>秒批: the rules a submission must all pass to be granted by the system (empty: an officer decides).</summary>
    public IReadOnlyList<InstantRule> InstantRules { get; init; } = [];

    /// <summary>基本目录编码: the basic item this implements (its own code for a basic item).</summary>
    public string BasicCode { get; init; } = "";

    /// <summary>在哪里办: every published implementation of the same basic item, this one included.</summary>
    public IReadOnlyList<ItemImplementation> Implementations { get; init; } = [];
}

internal sealed class ItemReader(AppDbContext db, IDepartmentDirectory departments, FileStore files)
{
    public static Error NotFound(string code) => Error.NotFound("catalog:item-not-found", $"事项 {code} 不存在或尚未发布");

    /// <summary>The published version, or a given version number (staff see drafts that way too).</summary>
    public async Task<Result<ItemDetail>> GetAsync(string code, int? version, bool includeDrafts, CancellationToken ct)
    {
        var query = db.Set<ServiceItem>().AsNoTracking().Where(i => i.Code == code);
        query = version is { } v ? query.Where(i => i.ItemVersion == v) : query.Where(i => i.IsCurrent);
        var item = await query.SingleOrDefaultAsync(ct);
        if (item is null || (item.Status == ItemStatus.Draft && !includeDrafts))
        {
            return NotFound(code);
        }

        return await DetailAsync(item, ct);
    }

    public async Task<ItemDetail> DetailAsync(ServiceItem item, CancellationToken ct)
    {
        var department = await departments.FindAsync(item.DepartmentCode, ct);
        var supervising = item.SupervisingDepartmentCode is { } s ? await departments.FindAsync(s, ct) : null;
        var attached = await files.FindAsync(item.Materials.SelectMany(m => new[] { m.BlankFormFileId, m.SampleFileId }).OfType<Guid>(), ct);
        AttachedFile? File(Guid? id) => id is { } g && attached.TryGetValue(g, out var f)
            ? new AttachedFile(f.Id, f.FileName, f.ContentType, f.Size, $"/api/v1/files/{f.Id}")
            : null;
        return new ItemDetail(
            item.Code, item.ItemVersion, item.Status, item.Name, item.Kind, ServiceItemKinds.Code(item.Kind), ServiceItemKinds.Label(item.Kind),
            item.DepartmentCode, department?.Name ?? item.DepartmentCode, item.RegionCode, item.ApplicantType, item.CaseType,
            item.StatutoryDays, item.CommittedDays, item.Fee, item.LegalBasis, item.Conditions, item.VisitsRequired, item.OnlineDepth,
            item.LicenseType, item.Flow, [.. item.Steps], item.AllowsDeferral, item.AllowsPledge,
            item.PledgeConsequence, item.SupplementDays, item.SupervisingDepartmentCode, supervising?.Name, item.DutySplit,
            item.LifeEvents, item.Keywords, item.Location, item.Phone,
            [.. item.Materials.Select(m => new MaterialDetail(m.Code, m.Name, m.Required, m.Deferrable, m.Pledgeable, m.Form, m.Copies, m.Source, m.SubstitutableBy,
                File(m.BlankFormFileId), File(m.SampleFileId), m.Notes))],
            item.Form, item.PublishedAt) { InstantRules = [.. item.InstantRules], BasicCode = ItemCodes.BasicOf(item.Code), Implementations = await ImplementationsAsync(item.Code, ct) };
    }

    private async Task<IReadOnlyList<ItemImplementation>> ImplementationsAsync(string code, CancellationToken ct)
    {
        var basic = ItemCodes.BasicOf(code);
        var prefix = basic + "-";
        var rows = (await db.Set<ServiceItem>().AsNoTracking()
                .Where(i => i.IsCurrent && i.Status == ItemStatus.Published && (i.Code == basic || i.Code.StartsWith(prefix)))
                .Select(i => new { i.Code, i.RegionCode, i.DepartmentCode, i.Location }).ToListAsync(ct))
            .Where(i => ItemCodes.BasicOf(i.Code) == basic).OrderBy(i => i.RegionCode.Length).ThenBy(i => i.RegionCode).ToList();
        var names = await departments.NamesAsync(rows.Select(r => r.DepartmentCode).Distinct(), ct);
        return [.. rows.Select(r => new ItemImplementation(r.Code, r.RegionCode, r.DepartmentCode, names.GetValueOrDefault(r.DepartmentCode, r.DepartmentCode), r.Location))];
    }

    public static void Map(RouteGroupBuilder items) =>
        items.MapGet("/{code}", async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> (
                string code, int? version, ItemReader reader, ICurrentUser user, CancellationToken ct) =>
            {
                var result = await reader.GetAsync(code, version, includeDrafts: user.IsStaff, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
            })
            .WithSummary("一个事项：材料、时限、流程、表单；?version=N 取历史版本");
}
