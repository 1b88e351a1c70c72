using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Supervision.Domain;

/// <summary>What the approval side did that the supervising department must know (stored as numbers: new ones at the end).</summary>
internal enum SupervisionTrigger
{
    /// <summary>准予许可 (a new or changed approval).</summary>
    Granted,

    /// <summary>证照暂扣.</summary>
    Suspended,

    /// <summary>证照吊销.</summary>
    Revoked,
}

/// <summary>Stored as numbers: new states go at the end.</summary>
internal enum SupervisionStatus
{
    /// <summary>待认领.</summary>
    Pushed,

    /// <summary>已认领 by an officer of the supervising department.</summary>
    Claimed,

    /// <summary>超时自动认领: nobody claimed it within the limit; counted against the department (通报).</summary>
    AutoClaimed,
}

/// <summary>监管处理措施 (the API names them in camelCase).</summary>
internal enum Measure
{
    /// <summary>检查合格 (no measure).</summary>
    Compliant,

    /// <summary>责令整改.</summary>
    Rectify,

    /// <summary>警告.</summary>
    Warning,

    /// <summary>罚款.</summary>
    Fine,

    /// <summary>暂停 (the licence is suspended).</summary>
    Suspend,

    /// <summary>吊销 (the licence is revoked).</summary>
    Revoke,

    /// <summary>行业禁入: no new approval of the listed kinds for N years.</summary>
    Ban,
}

/// <summary>One inspection result with its measure, as recorded.</summary>
internal sealed record SupervisionFeedback(
    Measure Measure, string Reason, int? BanYears, IReadOnlyList<string>? BannedItemKinds, decimal? FineAmount, string ByUserId, string ByName, DateTimeOffset At,
    IReadOnlyList<string> LicensesChanged);

/// <summary>
/// 审管联动: one approval result pushed to the item's supervising department — holder, item, licence, key form facts, the
/// 容缺/告知承诺 flags — to be claimed (认领) within the configured working days, or auto-claimed at the limit; then inspected,
/// with the measures fed back to the approval side.
/// </summary>
internal sealed class SupervisionItem : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>The outbox message it came from: one item per fact, however often it is delivered.</summary>
    public Guid SourceMessageId { get; set; }

    public SupervisionTrigger Trigger { get; set; }

    public Guid CaseId { get; set; }

    public string CaseNumber { get; set; } = "";

    public string ItemCode { get; set; } = "";

    public string ItemName { get; set; } = "";

    /// <summary>The licence type the item yields: the default kind a 行业禁入 bans.</summary>
    public string? LicenseType { get; set; }

    public string ApprovingDepartment { get; set; } = "";

    public string SupervisingDepartment { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string HolderKind { get; set; } = "";

    public string HolderName { get; set; } = "";

    public string HolderCode { get; set; } = "";

    /// <summary>The licence the fact is about (for 暂扣/吊销); for a grant, read from the licence library when shown.</summary>
    public string? LicenseNumber { get; set; }

    /// <summary>Key form facts by label (identity numbers masked, phones and files left out).</summary>
    public Dictionary<string, string> Facts { get; set; } = [];

    /// <summary>容缺受理: accepted with materials still owed — watched more closely.</summary>
    public bool WithDeferral { get; set; }

    /// <summary>告知承诺: granted on a pledge; a post-check task goes with it.</summary>
    public bool PledgeApproval { get; set; }

    public DateTimeOffset PushedAt { get; set; }

    public DateOnly PushedOn { get; set; }

    /// <summary>The last working day to claim it; the job claims it for the department after that.</summary>
    public DateOnly ClaimBy { get; set; }

    public SupervisionStatus Status { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public string? ClaimedByName { get; set; }

    public List<SupervisionFeedback> Feedback { get; set; } = [];

    public int Version { get; set; }

    public static string Label(SupervisionStatus s) => s switch
    {
        SupervisionStatus.Pushed => "待认领",
        SupervisionStatus.Claimed => "已认领",
        SupervisionStatus.AutoClaimed => "超时自动认领",
        _ => s.ToString(),
    };

    public static string Label(SupervisionTrigger t) => t switch
    {
        SupervisionTrigger.Granted => "准予许可",
        SupervisionTrigger.Suspended => "证照暂扣",
        SupervisionTrigger.Revoked => "证照吊销",
        _ => t.ToString(),
    };

    public static string Label(Measure m) => m switch
    {
        Measure.Compliant => "检查合格",
        Measure.Rectify => "责令整改",
        Measure.Warning => "警告",
        Measure.Fine => "罚款",
        Measure.Suspend => "暂停（暂扣证照）",
        Measure.Revoke => "吊销证照",
        Measure.Ban => "行业禁入",
        _ => m.ToString(),
    };

    public Result Claim(string name, DateTimeOffset now)
    {
        if (Status != SupervisionStatus.Pushed)
        {
            return Error.Conflict("supervision:claimed", $"该事项已{Label(Status)}（{ClaimedByName}）");
        }

        Status = SupervisionStatus.Claimed;
        ClaimedAt = now;
        ClaimedByName = name;
        return Result.Ok();
    }

    /// <summary>Past <see cref="ClaimBy"/> unclaimed: the department is taken to have claimed it, and the board says so.</summary>
    public bool AutoClaim(DateOnly today, DateTimeOffset now)
    {
        if (Status != SupervisionStatus.Pushed || today <= ClaimBy)
        {
            return false;
        }

        Status = SupervisionStatus.AutoClaimed;
        ClaimedAt = now;
        ClaimedByName = "系统（超时自动认领）";
        return true;
    }

    public Result Record(SupervisionFeedback feedback)
    {
        if (Status == SupervisionStatus.Pushed)
        {
            return Error.Conflict("supervision:not-claimed", "请先认领该事项，再反馈监管结果");
        }

        Feedback.Add(feedback);
        return Result.Ok();
    }
}

/// <summary>
/// 行业禁入: the holder may not be granted items of the listed kinds (a licence type, or an item code) until <see cref="Until"/>;
/// every new application for such an item is refused at submission, naming this ban and where it came from.
/// </summary>
internal sealed class TradeBan
{
    public Guid Id { get; set; }

    public string HolderCode { get; set; } = "";

    public string HolderName { get; set; } = "";

    public List<string> ItemKinds { get; set; } = [];

    public DateOnly From { get; set; }

    public DateOnly Until { get; set; }

    public string Reason { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string DepartmentName { get; set; } = "";

    public Guid SourceItemId { get; set; }

    public string SourceCaseNumber { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedByName { get; set; } = "";
}
