using OneWindow.Platform;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>A sub-case as other modules (projects) read it.</summary>
public sealed record SubCaseFacts(
    Guid Id, string Number, string ItemCode, string ItemName, string DepartmentCode, string Status, string StatusText, DateOnly? DueDate,
    string DeadlineState, bool InSpecialProcedure);

/// <summary>A 一件事 application as other modules read it: its state, its days, its sub-cases.</summary>
public sealed record BundleFacts(
    Guid Id, string Number, string BundleCode, string BundleName, string Status, string StatusLabel, DateOnly? AcceptedOn, DateOnly? DecidedOn,
    DateOnly? DueDate, int OpenDeficiencies, IReadOnlyList<SubCaseFacts> SubCases)
{
    public string RegionCode { get; init; } = "";

    public string LeadDepartment { get; init; } = "";

    public string? ApplicantUserId { get; init; }
}

/// <summary>
/// What other modules may do with 一件事 applications: apply (a construction project's stage), read
/// their progress, and run a 特别程序 (联合评审, 现场踏勘) over some of their sub-cases: their clocks stop
/// when it starts and resume, due dates moved by exactly its working days, when it concludes.
/// </summary>
public interface IBundleIntake
{
    /// <param name="grantAwaitsLicense">拿地即开工: the sub-cases may be reviewed now and granted once the applicant holds one of these licences.</param>
    Task<Result<BundleFacts>> ApplyAsync(
        BundleApplyRequest request, IReadOnlyDictionary<string, string[]> form, string? idempotencyKey, IReadOnlyList<string>? grantAwaitsLicense, CancellationToken ct);

    /// <summary>A bundle's merged form and materials (what a stage's application page asks), or null.</summary>
    Task<Catalog.Contracts.MergedItems?> MergedAsync(string bundleCode, CancellationToken ct);

    Task<IReadOnlyList<BundleFacts>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Starts a 特别程序 on the sub-cases, in the caller's unit of work (the caller saves): every case can, or none changes.</summary>
    Task<Result> StartSpecialProcedureAsync(IReadOnlyCollection<Guid> caseIds, string kind, string title, CancellationToken ct);

    /// <summary>Concludes the 特别程序 on the sub-cases (the caller saves): its conclusion goes on each, and each clock resumes.</summary>
    Task<Result> EndSpecialProcedureAsync(IReadOnlyCollection<Guid> caseIds, string conclusion, CancellationToken ct);
}
