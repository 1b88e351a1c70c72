using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Supervision.Domain;

/// <summary>Stored as numbers: new states go at the end.</summary>
internal enum PostCheckStatus
{
    /// <summary>待核查.</summary>
    Open,

    /// <summary>核查属实.</summary>
    Passed,

    /// <summary>承诺不实: the licence is revoked, the applicant marked.</summary>
    Failed,
}

/// <summary>
/// 事后核查: a 告知承诺 approval's check by the supervising department, due within the configured working days — whether what
/// the applicant pledged (the materials it did not hand in, the conditions) is true.
/// </summary>
internal sealed class PostCheck : IVersioned
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public string CaseNumber { get; set; } = "";

    public string ItemCode { get; set; } = "";

    public string ItemName { get; set; } = "";

    public string SupervisingDepartment { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string HolderKind { get; set; } = "";

    public string HolderName { get; set; } = "";

    public string HolderCode { get; set; } = "";

    /// <summary>What the pledge replaced (material names) — what the check looks at.</summary>
    public List<string> PledgedMaterials { get; set; } = [];

    public DateOnly CreatedOn { get; set; }

    public DateOnly DueDate { get; set; }

    public PostCheckStatus Status { get; set; }

    public string? Findings { get; set; }

    public string? CheckedByName { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    public int Version { get; set; }

    public static string Label(PostCheckStatus s) => s switch
    {
        PostCheckStatus.Open => "待核查",
        PostCheckStatus.Passed => "核查属实",
        PostCheckStatus.Failed => "承诺不实",
        _ => s.ToString(),
    };

    public Result Conclude(bool passed, string findings, string by, DateTimeOffset now)
    {
        if (Status != PostCheckStatus.Open)
        {
            return Error.Conflict("post-check:concluded", $"该核查已有结论：{Label(Status)}");
        }

        Status = passed ? PostCheckStatus.Passed : PostCheckStatus.Failed;
        Findings = findings;
        CheckedByName = by;
        CheckedAt = now;
        return Result.Ok();
    }
}

/// <summary>
/// 失信记录: a credit mark against an applicant (承诺不实 on a 告知承诺 post-check). While <see cref="PledgeBlockedUntil"/> is in the
/// future the applicant may not use 告知承诺 again; the mark itself stays on record.
/// </summary>
internal sealed class CreditMark
{
    public Guid Id { get; set; }

    public string HolderCode { get; set; } = "";

    public string HolderName { get; set; } = "";

    public string Reason { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string DepartmentName { get; set; } = "";

    public Guid SourceId { get; set; }

    public string SourceCaseNumber { get; set; } = "";

    public DateOnly RecordedOn { get; set; }

    public DateOnly? PledgeBlockedUntil { get; set; }
}
