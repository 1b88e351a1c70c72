using OneWindow.Modules.Intake.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;

namespace OneWindow.Modules.Intake.Domain;

/// <summary>Status values of a case (办件), as the public API names them.</summary>
internal enum CaseStatus
{
    Submitted,
    Supplementing,
    Accepted,
    AcceptedWithDeferral,
    InReview,
    Approved,
    Denied,
    Declined,
    Completed,
    Withdrawn,
    Terminated,
}

internal enum Channel
{
    Online,
    Counter,
    Assisted,

    /// <summary>政邮商: a postal agent collected the materials at the door (上门办) and brought them to the 政邮商 window.</summary>
    Postal,
}

internal enum Recommendation
{
    Approve,
    Deny,
}

/// <summary>How close a running case is to its committed limit: 正常, 预警 (yellow), 超期 (red).</summary>
internal enum DeadlineState
{
    Normal,
    Warning,
    Overdue,
}

internal enum ResultDelivery
{
    Counter,
    Post,
}

/// <summary>
/// A material of the application: a stored file, or a licence from the library (无证明). A file taken
/// over from the applicant's earlier case (只提交一次) names that case in <see cref="FromCase"/>.
/// </summary>
internal sealed record SubmittedMaterial(string MaterialCode, Guid? FileId, string? LicenseId)
{
    public string? FromCase { get; init; }
}

/// <summary>
/// A 特别程序 the case went through (联合评审, 现场踏勘, 远程勘验): its days do not count against the limit.
/// <see cref="To"/> and <see cref="Conclusion"/> are set when it concludes.
/// </summary>
internal sealed record SpecialProcedure(string Kind, string Title, DateOnly From, DateOnly? To, string? Conclusion);

/// <summary>One problem listed in a 一次性告知 (deficiency notice).</summary>
internal sealed record DeficiencyItem(string MaterialCode, string Reason);

/// <summary>
/// 告知承诺: the commitment letter the applicant signed (confirmed on the portal, or before the clerk at the counter) and the
/// materials it replaced. The letter's text is fixed when signed.
/// </summary>
internal sealed record CasePledge(IReadOnlyList<string> MaterialCodes, IReadOnlyList<string> MaterialNames, string Letter, string SignedBy, DateTimeOffset SignedAt, string How);

/// <summary>How the case was decided: by the 秒批 rules (each rule, what it read, passed or not) or by an officer (with the rules that failed, if any were tried).</summary>
internal sealed record CaseDecision(string By, IReadOnlyList<Catalog.Contracts.RuleOutcome> Rules)
{
    public const string ByRules = "rules";

    public const string ByOfficer = "officer";

    public bool Passed => Rules.All(r => r.Passed);
}

/// <summary>Who applies: their kind (person, enterprise), name, identity code, mobile and, when they have one, account.</summary>
internal sealed record CaseApplicant(string Kind, string Name, string Code, string Mobile, string? UserId);

/// <summary>A sub-case's place in its 一件事 application.</summary>
/// <param name="ProvidedWithinBundle">Materials a sibling produces (not asked of the applicant).</param>
/// <param name="GrantAwaitsLicense">拿地即开工: licence types one of which the applicant must hold before the grant.</param>
internal sealed record SubCaseOf(Guid BundleApplicationId, bool JointIssuance, IReadOnlyList<string> ProvidedWithinBundle, IReadOnlyList<string> GrantAwaitsLicense);

/// <summary>
/// 办件: one application for one item version, from submission to delivery. Every change is a named
/// transition that checks the current status and returns a typed error, so an officer acting on a
/// stale view gets a clear refusal, never a silent overwrite.
/// </summary>
internal sealed class Case : OneWindow.Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string ItemCode { get; set; } = "";

    public Guid ItemVersionId { get; set; }

    public string ItemName { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public bool SoleApprover { get; set; }

    /// <summary>即办件: decided at once (at the counter by a clerk qualified for 即办); from the item's case type.</summary>
    public bool Immediate { get; set; }

    /// <summary>Who decided (准予/不予许可): the officer's name, or the system's (系统（秒批）); named on the licence record.</summary>
    public string? DecidedByName { get; set; }

    /// <summary>person or enterprise.</summary>
    public string ApplicantKind { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    /// <summary>身份证号 or 统一社会信用代码 (masked wherever it is listed).</summary>
    public string ApplicantCode { get; set; } = "";

    public string ApplicantMobile { get; set; } = "";

    /// <summary>The applicant's account, when there is one: they see the case in their portal.</summary>
    public string? ApplicantUserId { get; set; }

    public string SubmittedById { get; set; } = "";

    public string? IdempotencyKey { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public Dictionary<string, string[]> Form { get; set; } = [];

    public List<SubmittedMaterial> Materials { get; set; } = [];

    public int CommittedDays { get; set; }

    /// <summary>The 一件事 application this case is a sub-case of, or null for a case on its own.</summary>
    public Guid? BundleApplicationId { get; set; }

    /// <summary>The bundle releases its licences together (十证联发): this case's licence waits for its siblings.</summary>
    public bool JointIssuance { get; set; }

    /// <summary>Materials a sibling in the bundle produces (the 营业执照 that 企业设立登记 issues): not asked of the applicant.</summary>
    public List<string> ProvidedWithinBundle { get; set; } = [];

    /// <summary>
    /// 拿地即开工: the case was applied for before the land was obtained; it may be reviewed (预审意见) but
    /// granted only once the applicant holds a valid licence of one of these types (the land licence).
    /// </summary>
    public List<string> GrantAwaitsLicense { get; set; } = [];

    public Channel Channel { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>The status a supplement returns to.</summary>
    public CaseStatus? ResumeStatus { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>暂定: the due date counts days of a year whose holidays are not published yet (weekends alone); recomputed on import.</summary>
    public bool DueDateProvisional { get; set; }

    /// <summary>The day the clock stopped, while a supplement is awaited after acceptance.</summary>
    public DateOnly? PausedSince { get; set; }

    public List<PausedPeriod> Pauses { get; set; } = [];

    public List<DeficiencyItem> Deficiencies { get; set; } = [];

    public List<string> DeferredMaterials { get; set; } = [];

    public DateOnly? PledgeDueDate { get; set; }

    public Recommendation? ReviewRecommendation { get; set; }

    public string? ReviewOpinion { get; set; }

    public string? DecisionOpinion { get; set; }

    public string? DeclineReason { get; set; }

    public ResultDelivery? Delivery { get; set; }

    /// <summary>Where the result is mailed (邮寄送达), when the clerk completing the case gave it; otherwise the postal staff confirm it by phone.</summary>
    public PostalAddress? PostTo { get; set; }

    /// <summary>
    /// 跨域通办: the region whose counter accepted the case on the owner's behalf (代收代办) under an agreement; its clerks accept
    /// and hand out, the owner's department decides. Null when the owner's own counters took it.
    /// </summary>
    public string? AcceptingRegion { get; set; }

    /// <summary>The 上门办 pickup whose materials this case was taken from (channel 政邮商).</summary>
    public Guid? PickupId { get; set; }

    /// <summary>An unkept 容缺 pledge suspends the case (中止, clock stopped) instead of ending it (终止); from the item.</summary>
    public bool SuspendOnBrokenPledge { get; set; }

    /// <summary>补正期限 in working days, from the item.</summary>
    public int SupplementDays { get; set; }

    /// <summary>The last day to answer the current 一次性告知; afterwards the case is closed.</summary>
    public DateOnly? SupplementDueDate { get; set; }

    public DateOnly? PledgeFulfilledOn { get; set; }

    /// <summary>The day an unkept pledge suspended the case (中止); the clock stands still until the materials arrive.</summary>
    public DateOnly? SuspendedSince { get; set; }

    public DeadlineState DeadlineState { get; set; }

    /// <summary>The day a 特别程序 (joint review, site inspection) stopped the clock; null when none is under way.</summary>
    public DateOnly? SpecialProcedureSince { get; set; }

    public List<SpecialProcedure> Procedures { get; set; } = [];

    /// <summary>How the case ended, in words: 办结（准予许可）, 办结（容缺通过）, 终止（逾期未补正）, ...</summary>
    public string? Outcome { get; set; }

    /// <summary>The day it was 办结 (the 回访 centre calls back the next working day).</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Whether the applicant was ever asked to 补正 (the callback sampler keeps such cases).</summary>
    public bool HadCorrection { get; set; }

    /// <summary>
    /// 一窗受理: accepted by a clerk at the 综合窗口 (any counter of the region, or the 综合受理 back office for online
    /// applications), not by the item's own 独任审批师 and not by the rules (秒批). The city's 一窗受理率 counts it.
    /// </summary>
    public bool AcceptedAtOneWindow { get; set; }

    /// <summary>办理时长: working days from acceptance to 办结, less the working days the clock stood still (补正, 特别程序, 中止).</summary>
    public int? WorkingDaysTaken { get; set; }

    /// <summary>即办 or 秒批: a 即办件 (decided at once at the counter), or a case the system decided at submission (秒批, 告知承诺).</summary>
    public bool Instant => Immediate || DecidedByName is RulesActor or PledgeActor;

    /// <summary><see cref="DecidedByName"/> of a case the rules decided (秒批).</summary>
    public const string RulesActor = "系统（秒批）";

    /// <summary><see cref="DecidedByName"/> of a 告知承诺 application granted at submission.</summary>
    public const string PledgeActor = "系统（告知承诺）";

    /// <summary>告知承诺: the signed letter and the materials it replaced; null for an ordinary application.</summary>
    public CasePledge? Pledge { get; set; }

    /// <summary>The 秒批 rules as they were decided at submission (by the system, or failed and left to an officer).</summary>
    public CaseDecision? Decision { get; set; }

    public int Version { get; set; }

    public const string CompletedWithDeferral = "办结（容缺通过）";

    /// <summary>What a person reads as the case's state: the outcome once there is one, 已中止 while suspended.</summary>
    public string StatusText => Outcome ?? (SuspendedSince is not null ? "已中止（待履行容缺承诺）" : Label(Status));

    /// <summary>The statuses in which the committed limit is running (or paused, but not finished).</summary>
    public static readonly CaseStatus[] Running = [CaseStatus.Accepted, CaseStatus.AcceptedWithDeferral, CaseStatus.InReview, CaseStatus.Approved, CaseStatus.Denied];

    public static readonly CaseStatus[] Final = [CaseStatus.Completed, CaseStatus.Declined, CaseStatus.Withdrawn, CaseStatus.Terminated];

    private static Error ProcedureOpen => Error.Conflict("case:procedure-open", "特别程序（联合评审、现场踏勘）进行中，结论出来后再审查、决定");

    private static Error Suspended => Error.Conflict("case:suspended", "办件因容缺承诺逾期未履行已中止办理，补齐材料后恢复");

    public static Error Invalid(CaseStatus status, string action) =>
        Error.Conflict("case:invalid-transition", $"办件当前状态为“{Label(status)}”，不能{action}");

    public static string Label(CaseStatus status) => status switch
    {
        CaseStatus.Submitted => "已提交",
        CaseStatus.Supplementing => "待补正",
        CaseStatus.Accepted => "已受理",
        CaseStatus.AcceptedWithDeferral => "已容缺受理",
        CaseStatus.InReview => "审查中",
        CaseStatus.Approved => "准予许可",
        CaseStatus.Denied => "不予许可",
        CaseStatus.Declined => "不予受理",
        CaseStatus.Completed => "已办结",
        CaseStatus.Withdrawn => "已撤回",
        CaseStatus.Terminated => "已终止",
    };

    /// <summary>
    /// 申请: a new case of one published item version, submitted by <paramref name="submittedById"/> (the applicant,
    /// a clerk, a helper) with the checked form and materials. Its terms (limit, 补正 days, pledge consequence, flow)
    /// are the item's at this moment; a sub-case of a 一件事 knows its bundle. The number is given when it is written.
    /// </summary>
    public static Case Submit(
        Catalog.Contracts.PublishedItem item, Channel channel, CaseApplicant applicant, string submittedById, string? idempotencyKey,
        IReadOnlyDictionary<string, string[]> form, IEnumerable<SubmittedMaterial> materials, DateTimeOffset now, SubCaseOf? bundle = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicant.Code);
        ArgumentException.ThrowIfNullOrWhiteSpace(submittedById);
        return new Case
        {
            Id = Guid.CreateVersion7(now),
            RegionCode = item.Definition.Region,
            ItemCode = item.Definition.Code,
            ItemVersionId = item.VersionId,
            ItemName = item.Definition.Name,
            DepartmentCode = item.Definition.Department,
            SoleApprover = item.SoleApprover,
            Immediate = item.Definition.CaseType == Catalog.Contracts.CaseType.Immediate,
            CommittedDays = item.Definition.CommittedDays,
            SupplementDays = item.Definition.SupplementDays,
            SuspendOnBrokenPledge = item.SuspendsOnBrokenPledge,
            Channel = channel,
            Status = CaseStatus.Submitted,
            ApplicantKind = applicant.Kind,
            ApplicantName = applicant.Name,
            ApplicantCode = applicant.Code,
            ApplicantMobile = applicant.Mobile,
            ApplicantUserId = applicant.UserId,
            SubmittedById = submittedById,
            IdempotencyKey = idempotencyKey,
            SubmittedAt = now,
            Form = form.ToDictionary(kv => kv.Key, kv => kv.Value),
            Materials = [.. materials],
            BundleApplicationId = bundle?.BundleApplicationId,
            JointIssuance = bundle?.JointIssuance ?? false,
            ProvidedWithinBundle = [.. bundle?.ProvidedWithinBundle ?? []],
            GrantAwaitsLicense = [.. bundle?.GrantAwaitsLicense ?? []],
        };
    }

    // What the present state allows. Each transition below checks the same; the case page offers only these.
    public bool IsSuspended => SuspendedSince is not null;

    public bool CanAccept => Status == CaseStatus.Submitted;

    public bool CanRequestSupplement => Status is CaseStatus.Submitted or CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral or CaseStatus.InReview;

    public bool CanSupplement => Status == CaseStatus.Supplementing && ResumeStatus is not null;

    public bool CanFulfilPledge => DeferredMaterials.Count > 0 && !Final.Contains(Status);

    /// <summary>不予受理 is a decision before acceptance: on a new case, or one sent back for 补正 before it was accepted.</summary>
    public bool CanDecline => Status == CaseStatus.Submitted || (Status == CaseStatus.Supplementing && ResumeStatus == CaseStatus.Submitted);

    public bool CanReview => !SoleApprover && Status is CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral && SpecialProcedureSince is null;

    /// <summary>A decision waits for a 特别程序 under way (its conclusion feeds the decision).</summary>
    public bool CanDecide => SpecialProcedureSince is null && (SoleApprover ? Status is CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral : Status == CaseStatus.InReview);

    /// <summary>A 特别程序 can start while the case is being examined: accepted and not yet decided.</summary>
    public bool CanStartSpecialProcedure => SpecialProcedureSince is null && Status is CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral or CaseStatus.InReview;

    public bool CanComplete => Status is CaseStatus.Approved or CaseStatus.Denied;

    public bool CanWithdraw => Status is CaseStatus.Submitted or CaseStatus.Supplementing or CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral or CaseStatus.InReview;

    /// <summary>受理: the clock starts; the due date is the committed limit in working days from today.</summary>
    public Result Accept(DateOnly today, CalendarRules calendar, IReadOnlyDictionary<string, string> required)
    {
        if (!CanAccept)
        {
            return Invalid(Status, "受理");
        }

        var missing = Missing(required, []);
        if (missing.Any)
        {
            return missing.ToError("case:materials-incomplete", "材料不齐全，不能直接受理：请一次性告知补正，或对可容缺的材料容缺受理");
        }

        var due = calendar.Deadline(today, CommittedDays);
        if (!due.IsSuccess)
        {
            return due.Error!;
        }

        Status = CaseStatus.Accepted;
        AcceptedOn = today;
        (DueDate, DueDateProvisional) = due.Value;
        return Result.Ok();
    }

    /// <summary>
    /// 秒批 (or a 告知承诺 decided at once): every rule passed, so the system accepts and grants in one step — the materials must
    /// be complete (pledged ones count as given) and the clock starts and stops today. A failing rule leaves the case for a person.
    /// </summary>
    public Result DecideByRules(DateOnly today, CalendarRules calendar, IReadOnlyDictionary<string, string> required, CaseDecision decision, string opinion, string by)
    {
        Decision = decision;
        if (!decision.Passed)
        {
            Decision = decision with { By = CaseDecision.ByOfficer };
            return Error.Conflict("case:rules-failed", "未满足秒批规则：" + string.Join("、", decision.Rules.Where(r => !r.Passed).Select(r => r.Name)));
        }

        var accepted = Accept(today, calendar, required);
        if (!accepted.IsSuccess)
        {
            Decision = decision with { By = CaseDecision.ByOfficer };
            return accepted;
        }

        DecisionOpinion = opinion;
        DecidedByName = by;
        Status = CaseStatus.Approved;
        return Result.Ok();
    }

    /// <summary>容缺受理: only materials the item marks deferrable, against a pledge due no later than the case itself.</summary>
    public Result AcceptWithDeferral(
        DateOnly today, CalendarRules calendar, IReadOnlyDictionary<string, string> required, IReadOnlyCollection<string> deferred, IReadOnlySet<string> deferrable, DateOnly pledgeDueDate)
    {
        if (!CanAccept)
        {
            return Invalid(Status, "容缺受理");
        }

        var errors = Missing(required, deferred);
        if (deferred.Count == 0)
        {
            errors.Add("deferred", "请列出容缺的材料");
        }

        foreach (var code in deferred.Where(c => !deferrable.Contains(c)))
        {
            errors.Add("deferred", $"材料 {code} 不可容缺（只有事项标明可容缺的次要材料才能后补）");
        }

        var due = calendar.Deadline(today, CommittedDays);
        if (!due.IsSuccess)
        {
            return due.Error!;
        }

        if (pledgeDueDate <= today || pledgeDueDate > due.Value.Date)
        {
            errors.Add("pledgeDueDate", $"承诺补齐日期应晚于今天，且不晚于办结期限 {due.Value.Date:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return errors.ToError("case:deferral-invalid", "容缺受理条件不符");
        }

        Status = CaseStatus.AcceptedWithDeferral;
        AcceptedOn = today;
        (DueDate, DueDateProvisional) = due.Value;
        DeferredMaterials = [.. deferred.Distinct()];
        PledgeDueDate = pledgeDueDate;
        return Result.Ok();
    }

    /// <summary>Required materials neither handed in nor deferred, one field error each (materials.&lt;code&gt;).</summary>
    private FieldErrors Missing(IReadOnlyDictionary<string, string> required, IReadOnlyCollection<string> deferred)
    {
        var errors = new FieldErrors();
        var pledged = Pledge?.MaterialCodes ?? [];
        foreach (var (code, name) in required.Where(r => !deferred.Contains(r.Key) && !pledged.Contains(r.Key) && !Materials.Any(m => m.MaterialCode == r.Key)))
        {
            errors.Add("materials." + code, $"缺少必要材料：{name}");
        }

        return errors;
    }

    /// <summary>一次性告知: every problem at once. After acceptance the clock stops until the applicant answers.</summary>
    public Result RequestSupplement(DateOnly today, CalendarRules calendar, IReadOnlyList<DeficiencyItem> items)
    {
        if (!CanRequestSupplement)
        {
            return Invalid(Status, "要求补正");
        }

        if (IsSuspended)
        {
            return Suspended;
        }

        if (items.Count == 0 || items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Reason)))
        {
            return Error.Field("items", "一次性告知须列出每一项需补正的材料及原因");
        }

        var answerBy = calendar.AddWorkingDays(today, SupplementDays);
        if (!answerBy.IsSuccess)
        {
            return answerBy.Error!;
        }

        SupplementDueDate = answerBy.Value;

        ResumeStatus = Status;
        if (Status != CaseStatus.Submitted)
        {
            PausedSince = today;
        }

        Deficiencies = [.. items];
        HadCorrection = true;
        Status = CaseStatus.Supplementing;
        return Result.Ok();
    }

    /// <summary>The applicant supplements: the case returns where it was; a stopped clock resumes and the due date moves by the paused working days.</summary>
    public Result Supplement(DateOnly today, CalendarRules calendar, IReadOnlyCollection<SubmittedMaterial> materials)
    {
        if (!CanSupplement || ResumeStatus is not { } resume)
        {
            return Invalid(Status, "提交补正材料");
        }

        Materials = [.. Materials.Where(m => !materials.Any(d => d.MaterialCode == m.MaterialCode)), .. materials];

        if (PausedSince is { } since && ClockResumes(since, today, calendar) is { IsSuccess: false } failed)
        {
            return failed;
        }

        Status = resume;
        ResumeStatus = null;
        PausedSince = null;
        SupplementDueDate = null;
        Deficiencies = [];
        return Result.Ok();
    }

    /// <summary>补正 not answered within the item's window: the case is closed (视为放弃申请).</summary>
    public Result ExpireSupplement(DateOnly today)
    {
        if (Status != CaseStatus.Supplementing || SupplementDueDate is not { } last || today <= last)
        {
            return Invalid(Status, "按逾期未补正终止");
        }

        Status = CaseStatus.Terminated;
        Outcome = "终止（逾期未补正）";
        return Result.Ok();
    }

    /// <summary>True when a 容缺 pledge is past its due date and still open.</summary>
    public bool PledgeBroken(DateOnly today) =>
        DeferredMaterials.Count > 0 && PledgeFulfilledOn is null && PledgeDueDate is { } due && today > due
        && SuspendedSince is null && !Final.Contains(Status);

    /// <summary>The pledge's due date passed with materials still missing: terminate or suspend, as the item configures.</summary>
    public Result BreakPledge(DateOnly today)
    {
        if (!PledgeBroken(today) || Status == CaseStatus.Supplementing)
        {
            return Invalid(Status, "按容缺承诺逾期处理");
        }

        if (SuspendOnBrokenPledge)
        {
            SuspendedSince = today;
        }
        else
        {
            Status = CaseStatus.Terminated;
            Outcome = "终止（容缺承诺逾期未履行）";
        }

        return Result.Ok();
    }

    public Result Decline(string? reason)
    {
        if (!CanDecline)
        {
            return Invalid(Status, "不予受理");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Field("reason", "不予受理须说明理由");
        }

        if (TextRules.TextProblem(reason) is { } badReason)
        {
            return Error.Field("reason", "理由" + badReason);
        }

        Status = CaseStatus.Declined;
        DeclineReason = reason.Trim();
        return Result.Ok();
    }

    /// <summary>审查 (not for a sole approver's item: there the approver reviews and decides in one step).</summary>
    public Result Review(string? opinion, Recommendation recommendation)
    {
        if (SoleApprover)
        {
            return Error.Conflict("case:sole-approver", "本事项实行独任审批，无单独审查环节");
        }

        if (SpecialProcedureSince is not null)
        {
            return ProcedureOpen;
        }

        if (IsSuspended)
        {
            return Suspended;
        }

        if (!CanReview)
        {
            return Invalid(Status, "审查");
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            return Error.Field("opinion", "请填写审查意见");
        }

        if (TextRules.TextProblem(opinion) is { } badOpinion)
        {
            return Error.Field("opinion", "审查意见" + badOpinion);
        }

        ReviewOpinion = opinion.Trim();
        ReviewRecommendation = recommendation;
        Status = CaseStatus.InReview;
        return Result.Ok();
    }

    /// <summary>准予许可 (决定): after review, or directly after acceptance for a sole approver. The opinion is required.</summary>
    public Result Grant(string? opinion, string? by = null) => Decide(CaseStatus.Approved, opinion, "opinion", "请填写审批意见", "审批意见", by);

    /// <summary>不予许可 (决定): the reason is required and is shown to the applicant.</summary>
    public Result Deny(string? reason, string? by = null) => Decide(CaseStatus.Denied, reason, "reason", "不予许可须说明理由", "理由", by);

    private Result Decide(CaseStatus decision, string? words, string field, string missing, string label, string? by)
    {
        if (SpecialProcedureSince is not null)
        {
            return ProcedureOpen;
        }

        if (!CanDecide)
        {
            return Invalid(Status, decision == CaseStatus.Approved ? "准予许可" : "不予许可");
        }

        if (IsSuspended)
        {
            return Suspended;
        }

        if (string.IsNullOrWhiteSpace(words))
        {
            return Error.Field(field, missing);
        }

        if (TextRules.TextProblem(words) is { } bad)
        {
            return Error.Field(field, label + bad);
        }

        DecisionOpinion = words.Trim();
        DecidedByName = by;
        Status = decision;
        return Result.Ok();
    }

    /// <summary>办结 and 出件. A case accepted with deferral completes only when the pledge was kept.</summary>
    public Result Complete(ResultDelivery delivery, DateOnly today, CalendarRules calendar, PostalAddress? postTo = null)
    {
        if (!CanComplete)
        {
            return Invalid(Status, "办结");
        }

        if (Status == CaseStatus.Approved && DeferredMaterials.Count > 0)
        {
            return Error.Conflict("case:pledge-open", $"容缺材料尚未补齐：{string.Join("、", DeferredMaterials)}");
        }

        Delivery = delivery;
        PostTo = delivery == ResultDelivery.Post ? postTo : null;
        CompletedOn = today;
        WorkingDaysTaken = WorkingDaysBetween(calendar, AcceptedOn, today, Pauses);
        Outcome = Status == CaseStatus.Denied ? "办结（不予许可）" : PledgeDueDate is not null ? CompletedWithDeferral : "办结（准予许可）";
        Status = CaseStatus.Completed;
        return Result.Ok();
    }

    /// <summary>
    /// Working days after <paramref name="accepted"/> through <paramref name="completed"/> (0 on the day itself), less the working
    /// days within <paramref name="paused"/>; null when the calendar lacks a year.
    /// </summary>
    public static int? WorkingDaysBetween(CalendarRules calendar, DateOnly? accepted, DateOnly completed, IEnumerable<PausedPeriod> paused)
    {
        if (accepted is not { } from)
        {
            return null;
        }

        if (completed <= from)
        {
            return 0;
        }

        if (calendar.CountWorkingDays(from, completed) is not { IsSuccess: true } gross)
        {
            return null;
        }

        var stood = 0;
        foreach (var p in paused)
        {
            var start = p.From > from ? p.From.AddDays(-1) : from;
            var end = p.To < completed ? p.To : completed;
            if (end > start && calendar.CountWorkingDays(start, end) is { IsSuccess: true } n)
            {
                stood += n.Value;
            }
        }

        return Math.Max(0, gross.Value - stood);
    }

    /// <summary>
    /// The applicant delivers deferred materials (履行容缺承诺). When the last one arrives the pledge is
    /// kept; a case suspended for it resumes and its due date moves by the suspended working days.
    /// </summary>
    public Result FulfilPledge(DateOnly today, CalendarRules calendar, IReadOnlyCollection<SubmittedMaterial> delivered)
    {
        if (!CanFulfilPledge)
        {
            return Error.Conflict("case:no-pledge", "本办件没有待补齐的容缺材料");
        }

        var unknown = delivered.Where(m => !DeferredMaterials.Contains(m.MaterialCode)).Select(m => m.MaterialCode).ToList();
        if (delivered.Count == 0 || unknown.Count > 0)
        {
            return Error.Field("materials", unknown.Count > 0 ? $"这些材料不在容缺清单中：{string.Join("、", unknown)}" : "请提交容缺的材料");
        }

        Materials = [.. Materials.Where(m => !delivered.Any(d => d.MaterialCode == m.MaterialCode)), .. delivered];
        DeferredMaterials = [.. DeferredMaterials.Except(delivered.Select(m => m.MaterialCode))];
        if (DeferredMaterials.Count > 0)
        {
            return Result.Ok();
        }

        PledgeFulfilledOn = today;
        if (SuspendedSince is { } since)
        {
            if (ClockResumes(since, today, calendar) is { IsSuccess: false } failed)
            {
                return failed;
            }

            SuspendedSince = null;
        }

        return Result.Ok();
    }

    /// <summary>
    /// Where the case stands against its limit today: 超期 after the due date, 预警 once the used share
    /// of the committed working days reaches <paramref name="warningShare"/>. A stopped clock (补正,
    /// 中止) and a finished case keep their state. Returns whether it changed.
    /// </summary>
    public Result<bool> UpdateDeadline(DateOnly today, CalendarRules calendar, double warningShare)
    {
        if (!Running.Contains(Status) || DueDate is not { } due || SuspendedSince is not null || SpecialProcedureSince is not null)
        {
            return false;
        }

        DeadlineState state;
        if (today > due)
        {
            state = DeadlineState.Overdue;
        }
        else
        {
            var remaining = calendar.CountWorkingDays(today, due);
            if (!remaining.IsSuccess)
            {
                return remaining.Error!;
            }

            var used = CommittedDays - remaining.Value;
            state = CommittedDays > 0 && used >= Math.Ceiling(warningShare * CommittedDays) ? DeadlineState.Warning : DeadlineState.Normal;
        }

        var changed = state != DeadlineState;
        DeadlineState = state;
        return changed;
    }

    /// <summary>
    /// The clock, stopped since <paramref name="since"/> (补正 after acceptance, 中止, 特别程序), runs again:
    /// the pause is recorded and the due date moves by exactly its working days.
    /// </summary>
    private Result ClockResumes(DateOnly since, DateOnly today, CalendarRules calendar)
    {
        if (AcceptedOn is not { } accepted)
        {
            return Result.Ok();
        }

        var pauses = Pauses.Append(new PausedPeriod(since, today)).ToList();
        var due = calendar.Deadline(accepted, CommittedDays, pauses);
        if (!due.IsSuccess)
        {
            return due.Error!;
        }

        Pauses = pauses;
        (DueDate, DueDateProvisional) = due.Value;
        return Result.Ok();
    }

    /// <summary>
    /// A provisional due date computed again with the calendar as it now stands (a year was imported); true when the
    /// date or its provisional mark changed. A pause still open is counted when the clock resumes, as always.
    /// </summary>
    public bool RecomputeProvisionalDueDate(CalendarRules calendar)
    {
        if (!DueDateProvisional || AcceptedOn is not { } accepted || Final.Contains(Status))
        {
            return false;
        }

        var due = calendar.Deadline(accepted, CommittedDays, Pauses);
        if (!due.IsSuccess)
        {
            return false;
        }

        var changed = due.Value.Date != DueDate || due.Value.Provisional != DueDateProvisional;
        (DueDate, DueDateProvisional) = due.Value;
        return changed;
    }

    /// <summary>特别程序 begins (联合评审, 现场踏勘): the clock stops today.</summary>
    public Result StartSpecialProcedure(DateOnly today, string kind, string title)
    {
        if (!CanStartSpecialProcedure)
        {
            return SpecialProcedureSince is null ? Invalid(Status, "启动特别程序") : Error.Conflict("case:procedure-open", "办件已有进行中的特别程序");
        }

        SpecialProcedureSince = today;
        Procedures = [.. Procedures, new SpecialProcedure(kind, title, today, null, null)];
        return Result.Ok();
    }

    /// <summary>特别程序 concludes: its conclusion is recorded on the case and the due date moves by exactly the working days it took.</summary>
    public Result EndSpecialProcedure(DateOnly today, CalendarRules calendar, string conclusion)
    {
        if (SpecialProcedureSince is not { } since)
        {
            return Error.Conflict("case:no-procedure", "办件没有进行中的特别程序");
        }

        if (ClockResumes(since, today, calendar) is { IsSuccess: false } failed)
        {
            return failed;
        }

        SpecialProcedureSince = null;
        Procedures = [.. Procedures.SkipLast(1), Procedures[^1] with { To = today, Conclusion = conclusion }];
        return Result.Ok();
    }

    /// <summary>The bundle stopped (another item was denied and the bundle only makes sense whole).</summary>
    public Result StopWithBundle(string reason)
    {
        if (Final.Contains(Status) || Status is CaseStatus.Approved or CaseStatus.Denied)
        {
            return Invalid(Status, "随一件事终止");
        }

        Status = CaseStatus.Terminated;
        Outcome = "终止（" + reason + "）";
        return Result.Ok();
    }

    /// <summary>The applicant withdraws before a decision.</summary>
    /// <summary>撤回. By staff for the applicant: only with a reason and the confirmation that the applicant asked for it.</summary>
    public Result Withdraw(bool byApplicant, string? reason, bool confirmed)
    {
        if (!CanWithdraw)
        {
            return Invalid(Status, "撤回");
        }

        var errors = new FieldErrors();
        if (!byApplicant && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "工作人员代为撤回须写明理由（如申请人书面申请撤回）");
        }
        else if (reason is not null && TextRules.TextProblem(reason) is { } bad)
        {
            errors.Add("reason", "理由" + bad);
        }

        if (!byApplicant && !confirmed)
        {
            errors.Add("confirmed", "请确认已核实申请人本人要求撤回");
        }

        if (errors.Any)
        {
            return errors.ToError("case:withdraw-invalid", "撤回信息不完整");
        }

        Status = CaseStatus.Withdrawn;
        WithdrawReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Outcome = byApplicant ? "申请人撤回" : "窗口代为撤回";
        return Result.Ok();
    }

    /// <summary>Why the case was withdrawn, when a reason was given (always when staff withdrew it).</summary>
    public string? WithdrawReason { get; set; }
}
