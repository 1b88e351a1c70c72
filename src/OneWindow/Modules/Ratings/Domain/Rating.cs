using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Ratings.Domain;

/// <summary>What a rating is about: one service event.</summary>
internal enum RatingSubject
{
    Ticket,
    Case,
    Bundle,
    WorkOrder,
}

internal enum RatingChannel
{
    /// <summary>窗口评价器: the pad at the counter.</summary>
    Pad,

    /// <summary>手机扫码 / 短信链接.</summary>
    Phone,

    /// <summary>网上办事大厅.</summary>
    Portal,
}

/// <summary>
/// 好差评: one rating of one service event, at five levels (5 非常满意 … 1 非常不满意). A rating of
/// 不满意 or worse opens a <see cref="Rectification"/> for the department that served.
/// </summary>
internal sealed class Rating
{
    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public RatingSubject SubjectType { get; set; }

    public string SubjectId { get; set; } = "";

    /// <summary>The subject's round: 0, or how many times a 12345 order was reopened before this rating (one rating per round).</summary>
    public int Round { get; set; }

    /// <summary>What people read: 滨州市市民服务中心 A023 号（5 号窗口）, or a case number and item.</summary>
    public string SubjectLabel { get; set; } = "";

    public int Level { get; set; }

    public string? Comment { get; set; }

    public RatingChannel Channel { get; set; }

    /// <summary>The department rated (a counter's, a case's owning department, a bundle's lead).</summary>
    public string DepartmentCode { get; set; } = "";

    /// <summary>The officer who served, where one did (a counter's).</summary>
    public string? StaffUserId { get; set; }

    public string? StaffName { get; set; }

    public string? RatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? RectificationId { get; set; }

    /// <summary>不满意 (2) and 非常不满意 (1) are 差评: they open a rectification.</summary>
    public const int BadFrom = 2;

    public bool IsBad => Level <= BadFrom;

    /// <summary>Satisfied means 基本满意 or better: satisfaction rate = (非常满意 + 满意 + 基本满意) / all.</summary>
    public bool IsSatisfied => Level >= 3;

    public static string Label(int level) => level switch
    {
        5 => "非常满意",
        4 => "满意",
        3 => "基本满意",
        2 => "不满意",
        1 => "非常不满意",
        _ => level.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Label(RatingSubject s) => s switch
    {
        RatingSubject.Ticket => "窗口服务",
        RatingSubject.Case => "办件",
        RatingSubject.Bundle => "一件事",
        RatingSubject.WorkOrder => "12345 工单",
    };
}

/// <summary>整改 states: 核实 → 整改 → 反馈 (a complaint found unfounded on 核实 ends there).</summary>
internal enum RectificationStatus
{
    /// <summary>待核实.</summary>
    Verifying,

    /// <summary>整改中.</summary>
    Rectifying,

    /// <summary>待反馈: rectified, the applicant is still to be told.</summary>
    AwaitingFeedback,

    /// <summary>已反馈，办结.</summary>
    Closed,

    /// <summary>核实不属实，办结.</summary>
    Unfounded,
}

/// <summary>差评整改: after a bad rating, the department verifies, rectifies and reports back, within a deadline in working days.</summary>
internal sealed class Rectification : IVersioned
{
    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid RatingId { get; set; }

    public string DepartmentCode { get; set; } = "";

    public string Subject { get; set; } = "";

    public int Level { get; set; }

    public string? Comment { get; set; }

    public RectificationStatus Status { get; set; }

    public DateOnly DueDate { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public string? VerifyNote { get; set; }

    public string? RectifyNote { get; set; }

    public string? FeedbackNote { get; set; }

    public string? HandledBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int Version { get; set; }

    public bool IsOpen => Status is RectificationStatus.Verifying or RectificationStatus.Rectifying or RectificationStatus.AwaitingFeedback;

    public static string Label(RectificationStatus s) => s switch
    {
        RectificationStatus.Verifying => "待核实",
        RectificationStatus.Rectifying => "整改中",
        RectificationStatus.AwaitingFeedback => "待反馈",
        RectificationStatus.Closed => "已反馈办结",
        RectificationStatus.Unfounded => "核实不属实",
    };

    private Error Not(string what) => Error.Conflict("rectification:wrong-state", $"整改{Label(Status)}，不能{what}");

    /// <summary>核实: founded → 整改; unfounded → closed with the finding.</summary>
    public Result Verify(string note, bool founded, string by, DateTimeOffset now)
    {
        if (Status != RectificationStatus.Verifying)
        {
            return Not("核实");
        }

        VerifyNote = note;
        HandledBy = by;
        Status = founded ? RectificationStatus.Rectifying : RectificationStatus.Unfounded;
        ClosedAt = founded ? null : now;
        return Result.Ok();
    }

    public Result Rectify(string note, string by)
    {
        if (Status != RectificationStatus.Rectifying)
        {
            return Not("提交整改情况");
        }

        RectifyNote = note;
        HandledBy = by;
        Status = RectificationStatus.AwaitingFeedback;
        return Result.Ok();
    }

    public Result Feedback(string note, string by, DateTimeOffset now)
    {
        if (Status != RectificationStatus.AwaitingFeedback)
        {
            return Not("反馈");
        }

        FeedbackNote = note;
        HandledBy = by;
        Status = RectificationStatus.Closed;
        ClosedAt = now;
        return Result.Ok();
    }
}
