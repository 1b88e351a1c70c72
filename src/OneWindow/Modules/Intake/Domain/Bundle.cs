namespace OneWindow.Modules.Intake.Domain;

/// <summary>How a bundle's licences are released: each as its item is granted, or all together (十证联发).</summary>
internal enum Issuance
{
    Each,
    Joint,
}

/// <summary>What a denial of one item does to the rest of the bundle.</summary>
internal enum DenialConsequence
{
    /// <summary>The other items go on; the denied one is shown with its reason.</summary>
    Continue,

    /// <summary>The bundle stops: the other running items are terminated (the bundle only makes sense whole).</summary>
    Stop,
}

/// <summary>
/// 一件事: several items an applicant needs together (企业开办, 施工许可一件事), applied for with one form
/// and one set of materials. The merged form and materials come from the items' current versions
/// (fields with the same key are asked once); where items define a key differently the admin names the
/// item whose definition wins (<see cref="Resolutions"/>).
/// </summary>
internal sealed class Bundle : OneWindow.Platform.Data.IVersioned
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>牵头部门: the department that answers for the bundle as a whole.</summary>
    public string LeadDepartment { get; set; } = "";

    public List<string> ItemCodes { get; set; } = [];

    /// <summary>The bundle's own limit in working days from acceptance (shorter than the items' sum: they run in parallel).</summary>
    public int CommittedDays { get; set; }

    public Issuance Issuance { get; set; }

    public DenialConsequence OnDenial { get; set; }

    /// <summary>Field key → the item whose definition of that field wins when the items disagree.</summary>
    public Dictionary<string, string> Resolutions { get; set; } = [];

    public bool Published { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// One application for a bundle: one form, one set of materials, one acceptance; a sub-case per item
/// (a <see cref="Case"/> with <see cref="Case.BundleApplicationId"/>) runs in parallel in its department.
/// The bundle's state is read from its sub-cases (<see cref="BundleProgress"/>), never kept twice.
/// </summary>
internal sealed class BundleApplication : OneWindow.Platform.Data.IVersioned
{
    /// <summary>
    /// 一件事一次办: one application of a published bundle with one form and one material set, and a sub-case per item
    /// (<see cref="Case.Submit"/>), each department receiving its own item's part of the form and the materials; a
    /// material a sibling produces is not asked of it. A helper who applies for the applicant follows the application.
    /// </summary>
    public static (BundleApplication Application, List<Case> SubCases) Submit(
        Bundle bundle, IReadOnlyList<Catalog.Contracts.PublishedItem> items, Catalog.Contracts.MergedItems merged, Channel channel, CaseApplicant applicant,
        string submittedById, string? submittedByName, string? idempotencyKey, IReadOnlyDictionary<string, string[]> form,
        IReadOnlyList<SubmittedMaterial> materials, IReadOnlyList<string>? grantAwaitsLicense, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicant.Code);
        var application = new BundleApplication
        {
            Id = Guid.CreateVersion7(now), BundleCode = bundle.Code, BundleName = bundle.Name, RegionCode = bundle.RegionCode,
            LeadDepartment = bundle.LeadDepartment, CommittedDays = bundle.CommittedDays, Issuance = bundle.Issuance, OnDenial = bundle.OnDenial,
            ApplicantKind = applicant.Kind, ApplicantName = applicant.Name, ApplicantCode = applicant.Code, ApplicantMobile = applicant.Mobile,
            ApplicantUserId = applicant.UserId, SubmittedById = submittedById, IdempotencyKey = idempotencyKey,
            Channel = channel, SubmittedAt = now, Form = form.ToDictionary(kv => kv.Key, kv => kv.Value), Materials = [.. materials],
            HelperUserId = channel == Channel.Assisted ? submittedById : null, HelperName = channel == Channel.Assisted ? submittedByName : null,
        };
        var subCases = items.Select(item => Case.Submit(item, channel, applicant, submittedById, null,
            form.Where(kv => merged.FieldItems.TryGetValue(kv.Key, out var of) && of.Contains(item.Definition.Code)).ToDictionary(kv => kv.Key, kv => kv.Value),
            materials.Where(m => item.MaterialCodes.Contains(m.MaterialCode)), now,
            new SubCaseOf(application.Id, bundle.Issuance == Issuance.Joint,
                [.. merged.Materials.Where(m => m.ProducedBy is not null && m.ForItems.Contains(item.Definition.Code)).Select(m => m.Code)],
                [.. grantAwaitsLicense ?? []]))).ToList();
        return (application, subCases);
    }

    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    public string BundleCode { get; set; } = "";

    public string BundleName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string LeadDepartment { get; set; } = "";

    public int CommittedDays { get; set; }

    public Issuance Issuance { get; set; }

    public DenialConsequence OnDenial { get; set; }

    public string ApplicantKind { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    public string ApplicantCode { get; set; } = "";

    public string ApplicantMobile { get; set; } = "";

    public string? ApplicantUserId { get; set; }

    public string SubmittedById { get; set; } = "";

    public string? IdempotencyKey { get; set; }

    public Channel Channel { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public Dictionary<string, string[]> Form { get; set; } = [];

    public List<SubmittedMaterial> Materials { get; set; } = [];

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>The day the last item was decided (or the bundle stopped): the government's part ends here.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>帮办代办: the named helper who follows this application (the one who submitted it for the applicant, or one assigned later).</summary>
    public string? HelperUserId { get; set; }

    public string? HelperName { get; set; }

    /// <summary>Why the bundle stopped (a denial under <see cref="DenialConsequence.Stop"/>).</summary>
    public string? StopReason { get; set; }

    public int Version { get; set; }
}

internal enum BundleStatus
{
    /// <summary>待受理.</summary>
    Submitted,

    /// <summary>待补正: at least one department asked for more (one combined 一次性告知).</summary>
    Supplementing,

    /// <summary>办理中.</summary>
    InProgress,

    /// <summary>已决定: every item decided, results not all handed out.</summary>
    Decided,

    /// <summary>已办结.</summary>
    Completed,

    /// <summary>已终止: a denial stopped the bundle, or every item ended without a result.</summary>
    Stopped,

    Declined,

    Withdrawn,
}

/// <summary>The bundle's state as its sub-cases make it.</summary>
internal static class BundleProgress
{
    public static bool Decided(Case c) => c.Status is CaseStatus.Approved or CaseStatus.Denied || Case.Final.Contains(c.Status);

    /// <summary>Granted: approved, or completed with a grant (办结（准予许可）, 办结（容缺通过）).</summary>
    public static bool Granted(Case c) =>
        c.Status == CaseStatus.Approved || (c.Status == CaseStatus.Completed && c.Outcome is not null && !c.Outcome.Contains("不予", StringComparison.Ordinal));

    public static BundleStatus Of(BundleApplication a, IReadOnlyCollection<Case> subCases)
    {
        if (subCases.Count == 0)
        {
            return BundleStatus.Submitted;
        }

        if (a.StopReason is not null)
        {
            return BundleStatus.Stopped;
        }

        if (subCases.All(c => c.Status == CaseStatus.Withdrawn))
        {
            return BundleStatus.Withdrawn;
        }

        if (subCases.All(c => c.Status is CaseStatus.Declined or CaseStatus.Withdrawn))
        {
            return BundleStatus.Declined;
        }

        if (subCases.Any(c => c.Status == CaseStatus.Supplementing))
        {
            return BundleStatus.Supplementing;
        }

        if (subCases.All(c => c.Status == CaseStatus.Submitted))
        {
            return BundleStatus.Submitted;
        }

        if (subCases.All(c => Case.Final.Contains(c.Status)))
        {
            return subCases.Any(c => c.Status == CaseStatus.Completed) ? BundleStatus.Completed : BundleStatus.Stopped;
        }

        return subCases.All(Decided) ? BundleStatus.Decided : BundleStatus.InProgress;
    }

    public static string Label(BundleStatus s) => s switch
    {
        BundleStatus.Submitted => "待受理",
        BundleStatus.Supplementing => "待补正",
        BundleStatus.InProgress => "办理中",
        BundleStatus.Decided => "已审批，待出件",
        BundleStatus.Completed => "已办结",
        BundleStatus.Stopped => "已终止",
        BundleStatus.Declined => "不予受理",
        BundleStatus.Withdrawn => "已撤回",
    };
}
