using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Hotline.Domain;

/// <summary>Where an order came from (GB/T 33358-2016 受理渠道).</summary>
internal enum WorkOrderChannel
{
    Phone,
    Web,
    Mobile,
    Open311,
    UnresolvedWindow,
    Rating,
}

/// <summary>诉求类型.</summary>
internal enum WorkOrderType
{
    Consultation,
    Help,
    Complaint,
    Report,
    Suggestion,
    Praise,
}

internal enum WorkOrderUrgency
{
    Normal,
    Urgent,
}

/// <summary>The loop of 国办发〔2020〕53号: 受理 → 派单 → 签收 → 回复 → 审核 → 办结 (or 直接办结, or merged into an earlier order).</summary>
internal enum WorkOrderStatus
{
    /// <summary>受理: taken, not yet dispatched (or returned by a department: back with the centre).</summary>
    Received,

    /// <summary>派单: with the lead department, to sign for or return.</summary>
    Dispatched,

    /// <summary>签收: the lead department handles it.</summary>
    Signed,

    /// <summary>回复: the department's reply awaits the centre's review.</summary>
    Replied,

    /// <summary>办结: the centre accepted the reply (or closed it without a department); the caller was told.</summary>
    Closed,

    /// <summary>直接办结: a 咨询 answered on the line from the 知识库.</summary>
    Answered,

    /// <summary>并单: a duplicate of an earlier order, following its outcome.</summary>
    Merged,
}

/// <summary>Where the order stands against its due time: 预警 within a working day of it (urgent: six hours), 超期 past it.</summary>
internal enum WorkOrderDeadline
{
    Normal,
    Warning,
    Overdue,
}

/// <summary>
/// 12345 工单 (GB/T 33358-2016): who called (or wrote), about what, where, how urgent, and when it is due. The caller's
/// phone is seen whole by hotline agents only; a confidential (保密) order shows no caller to anyone else.
/// </summary>
internal sealed class WorkOrder : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>RX-20261205-0042: read out on the phone.</summary>
    public string Number { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public WorkOrderChannel Channel { get; set; }

    public WorkOrderType Type { get; set; }

    public string CategoryCode { get; set; } = "";

    public string CallerName { get; set; } = "";

    public string CallerPhone { get; set; } = "";

    public string? CallerIdNumber { get; set; }

    /// <summary>The account that filed it online, or that it was filed for; null for a call.</summary>
    public string? CallerUserId { get; set; }

    public bool Confidential { get; set; }

    public string Content { get; set; } = "";

    public string Address { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public WorkOrderUrgency Urgency { get; set; }

    public WorkOrderStatus Status { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the reply is due: five working days, or 24 hours for an urgent order.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>暂定: counted on weekends alone because the due date's year has no published holidays yet.</summary>
    public bool DueProvisional { get; set; }

    public string ReceivedById { get; set; } = "";

    public string ReceivedByName { get; set; } = "";

    /// <summary>The agent's department (the 12345 office), rated for what it answers itself.</summary>
    public string? ReceivedByDepartment { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>主办 department (派单), and the 协办 departments that help it.</summary>
    public string? LeadDepartment { get; set; }

    public List<string> AssistingDepartments { get; set; } = [];

    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>The last working day a department may return the order (退单): two working days after dispatch.</summary>
    public DateOnly? ReturnBy { get; set; }

    /// <summary>退单 so far: repeated returns are flagged for the centre.</summary>
    public int Returns { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    public string? Reply { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public WorkOrderDeadline DeadlineState { get; set; }

    /// <summary>延期 asked for by the lead department, in working days, with its reason; cleared when the centre decides.</summary>
    public int? ExtensionRequestedDays { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>Working days granted so far (at most <see cref="MaxExtensionDays"/> in all).</summary>
    public int ExtendedDays { get; set; }

    /// <summary>督办: the latest notice, when it was issued, and when the department acknowledged it.</summary>
    public string? SupervisionNotice { get; set; }

    public DateTimeOffset? SupervisedAt { get; set; }

    public DateTimeOffset? SupervisionAcknowledgedAt { get; set; }

    /// <summary>The earlier order this one was merged into (并单).</summary>
    public Guid? ParentId { get; set; }

    /// <summary>重办 so far: the caller rated a result 不满意 (the rating round is this count).</summary>
    public int Reopens { get; set; }

    /// <summary>办结: closed (after review, or by the centre) or answered on the line; a merged order counts under its main order.</summary>
    public bool Finished => Status is WorkOrderStatus.Closed or WorkOrderStatus.Answered;

    /// <summary>The caller's latest 好差评 of the result (5 非常满意 … 1 非常不满意), as Ratings told (<c>RatingGiven</c>).</summary>
    public int? RatingLevel { get; set; }

    /// <summary>The 知识库 article that answered a 咨询 on the line.</summary>
    public Guid? AnswerArticleId { get; set; }

    public int Version { get; set; }

    public const int MaxExtensionDays = 10;

    /// <summary>Ended: rated, followed, no longer on anyone's list.</summary>
    public bool IsFinished => Status is WorkOrderStatus.Closed or WorkOrderStatus.Answered or WorkOrderStatus.Merged;

    /// <summary>Running against its due time: with the centre or a department.</summary>
    public bool IsRunning => !IsFinished;

    public List<WorkOrderStep> Steps { get; set; } = [];

    private Result Wrong(string doing) =>
        Error.Conflict("work-order:wrong-state", $"工单当前状态为“{WorkOrderLabels.Of(Status)}”，不能{doing}");

    /// <summary>A new step on the timeline (the caller adds it to the unit of work: its key is set, so EF would take it for an old row).</summary>
    public WorkOrderStep Step(DateTimeOffset at, string action, string actor, string note)
    {
        var step = new WorkOrderStep { Id = Guid.CreateVersion7(at), WorkOrderId = Id, At = at, Action = action, ActorName = actor, Note = note };
        Steps.Add(step);
        return step;
    }

    /// <summary>派单 to a lead department (and helpers), from the centre; again after a return.</summary>
    public Result Dispatch(string lead, IReadOnlyList<string> assisting, DateOnly returnBy, DateTimeOffset now)
    {
        if (Status != WorkOrderStatus.Received)
        {
            return Wrong("派单");
        }

        (Status, LeadDepartment, AssistingDepartments, DispatchedAt, ReturnBy, SignedAt) = (WorkOrderStatus.Dispatched, lead, [.. assisting], now, returnBy, null);
        return Result.Ok();
    }

    /// <summary>签收 by the lead department.</summary>
    public Result Sign(DateTimeOffset now)
    {
        if (Status != WorkOrderStatus.Dispatched)
        {
            return Wrong("签收");
        }

        (Status, SignedAt) = (WorkOrderStatus.Signed, now);
        return Result.Ok();
    }

    /// <summary>退单 by the lead department, with a reason, by <see cref="ReturnBy"/>: back to the centre to dispatch again.</summary>
    public Result Return(DateOnly today)
    {
        if (Status is not (WorkOrderStatus.Dispatched or WorkOrderStatus.Signed))
        {
            return Wrong("退单");
        }

        if (ReturnBy is { } by && today > by)
        {
            return Error.Conflict("work-order:return-too-late", $"已超过退单时限（派单后 2 个工作日内，即 {by:yyyy-MM-dd} 前），请按职责办理或报请热线中心协调");
        }

        (Status, LeadDepartment, AssistingDepartments, Returns) = (WorkOrderStatus.Received, null, [], Returns + 1);
        return Result.Ok();
    }

    /// <summary>回复 by the lead department, after signing.</summary>
    public Result Answer(string reply, DateTimeOffset now)
    {
        if (Status != WorkOrderStatus.Signed)
        {
            return Wrong("回复");
        }

        (Status, Reply, RepliedAt) = (WorkOrderStatus.Replied, reply, now);
        return Result.Ok();
    }

    /// <summary>审核 by the centre: accepted closes the order; sent back, the department replies again.</summary>
    public Result Review(bool accept, DateTimeOffset now)
    {
        if (Status != WorkOrderStatus.Replied)
        {
            return Wrong("审核");
        }

        (Status, ClosedAt) = accept ? (WorkOrderStatus.Closed, now) : (WorkOrderStatus.Signed, (DateTimeOffset?)null);
        return Result.Ok();
    }

    /// <summary>直接办结: a 咨询 the agent answered on the line, before any dispatch.</summary>
    public Result AnswerDirectly(string answer, Guid? articleId, DateTimeOffset now)
    {
        if (Status != WorkOrderStatus.Received || Returns > 0)
        {
            return Wrong("直接办结");
        }

        if (Type != WorkOrderType.Consultation)
        {
            return Error.Conflict("work-order:not-consultation", "只有咨询类工单可以直接办结，其他诉求请派单办理");
        }

        (Status, Reply, RepliedAt, ClosedAt, AnswerArticleId) = (WorkOrderStatus.Answered, answer, now, now, articleId);
        return Result.Ok();
    }

    /// <summary>延期 asked for by the lead department while it handles the order: at most the days still left of <see cref="MaxExtensionDays"/>.</summary>
    public Result RequestExtension(int workingDays, string reason)
    {
        if (Status != WorkOrderStatus.Signed)
        {
            return Wrong("申请延期");
        }

        if (workingDays < 1 || ExtendedDays + workingDays > MaxExtensionDays)
        {
            return Error.Field("workingDays", $"延期最多 {MaxExtensionDays} 个工作日（已延期 {ExtendedDays} 个工作日），请填写 1–{MaxExtensionDays - ExtendedDays}");
        }

        (ExtensionRequestedDays, ExtensionReason) = (workingDays, reason);
        return Result.Ok();
    }

    /// <summary>延期 granted by the centre: the due date moves to <paramref name="dueAt"/>, and 预警/超期 are cleared.</summary>
    public Result Extend(int workingDays, DateTimeOffset dueAt)
    {
        if (Status is not (WorkOrderStatus.Dispatched or WorkOrderStatus.Signed))
        {
            return Wrong("延期");
        }

        if (workingDays < 1 || ExtendedDays + workingDays > MaxExtensionDays)
        {
            return Error.Field("workingDays", $"延期最多 {MaxExtensionDays} 个工作日（已延期 {ExtendedDays} 个工作日），请填写 1–{MaxExtensionDays - ExtendedDays}");
        }

        (ExtendedDays, DueAt, DeadlineState, ExtensionRequestedDays, ExtensionReason) = (ExtendedDays + workingDays, dueAt, WorkOrderDeadline.Normal, null, null);
        return Result.Ok();
    }

    /// <summary>督办: a notice to the lead department, which it must acknowledge; a new notice replaces an acknowledged one.</summary>
    public Result Supervise(string notice, DateTimeOffset now)
    {
        if (Status is not (WorkOrderStatus.Dispatched or WorkOrderStatus.Signed) || LeadDepartment is null)
        {
            return Wrong("督办");
        }

        (SupervisionNotice, SupervisedAt, SupervisionAcknowledgedAt) = (notice, now, null);
        return Result.Ok();
    }

    public Result AcknowledgeSupervision(DateTimeOffset now)
    {
        if (SupervisedAt is null || SupervisionAcknowledgedAt is not null)
        {
            return Error.Conflict("work-order:no-supervision", "该工单没有待签收的督办通知");
        }

        SupervisionAcknowledgedAt = now;
        return Result.Ok();
    }

    /// <summary>并单: this order repeats <paramref name="parent"/>; it ends here and follows the parent's outcome.</summary>
    public Result MergeInto(WorkOrder parent, DateTimeOffset now)
    {
        if (Status != WorkOrderStatus.Received)
        {
            return Wrong("并单");
        }

        if (parent.Id == Id || parent.Status == WorkOrderStatus.Merged)
        {
            return Error.Field("parentId", "请选择另一张未被合并的工单作为主单");
        }

        (Status, ParentId, ClosedAt) = (WorkOrderStatus.Merged, parent.Id, now);
        return Result.Ok();
    }

    /// <summary>办结 by the centre without a department: a 表扬 recorded, a call that needs nothing more; the reason is the reply.</summary>
    public Result Close(string reason, DateTimeOffset now)
    {
        if (Status != WorkOrderStatus.Received)
        {
            return Wrong("办结");
        }

        (Status, Reply, RepliedAt, ClosedAt) = (WorkOrderStatus.Closed, reason, now, now);
        return Result.Ok();
    }

    /// <summary>
    /// 重办 after a 不满意 rating of the result: back to the department that handled it (an order answered on the line goes
    /// back to the centre), due again in <paramref name="dueAt"/>. False when the order may not reopen any more.
    /// </summary>
    public bool Reopen(int maxReopens, DateTimeOffset dueAt, bool provisional)
    {
        if (Status is not (WorkOrderStatus.Closed or WorkOrderStatus.Answered) || Reopens >= maxReopens)
        {
            return false;
        }

        Status = LeadDepartment is null ? WorkOrderStatus.Received : WorkOrderStatus.Signed;
        (Reopens, DueAt, DueProvisional, DeadlineState, ClosedAt, SupervisedAt, SupervisionNotice, SupervisionAcknowledgedAt) =
            (Reopens + 1, dueAt, provisional, WorkOrderDeadline.Normal, null, null, null, null);
        return true;
    }

    /// <summary>
    /// Where the order stands against its due time at <paramref name="now"/>: 超期 past it; 预警 when the day it is due is
    /// the next working day or today (an urgent order: six hours before). True when the state changed.
    /// </summary>
    public bool UpdateDeadline(DateTimeOffset now, DateOnly today, DateOnly? nextWorkingDay)
    {
        if (!IsRunning)
        {
            return false;
        }

        var dueDay = DateOnly.FromDateTime(DueAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var state = now > DueAt ? WorkOrderDeadline.Overdue
            : Urgency == WorkOrderUrgency.Urgent ? (now > DueAt.AddHours(-6) ? WorkOrderDeadline.Warning : WorkOrderDeadline.Normal)
            : dueDay <= today || (nextWorkingDay is { } next && dueDay <= next) ? WorkOrderDeadline.Warning : WorkOrderDeadline.Normal;
        if (state <= DeadlineState)
        {
            return false;
        }

        DeadlineState = state;
        return true;
    }
}

/// <summary>A step of an order's timeline: what happened, when, by whom, with a note.</summary>
internal sealed class WorkOrderStep
{
    public Guid Id { get; set; }

    public Guid WorkOrderId { get; set; }

    public DateTimeOffset At { get; set; }

    public string Action { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string Note { get; set; } = "";
}
