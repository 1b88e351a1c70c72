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

/// <summary>The loop of 国办发〔2020〕53号 as far as ADR 0022's slice 2 goes: 受理 → 派单 → 签收 → 回复 → 审核 → 办结.</summary>
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

    /// <summary>办结: the centre accepted the reply; the caller was told.</summary>
    Closed,
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

    public int Version { get; set; }

    public List<WorkOrderStep> Steps { get; set; } = [];

    private Result Wrong(string doing) =>
        Error.Conflict("work-order:wrong-state", $"工单当前状态为“{HotlineCategories.Label(Status)}”，不能{doing}");

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
