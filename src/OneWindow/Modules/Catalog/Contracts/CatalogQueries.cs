using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>One published version of an item, as other modules (intake, bundles) read it.</summary>
public sealed record PublishedItem(Guid VersionId, int ItemVersion, ItemDocument Definition)
{
    /// <summary>独任审批: one officer accepts, reviews and decides; there is no separate review step.</summary>
    public bool SoleApprover => Definition.Flow == ApprovalFlow.SoleApprover;

    public bool AcceptsPersons => Definition.ApplicantType is ApplicantType.Person or ApplicantType.Both;

    public bool AcceptsEnterprises => Definition.ApplicantType is ApplicantType.Enterprise or ApplicantType.Both;

    public IReadOnlySet<string> MaterialCodes => Definition.Materials.Select(m => m.Code).ToHashSet();

    /// <summary>An unkept 容缺 pledge suspends the case (中止) rather than ending it (终止).</summary>
    public bool SuspendsOnBrokenPledge => Definition.PledgeConsequence == PledgeConsequence.Suspend;

    /// <summary>
    /// Materials the case must have (code → name): 受理 needs each of them, handed in, taken from the
    /// licence library, or deferred. Those the government shares itself (身份证明, 户籍) are never asked for.
    /// </summary>
    public IReadOnlyDictionary<string, string> RequiredMaterials =>
        Definition.Materials.Where(m => m.Required && m.Source != MaterialSource.Government).ToDictionary(m => m.Code, m => m.Name);

    /// <summary>Materials a licence can satisfy (code → licence type): 免提交 when the applicant holds it.</summary>
    public IReadOnlyDictionary<string, string> LicenseMaterials =>
        Definition.Materials.Where(m => m.SubstitutableBy is not null && (m.Source == MaterialSource.License || m.SubstitutableBy.Length > 0))
            .ToDictionary(m => m.Code, m => m.SubstitutableBy!);

    /// <summary>Materials that 容缺受理 may defer.</summary>
    public IReadOnlySet<string> DeferrableMaterials => Definition.Materials.Where(m => m.Deferrable).Select(m => m.Code).ToHashSet();
}

/// <summary>A 办事指南 found by a search: what the 12345 知识库 shows next to its own articles.</summary>
public sealed record GuideHit(string Code, string Name, string DepartmentName, int CommittedDays, int VisitsRequired, string Link);

/// <summary>What other modules may ask the catalogue.</summary>
public interface ICatalogQueries
{
    /// <summary>Checks filled-in form values against the item's schema: the catalogue's one form validator.</summary>
    Platform.Result<IReadOnlyDictionary<string, string[]>> ValidateForm(PublishedItem item, IReadOnlyDictionary<string, string[]> values, DateOnly today);

    /// <summary>The same check against any schema (a bundle's merged form).</summary>
    Platform.Result<IReadOnlyDictionary<string, string[]>> ValidateForm(FormSchema schema, IReadOnlyDictionary<string, string[]> values, DateOnly today);

    /// <summary>JSON form values (as an API receives them) as the text values the validator takes.</summary>
    static IReadOnlyDictionary<string, string[]> FormValues(IReadOnlyDictionary<string, System.Text.Json.JsonElement>? form) => FormValidator.FromJson(form);

    /// <summary>
    /// The published version now in force: its id from the catalogue index (reloaded at once after a publish
    /// through this instance, within 15 s after one through another), its content from the cache of published versions.
    /// </summary>
    Task<PublishedItem?> CurrentAsync(string code, CancellationToken ct = default);

    /// <summary>A specific version, e.g. the one a running case was submitted under.</summary>
    Task<PublishedItem?> VersionAsync(Guid versionId, CancellationToken ct = default);

    /// <summary>The published guides that answer <paramref name="q"/>, best first (the public search's relevance and everyday words).</summary>
    Task<IReadOnlyList<GuideHit>> SearchGuidesAsync(string q, int take, CancellationToken ct = default);

    /// <summary>The codes of the items published for a region (its own implementations), in code order.</summary>
    Task<IReadOnlyList<string>> CodesInRegionAsync(string region, CancellationToken ct = default);

    /// <summary>The names of the published items with these codes (one query); unknown codes are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct = default);
}
