using OneWindow.Platform;
using OneWindow.Platform.Calendar;

namespace OneWindow.Modules.Projects.Domain;

/// <summary>风险分级 of a construction project: the class sets the whole-process limit.</summary>
internal enum RiskClass
{
    /// <summary>社会投资低风险.</summary>
    LowRisk,

    /// <summary>工业项目.</summary>
    Industrial,

    /// <summary>一般项目.</summary>
    General,
}

internal enum ProjectDeadline
{
    Normal,
    Warning,
    Overdue,
}

/// <summary>
/// 工程建设项目: a project with its owner, place, investment and risk class, going through four stages
/// (立项用地规划许可, 工程建设许可, 施工许可, 竣工验收), each one 一件事 application. Its whole-process
/// limit counts the government's working days across the stages, less the days of 特别程序.
/// </summary>
internal sealed class ConstructionProject : OneWindow.Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    /// <summary>项目代码 from the investment project platform, e.g. 2611-371600-04-01-000001.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string OwnerName { get; set; } = "";

    /// <summary>统一社会信用代码 of the owner (建设单位).</summary>
    public string OwnerCode { get; set; } = "";

    public string OwnerMobile { get; set; } = "";

    public string Location { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>总投资（万元）.</summary>
    public decimal Investment { get; set; }

    public decimal FloorArea { get; set; }

    public RiskClass RiskClass { get; set; }

    /// <summary>全流程审批时限 in working days (from the risk class when registered).</summary>
    public int LimitDays { get; set; }

    /// <summary>项目管家: the named helper who follows the project end to end.</summary>
    public string? StewardUserId { get; set; }

    public string? StewardName { get; set; }

    public ProjectDeadline DeadlineState { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public int Version { get; set; }

    public static string Label(RiskClass c) => c switch
    {
        RiskClass.LowRisk => "社会投资低风险",
        RiskClass.Industrial => "工业项目",
        RiskClass.General => "一般项目",
    };
}

/// <summary>One stage of a project and the 一件事 application that carries it (null until applied for).</summary>
internal sealed class ProjectStage
{
    public Guid ProjectId { get; set; }

    /// <summary>The project's 行政区划 (rule 13: every business row carries it; a sharded database keeps a project's rows together).</summary>
    public string RegionCode { get; set; } = "";

    public int Number { get; set; }

    public string Name { get; set; } = "";

    public string BundleCode { get; set; } = "";

    public Guid? ApplicationId { get; set; }
}

/// <summary>The government's days a stage took: from acceptance to decision (or today while it runs).</summary>
internal sealed record StageDays(int Number, DateOnly? AcceptedOn, DateOnly? DecidedOn, int Days);

/// <summary>Where a project stands against its limit.</summary>
internal sealed record ProjectClock(int LimitDays, int UsedDays, int PausedDays, int RemainingDays, ProjectDeadline State, DateOnly? ProjectedDueDate)
{
    /// <summary>
    /// Working days used: each stage from acceptance to decision (or today), less the working days of
    /// 特别程序 in that time. 预警 once <paramref name="warningShare"/> of the limit is used, 超期 beyond it.
    /// </summary>
    public static Result<ProjectClock> Of(int limit, IReadOnlyList<(DateOnly Accepted, DateOnly? Decided)> stages, IReadOnlyList<PausedPeriod> paused,
        DateOnly today, CalendarRules calendar, double warningShare)
    {
        var used = 0;
        foreach (var (accepted, decided) in stages)
        {
            var days = calendar.CountWorkingDays(accepted, decided ?? today);
            if (!days.IsSuccess)
            {
                return days.Error!;
            }

            used += days.Value;
        }

        var pausedDays = 0;
        foreach (var p in paused)
        {
            var days = calendar.CountWorkingDays(p.From, p.To);
            if (!days.IsSuccess)
            {
                return days.Error!;
            }

            pausedDays += days.Value;
        }

        used = Math.Max(0, used - pausedDays);
        var remaining = limit - used;
        var state = used > limit ? ProjectDeadline.Overdue : limit > 0 && used >= Math.Ceiling(warningShare * limit) ? ProjectDeadline.Warning : ProjectDeadline.Normal;
        var running = stages.Any(s => s.Decided is null);
        DateOnly? due = null;
        if (running && remaining >= 0 && calendar.AddWorkingDays(today, remaining) is { IsSuccess: true } projected)
        {
            // Beyond the published calendar years the projection is left out rather than guessed.
            due = projected.Value;
        }

        return new ProjectClock(limit, used, pausedDays, remaining, state, due);
    }
}

internal enum ReviewKind
{
    /// <summary>联合评审: several departments' reviews in one meeting.</summary>
    Meeting,

    /// <summary>现场踏勘: one joint site visit.</summary>
    SiteVisit,

    /// <summary>远程勘验: inspection by video.</summary>
    Remote,
}

internal enum Verdict
{
    /// <summary>通过.</summary>
    Pass,

    /// <summary>修改后通过.</summary>
    Revise,

    /// <summary>不通过.</summary>
    Fail,
}

/// <summary>One department's opinion in a joint review or inspection.</summary>
internal sealed record ReviewOpinion(string Department, string DepartmentName, string OfficerName, string Opinion, Verdict Verdict, IReadOnlyList<Guid> FileIds, DateTimeOffset At);

/// <summary>
/// 联合评审 / 现场踏勘 / 远程勘验 for several items of a project at once: the departments are invited, each
/// records its opinion (with photos or files), and one conclusion feeds every linked sub-case. From the
/// start to the conclusion the linked sub-cases' clocks stand still (特别程序).
/// </summary>
internal sealed class JointReview : OneWindow.Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    /// <summary>The project's 行政区划 (rule 13).</summary>
    public string RegionCode { get; set; } = "";

    public ReviewKind Kind { get; set; }

    public string Title { get; set; } = "";

    public DateOnly ScheduledOn { get; set; }

    public string Location { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public List<Guid> CaseIds { get; set; } = [];

    public List<string> Departments { get; set; } = [];

    public List<ReviewOpinion> Opinions { get; set; } = [];

    /// <summary>Experts drawn for the review (专家抽取): their opinions are awaited like the departments'.</summary>
    public List<Guid> ExpertIds { get; set; } = [];

    /// <summary>The key an expert's opinion is kept under among the opinions.</summary>
    public static string ExpertKey(Guid expertId) => "expert:" + expertId.ToString("D");

    public List<Guid> FileIds { get; set; } = [];

    public DateOnly StartedOn { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public Verdict? Verdict { get; set; }

    public string? Conclusion { get; set; }

    public string CreatedBy { get; set; } = "";

    public int Version { get; set; }

    public static string Label(ReviewKind k) => k switch
    {
        ReviewKind.Meeting => "联合评审",
        ReviewKind.SiteVisit => "现场踏勘",
        ReviewKind.Remote => "远程勘验",
    };

    public static string Label(Verdict v) => v switch
    {
        Domain.Verdict.Pass => "通过",
        Domain.Verdict.Revise => "修改后通过",
        Domain.Verdict.Fail => "不通过",
    };
}
