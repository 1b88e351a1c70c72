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

/// <summary>Slice 1 of ADR 0022 knows the first state only; dispatch and the rest follow in slice 2.</summary>
internal enum WorkOrderStatus
{
    /// <summary>受理: taken, not yet answered or dispatched.</summary>
    Received,
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

    public int Version { get; set; }

    public List<WorkOrderStep> Steps { get; set; } = [];
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
