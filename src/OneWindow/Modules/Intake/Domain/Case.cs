using OneWindow.Platform;
using OneWindow.Platform.Calendar;

namespace OneWindow.Modules.Intake.Domain;

/// <summary>Status values of a case (办件), as the public API names them.</summary>
public enum CaseStatus
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

public enum Channel
{
    Online,
    Counter,
    Assisted,
}

public enum Recommendation
{
    Approve,
    Deny,
}

public enum Delivery
{
    Counter,
    Post,
}

/// <summary>A material handed in with the application: a stored file (or, later, a licence from the library).</summary>
public sealed record SubmittedMaterial(string MaterialCode, Guid? FileId, string? LicenseId);

/// <summary>One problem listed in a 一次性告知 (deficiency notice).</summary>
public sealed record DeficiencyItem(string MaterialCode, string Reason);

/// <summary>
/// 办件: one application for one item version, from submission to delivery. Every change is a named
/// transition that checks the current status and returns a typed error, so an officer acting on a
/// stale view gets a clear refusal, never a silent overwrite.
/// </summary>
public sealed class Case : OneWindow.Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string ItemCode { get; set; } = "";

    public Guid ItemVersionId { get; set; }

    public string ItemName { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public bool SoleApprover { get; set; }

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

    public Channel Channel { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>The status a supplement returns to.</summary>
    public CaseStatus? ResumeStatus { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? DueDate { get; set; }

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

    public Delivery? Delivery { get; set; }

    public int Version { get; set; }

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

    /// <summary>受理: the clock starts; the due date is the committed limit in working days from today.</summary>
    public Result Accept(DateOnly today, CalendarRules calendar)
    {
        if (Status != CaseStatus.Submitted)
        {
            return Invalid(Status, "受理");
        }

        var due = calendar.AddWorkingDays(today, CommittedDays);
        if (!due.IsSuccess)
        {
            return due.Error!;
        }

        Status = CaseStatus.Accepted;
        AcceptedOn = today;
        DueDate = due.Value;
        return Result.Ok();
    }

    /// <summary>容缺受理: only materials the item marks deferrable, against a pledge due no later than the case itself.</summary>
    public Result AcceptWithDeferral(DateOnly today, CalendarRules calendar, IReadOnlyCollection<string> deferred, IReadOnlySet<string> deferrable, DateOnly pledgeDueDate)
    {
        if (Status != CaseStatus.Submitted)
        {
            return Invalid(Status, "容缺受理");
        }

        var errors = new FieldErrors();
        if (deferred.Count == 0)
        {
            errors.Add("deferred", "请列出容缺的材料");
        }

        foreach (var code in deferred.Where(c => !deferrable.Contains(c)))
        {
            errors.Add("deferred", $"材料 {code} 不可容缺（只有事项标明可容缺的次要材料才能后补）");
        }

        var due = calendar.AddWorkingDays(today, CommittedDays);
        if (!due.IsSuccess)
        {
            return due.Error!;
        }

        if (pledgeDueDate <= today || pledgeDueDate > due.Value)
        {
            errors.Add("pledgeDueDate", $"承诺补齐日期应晚于今天，且不晚于办结期限 {due.Value:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return errors.ToError("case:deferral-invalid", "容缺受理条件不符");
        }

        Status = CaseStatus.AcceptedWithDeferral;
        AcceptedOn = today;
        DueDate = due.Value;
        DeferredMaterials = [.. deferred.Distinct()];
        PledgeDueDate = pledgeDueDate;
        return Result.Ok();
    }

    /// <summary>一次性告知: every problem at once. After acceptance the clock stops until the applicant answers.</summary>
    public Result RequestSupplement(DateOnly today, IReadOnlyList<DeficiencyItem> items)
    {
        if (Status is not (CaseStatus.Submitted or CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral or CaseStatus.InReview))
        {
            return Invalid(Status, "要求补正");
        }

        if (items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.Reason)))
        {
            return Error.Field("items", "一次性告知须列出每一项需补正的材料及原因");
        }

        ResumeStatus = Status;
        if (Status != CaseStatus.Submitted)
        {
            PausedSince = today;
        }

        Deficiencies = [.. items];
        Status = CaseStatus.Supplementing;
        return Result.Ok();
    }

    /// <summary>The applicant supplements: the case returns where it was; a stopped clock resumes and the due date moves by the paused working days.</summary>
    public Result Supplement(DateOnly today, CalendarRules calendar)
    {
        if (Status != CaseStatus.Supplementing || ResumeStatus is null)
        {
            return Invalid(Status, "提交补正材料");
        }

        if (PausedSince is { } since && AcceptedOn is { } accepted)
        {
            var pauses = Pauses.Append(new PausedPeriod(since, today)).ToList();
            var due = calendar.DueDate(accepted, CommittedDays, pauses);
            if (!due.IsSuccess)
            {
                return due.Error!;
            }

            Pauses = pauses;
            DueDate = due.Value;
        }

        Status = ResumeStatus.Value;
        ResumeStatus = null;
        PausedSince = null;
        Deficiencies = [];
        return Result.Ok();
    }

    public Result Decline(string? reason)
    {
        if (Status is not (CaseStatus.Submitted or CaseStatus.Supplementing))
        {
            return Invalid(Status, "不予受理");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Field("reason", "不予受理须说明理由");
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

        if (Status is not (CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral))
        {
            return Invalid(Status, "审查");
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            return Error.Field("opinion", "请填写审查意见");
        }

        ReviewOpinion = opinion.Trim();
        ReviewRecommendation = recommendation;
        Status = CaseStatus.InReview;
        return Result.Ok();
    }

    /// <summary>决定: after review, or directly after acceptance for a sole approver.</summary>
    public Result Decide(bool approve, string? opinion)
    {
        var ready = SoleApprover
            ? Status is CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral
            : Status == CaseStatus.InReview;
        if (!ready)
        {
            return Invalid(Status, approve ? "准予许可" : "不予许可");
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            return Error.Field(approve ? "opinion" : "reason", approve ? "请填写审批意见" : "不予许可须说明理由");
        }

        DecisionOpinion = opinion.Trim();
        Status = approve ? CaseStatus.Approved : CaseStatus.Denied;
        return Result.Ok();
    }

    /// <summary>办结 and 出件. A case accepted with deferral completes only when the pledge was kept.</summary>
    public Result Complete(Delivery delivery)
    {
        if (Status is not (CaseStatus.Approved or CaseStatus.Denied))
        {
            return Invalid(Status, "办结");
        }

        if (DeferredMaterials.Count > 0)
        {
            return Error.Conflict("case:pledge-open", $"容缺材料尚未补齐：{string.Join("、", DeferredMaterials)}");
        }

        Delivery = delivery;
        Status = CaseStatus.Completed;
        return Result.Ok();
    }

    /// <summary>The applicant delivers deferred materials (履行容缺承诺).</summary>
    public Result FulfilPledge(IReadOnlyCollection<string> materials)
    {
        if (DeferredMaterials.Count == 0)
        {
            return Error.Conflict("case:no-pledge", "本办件没有待补齐的容缺材料");
        }

        DeferredMaterials = [.. DeferredMaterials.Except(materials)];
        return Result.Ok();
    }

    /// <summary>The applicant withdraws before a decision.</summary>
    public Result Withdraw()
    {
        if (Status is not (CaseStatus.Submitted or CaseStatus.Supplementing or CaseStatus.Accepted or CaseStatus.AcceptedWithDeferral or CaseStatus.InReview))
        {
            return Invalid(Status, "撤回");
        }

        Status = CaseStatus.Withdrawn;
        return Result.Ok();
    }
}
