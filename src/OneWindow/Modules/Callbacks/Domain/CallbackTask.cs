using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Callbacks.Domain;

/// <summary>Where a callback task stands. Stored as numbers: new states go at the end.</summary>
internal enum CallbackStatus
{
    /// <summary>待回访 (and 待重拨 after an unanswered call).</summary>
    Pending,

    /// <summary>已回访: reached, the answers recorded as a rating.</summary>
    Reached,

    /// <summary>未接通: unanswered on three different half-days.</summary>
    Unreachable,

    /// <summary>拒访.</summary>
    Refused,

    /// <summary>号码错误.</summary>
    WrongNumber,
}

/// <summary>One call's outcome, as the API names it.</summary>
internal enum CallOutcome
{
    Reached,
    NoAnswer,
    Refused,
    WrongNumber,
}

/// <summary>The script's answers (服务态度, 办事流程, 办事效率: 1–5; 是否一次办成; 意见建议).</summary>
internal sealed record CallbackAnswers
{
    public int? Attitude { get; init; }

    public int? Process { get; init; }

    public int? Efficiency { get; init; }

    public bool? DoneInOneVisit { get; init; }

    public string? Comment { get; init; }
}

/// <summary>
/// 回访任务: one service event closed on the previous working day, to be called back by an agent of its region. An unanswered
/// call is retried on a different half-day, at most <see cref="MaxAttempts"/> times, then the task closes as 未接通.
/// </summary>
internal sealed class CallbackTask : IVersioned
{
    public const int MaxAttempts = 3;

    public Guid Id { get; set; }

    /// <summary>The working day whose list it is on (the service closed on the working day before).</summary>
    public DateOnly ListDate { get; set; }

    public DateOnly ServiceDate { get; set; }

    /// <summary><c>case</c>, <c>bundle</c>, <c>ticket</c> or <c>workOrder</c>, as ratings name them.</summary>
    public string SubjectType { get; set; } = "";

    public Guid SubjectId { get; set; }

    public int Round { get; set; }

    public string Number { get; set; } = "";

    public string Label { get; set; } = "";

    public string? ItemName { get; set; }

    public string RegionCode { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string? CitizenName { get; set; }

    /// <summary>The phone to call: seen whole by callback agents only.</summary>
    public string Phone { get; set; } = "";

    public DateTimeOffset? StartedAt { get; set; }

    public bool OnTime { get; set; }

    public bool HadCorrection { get; set; }

    public bool Deferral { get; set; }

    public string? ServedBy { get; set; }

    /// <summary>Kept by the sampler whatever the capacity (补正, 容缺 or late).</summary>
    public bool MustCall { get; set; }

    public string? AgentUserId { get; set; }

    public string? AgentName { get; set; }

    public CallbackStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>The half-day of the last unanswered call (yyyy-MM-dd AM|PM): the next try must be on another.</summary>
    public string? LastHalfDay { get; set; }

    public int? Attitude { get; set; }

    public int? Process { get; set; }

    public int? Efficiency { get; set; }

    public bool? DoneInOneVisit { get; set; }

    public string? Comment { get; set; }

    public int? Level { get; set; }

    public Guid? RatingId { get; set; }

    public Guid? RectificationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int Version { get; set; }

    public List<CallbackAttempt> AttemptLog { get; set; } = [];

    public static string LabelOf(CallbackStatus s) => s switch
    {
        CallbackStatus.Pending => "待回访",
        CallbackStatus.Reached => "已回访",
        CallbackStatus.Unreachable => "未接通",
        CallbackStatus.Refused => "拒访",
        CallbackStatus.WrongNumber => "号码错误",
    };

    public static string LabelOf(CallOutcome o) => o switch
    {
        CallOutcome.Reached => "接通",
        CallOutcome.NoAnswer => "无人接听",
        CallOutcome.Refused => "拒访",
        CallOutcome.WrongNumber => "号码错误",
    };

    /// <summary>上午 or 下午 of a China-time moment: the unit "different half-days" counts in.</summary>
    public static string HalfDayOf(DateTimeOffset now)
    {
        var local = now.ToOffset(TimeSpan.FromHours(8));
        return $"{local:yyyy-MM-dd} {(local.Hour < 12 ? "AM" : "PM")}";
    }

    /// <summary>The level a reached call records: the one given, else the mean of the three answers, rounded.</summary>
    public static int LevelOf(CallbackAnswers a, int? level) =>
        level ?? (int)Math.Round((a.Attitude!.Value + a.Process!.Value + a.Efficiency!.Value) / 3.0, MidpointRounding.AwayFromZero);

    /// <summary>A complaint: any answer of 不满意 or worse, or not done in one visit with a comment.</summary>
    public static bool IsComplaint(CallbackAnswers a, int level) =>
        level <= 2 || a.Attitude <= 2 || a.Process <= 2 || a.Efficiency <= 2 || (a.DoneInOneVisit == false && !string.IsNullOrWhiteSpace(a.Comment));

    /// <summary>One call. An unanswered one on the half-day of the previous unanswered one is refused (try another half-day).</summary>
    public Result Attempt(CallOutcome outcome, CallbackAnswers? answers, int? level, string agentId, string agentName, DateTimeOffset now)
    {
        if (Status != CallbackStatus.Pending)
        {
            return Error.Conflict("callback:closed", $"该回访任务{LabelOf(Status)}，不能再拨打");
        }

        var halfDay = HalfDayOf(now);
        if (LastHalfDay == halfDay)
        {
            return Error.Conflict("callback:same-half-day", "上次在本半天无人接听，请在另一个半天再拨（上午 / 下午）");
        }

        Attempts++;
        AttemptLog.Add(new CallbackAttempt(now, outcome, agentName));
        (AgentUserId, AgentName) = (agentId, agentName);
        switch (outcome)
        {
            case CallOutcome.NoAnswer:
                LastHalfDay = halfDay;
                if (Attempts >= MaxAttempts)
                {
                    (Status, ClosedAt) = (CallbackStatus.Unreachable, now);
                }

                break;
            case CallOutcome.Reached:
                (Attitude, Process, Efficiency, DoneInOneVisit, Comment) = (answers!.Attitude, answers.Process, answers.Efficiency, answers.DoneInOneVisit, answers.Comment);
                Level = LevelOf(answers, level);
                (Status, ClosedAt) = (CallbackStatus.Reached, now);
                break;
            case CallOutcome.Refused:
                (Status, ClosedAt) = (CallbackStatus.Refused, now);
                break;
            default:
                (Status, ClosedAt) = (CallbackStatus.WrongNumber, now);
                break;
        }

        return Result.Ok();
    }
}

/// <summary>One call attempt: when, how it went, who called.</summary>
internal sealed record CallbackAttempt(DateTimeOffset At, CallOutcome Outcome, string Agent);

/// <summary>免打扰: a phone (kept as a salted hash) that asked not to be called back.</summary>
internal sealed class DoNotCall
{
    public string PhoneHash { get; set; } = "";

    public string RegionCode { get; set; } = "";

    /// <summary>The last four digits, so staff can tell entries apart without the number.</summary>
    public string Tail { get; set; } = "";

    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}

/// <summary>A day's list was built (by the morning job or an administrator): what it held. One row per list date.</summary>
internal sealed class CallbackList
{
    public DateOnly Date { get; set; }

    public DateOnly ServiceDate { get; set; }

    public int Services { get; set; }

    public int Created { get; set; }

    public int Skipped { get; set; }

    public DateTimeOffset BuiltAt { get; set; }
}
