using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>What other modules (licences, supervision) may read about a case.</summary>
public sealed record CaseFacts(
    Guid Id, string Number, string ItemCode, Guid ItemVersionId, string ItemName, string DepartmentCode, string RegionCode,
    string ApplicantKind, string ApplicantName, string ApplicantCode, string? ApplicantUserId, IReadOnlyDictionary<string, string[]> Form, string Status)
{
    /// <summary>A sub-case of a bundle that releases its licences together (十证联发): its licence waits for BundleDecided.</summary>
    public bool JointIssuance { get; init; }

    /// <summary>容缺受理: accepted with materials owed (supervision watches it more closely).</summary>
    public bool WithDeferral { get; init; }

    /// <summary>告知承诺: granted on the applicant's signed pledge; the names of the materials it replaced (the post-check looks at them).</summary>
    public bool PledgeApproval { get; init; }

    public IReadOnlyList<string> PledgedMaterials { get; init; } = [];

    /// <summary>Who decided: the officer's name or the system's (系统（秒批）); the licence record names it.</summary>
    public string? DecidedBy { get; init; }
}

public interface ICaseRecords
{
    /// <summary>The case a 办件编号 names (the service hall links the cases accepted during a service by their numbers).</summary>
    Task<Guid?> IdOfNumberAsync(string number, CancellationToken ct = default);

    Task<CaseFacts?> FindAsync(Guid id, CancellationToken ct = default);
}
