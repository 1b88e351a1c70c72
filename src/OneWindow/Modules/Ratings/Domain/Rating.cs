using OneWindow.Modules.Ratings.Contracts;
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
    UnresolvedReport,
}

internal enum RatingChannel
{
    /// <summary>窗口评价器: the pad at the counter.</summary>
    Pad,

    /// <summary>手机扫码 / 短信链接.</summary>
    Phone,

    /// <summary>网上办事大厅.</summary>
    Portal,

    /// <summary>回访: a callback agent recorded the citizen's answers.</summary>
    Callback,
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

    /// <summary>
    /// Given through a callback (回访). Per service event and round there may be the citizen's own rating and one callback
    /// rating; the satisfaction rate counts the citizen's where there is one, else the callback's.
    /// </summary>
    public bool ByCallback { get; set; }

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

    public static string Label(RatingChannel c) => c switch
    {
        RatingChannel.Pad => "窗口评价器",
        RatingChannel.Phone => "手机",
        RatingChannel.Portal => "网上",
        RatingChannel.Callback => "回访",
    };

    public static string Label(RatingSubject s) => s switch
    {
        RatingSubject.Ticket => "窗口服务",
        RatingSubject.Case => "办件",
        RatingSubject.Bundle => "一件事",
        RatingSubject.WorkOrder => "12345 工单",
        RatingSubject.UnresolvedReport => "办不成事",
    };
}

/// <summary>整改 states: 核实 → 交办 → 整改提升 → 反馈 (a complaint found unfounded on 核实 ends there; the citizen's 不满意 on 反馈 sends it back to 核实 once).</summary>
/// <remarks>Stored as numbers: new states go at the end.</remarks>
internal enum RectificationStatus
{
    /// <summary>待核实.</summary>
    Verifying,

    /// <summary>整改中: assigned (交办) to the responsible department.</summary>
    Rectifying,

    /// <summary>待反馈: rectified, the citizen is still to be told.</summary>
    AwaitingFeedback,

    /// <summary>已反馈，办结.</summary>
    Closed,

    /// <summary>核实不属实，办结.</summary>
    Unfounded,

    /// <summary>待交办: found true, the responsible department and the deadline are still to be set.</summary>
    Assigning,
}

/// <summary>Where a rectification's deadline stands (the job raises 预警 a working day before, 超期 after).</summary>
internal enum RectificationDeadline
{
    Normal,
    Warning,
    Overdue,
}

/// <summary>
/// 整改: one loop for every source (a bad rating, a callback, a 12345 order, a 办不成事 report, a 反向体验 finding): 核实
/// (verify; "不属实" ends it), 交办 (assign to the responsible department or person, with a deadline in working days),
/// 整改提升 (what was changed), 反馈 (the citizen is told and may say 满意 or 不满意; 不满意 sends it back to 核实 once).
/// </summary>
internal sealed class Rectification : IVersioned
{
    /// <summary>How many times the citizen's 不满意 on 反馈 sends a rectification back to 核实.</summary>
    public const int MaxSendBacks = 1;

    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public RectificationSource Source { get; set; }

    /// <summary>The source record: a rating, callback task, work order, 办不成事 report or 反向体验 record.</summary>
    public string SourceId { get; set; } = "";

    /// <summary>The rating, where the source is one (a rating or a callback's rating).</summary>
    public Guid? RatingId { get; set; }

    /// <summary>The responsible department: the one served at first, the one assigned after 交办.</summary>
    public string DepartmentCode { get; set; } = "";

    /// <summary>The person the rectification was assigned to, where 交办 named one.</summary>
    public string? AssignedTo { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>The rating level, where the source gave one.</summary>
    public int? Level { get; set; }

    public string? Comment { get; set; }

    public RectificationStatus Status { get; set; }

    public DateOnly DueDate { get; set; }

    public RectificationDeadline DeadlineState { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public string? VerifyNote { get; set; }

    public string? AssignNote { get; set; }

    public string? RectifyNote { get; set; }

    public string? FeedbackNote { get; set; }

    /// <summary>The citizen's answer on 反馈 (null: not asked or not reached).</summary>
    public bool? CitizenSatisfied { get; set; }

    /// <summary>How many times the citizen's 不满意 sent it back to 核实.</summary>
    public int SendBacks { get; set; }

    public string? HandledBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int Version { get; set; }

    public static readonly RectificationStatus[] OpenStates =
        [RectificationStatus.Verifying, RectificationStatus.Assigning, RectificationStatus.Rectifying, RectificationStatus.AwaitingFeedback];

    public bool IsOpen => OpenStates.Contains(Status);

    public static string Label(RectificationStatus s) => s switch
    {
        RectificationStatus.Verifying => "待核实",
        RectificationStatus.Assigning => "待交办",
        RectificationStatus.Rectifying => "整改中",
        RectificationStatus.AwaitingFeedback => "待反馈",
        RectificationStatus.Closed => "已反馈办结",
        RectificationStatus.Unfounded => "核实不属实",
    };

    public static string Label(RectificationSource s) => s switch
    {
        RectificationSource.Rating => "差评",
        RectificationSource.Callback => "回访",
        RectificationSource.WorkOrder => "12345 工单",
        RectificationSource.UnresolvedReport => "办不成事",
        RectificationSource.ReverseExperience => "反向体验",
    };

    public static string Label(RectificationDeadline d) => d switch
    {
        RectificationDeadline.Warning => "预警",
        RectificationDeadline.Overdue => "超期",
        _ => "正常",
    };

    private Error Not(string what) => Error.Conflict("rectification:wrong-state", $"整改{Label(Status)}，不能{what}");

    /// <summary>核实: founded → 交办; unfounded → closed with the finding.</summary>
    public Result Verify(string note, bool founded, string by, DateTimeOffset now)
    {
        if (Status != RectificationStatus.Verifying)
        {
            return Not("核实");
        }

        VerifyNote = note;
        HandledBy = by;
        Status = founded ? RectificationStatus.Assigning : RectificationStatus.Unfounded;
        ClosedAt = founded ? null : now;
        return Result.Ok();
    }

    /// <summary>交办: the responsible department (and person), and a new deadline counted from today.</summary>
    public Result Assign(string department, string? person, string note, DateOnly due, string by)
    {
        if (Status != RectificationStatus.Assigning)
        {
            return Not("交办");
        }

        DepartmentCode = department;
        AssignedTo = person;
        AssignNote = note;
        DueDate = due;
        DeadlineState = RectificationDeadline.Normal;
        HandledBy = by;
        Status = RectificationStatus.Rectifying;
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

    /// <summary>反馈: the citizen is told; 不满意 sends it back to 核实 once, then it closes as 不满意 (and stays on the board).</summary>
    public Result Feedback(string note, bool? satisfied, string by, DateTimeOffset now)
    {
        if (Status != RectificationStatus.AwaitingFeedback)
        {
            return Not("反馈");
        }

        FeedbackNote = note;
        HandledBy = by;
        CitizenSatisfied = satisfied;
        if (satisfied == false && SendBacks < MaxSendBacks)
        {
            SendBacks++;
            Status = RectificationStatus.Verifying;
            return Result.Ok();
        }

        Status = RectificationStatus.Closed;
        ClosedAt = now;
        return Result.Ok();
    }

    /// <summary>Moves the deadline state on (预警 when due by the next working day, 超期 after); true when it moved.</summary>
    public bool UpdateDeadline(DateOnly today, DateOnly? nextWorkingDay)
    {
        if (!IsOpen)
        {
            return false;
        }

        var state = DueDate < today ? RectificationDeadline.Overdue
            : nextWorkingDay is { } next && DueDate <= next ? RectificationDeadline.Warning : RectificationDeadline.Normal;
        if (state <= DeadlineState)
        {
            return false;
        }

        DeadlineState = state;
        return true;
    }
}
