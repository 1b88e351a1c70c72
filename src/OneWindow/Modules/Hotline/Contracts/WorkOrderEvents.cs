using System.Text.Json.Serialization;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Hotline.Contracts;

/// <summary>
/// A fact about one 12345 work order, as other modules hear it: one record type per fact, as cases have
/// (<c>CaseEvent</c>). Each carries the order as it stood after the step; never the caller.
/// </summary>
public abstract record WorkOrderEvent : IIntegrationEvent
{
    public Guid WorkOrderId { get; init; }

    public string Number { get; init; } = "";

    /// <summary>The order's status after the step (<c>Dispatched</c>, <c>Closed</c> …).</summary>
    public string Status { get; init; } = "";

    public string RegionCode { get; init; } = "";

    /// <summary>The 主办 department, once dispatched (for alerts to its handlers).</summary>
    public string? LeadDepartment { get; init; }

    /// <summary>The step's note as the timeline shows it.</summary>
    public string Note { get; init; } = "";

    /// <summary>The Beijing date the order was received.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>The Beijing date it was 办结 (closed, or answered on the line), while it stands closed; null otherwise (and when merged).</summary>
    public DateOnly? FinishedOn { get; init; }

    /// <summary>Whether it was 办结 by its due time (with <see cref="FinishedOn"/>).</summary>
    public bool FinishedOnTime { get; init; }

    /// <summary>On <see cref="WorkOrderReopened"/>: the 办结 it undoes (its day and whether it was on time), so the city's figures count the order once.</summary>
    public DateOnly? UndoesFinishOn { get; init; }

    public bool UndoesFinishOnTime { get; init; }

    /// <summary>The name the step is kept under on the timeline and the audit chain (stored data: it stays when the type is renamed).</summary>
    [JsonIgnore]
    public abstract string AuditAction { get; }
}

[EventName("hotline.received")]
public sealed record WorkOrderReceived : WorkOrderEvent { public override string AuditAction => "WorkOrderReceived"; }

/// <summary>直接办结: a 咨询 answered on the line from the 知识库.</summary>
[EventName("hotline.answered")]
public sealed record WorkOrderAnswered : WorkOrderEvent { public override string AuditAction => "WorkOrderAnswered"; }

[EventName("hotline.dispatched")]
public sealed record WorkOrderDispatched : WorkOrderEvent { public override string AuditAction => "WorkOrderDispatched"; }

[EventName("hotline.signed")]
public sealed record WorkOrderSigned : WorkOrderEvent { public override string AuditAction => "WorkOrderSigned"; }

[EventName("hotline.returned")]
public sealed record WorkOrderReturned : WorkOrderEvent { public override string AuditAction => "WorkOrderReturned"; }

[EventName("hotline.replied")]
public sealed record WorkOrderReplied : WorkOrderEvent { public override string AuditAction => "WorkOrderReplied"; }

/// <summary>审核: accepted (the order closes) or sent back to the department.</summary>
[EventName("hotline.reviewed")]
public sealed record WorkOrderReviewed : WorkOrderEvent { public override string AuditAction => "WorkOrderReviewed"; }

/// <summary>延期 asked for by the lead department.</summary>
[EventName("hotline.extension-requested")]
public sealed record WorkOrderExtensionRequested : WorkOrderEvent { public override string AuditAction => "WorkOrderExtensionRequested"; }

/// <summary>延期 granted by the centre: the due date moved.</summary>
[EventName("hotline.extended")]
public sealed record WorkOrderExtended : WorkOrderEvent { public override string AuditAction => "WorkOrderExtended"; }

/// <summary>督办: a notice the lead department must acknowledge.</summary>
[EventName("hotline.supervised")]
public sealed record WorkOrderSupervised : WorkOrderEvent { public override string AuditAction => "WorkOrderSupervised"; }

[EventName("hotline.supervision-acknowledged")]
public sealed record WorkOrderSupervisionAcknowledged : WorkOrderEvent { public override string AuditAction => "WorkOrderSupervisionAcknowledged"; }

/// <summary>Merged into an earlier order as a duplicate: it follows the parent's outcome.</summary>
[EventName("hotline.merged")]
public sealed record WorkOrderMerged : WorkOrderEvent { public override string AuditAction => "WorkOrderMerged"; }

/// <summary>Closed by the centre without a department (表扬 recorded, a repeated call), or after the last 重办.</summary>
[EventName("hotline.closed")]
public sealed record WorkOrderClosed : WorkOrderEvent { public override string AuditAction => "WorkOrderClosed"; }

/// <summary>重办: the caller rated the result 不满意; the department handles it again.</summary>
[EventName("hotline.reopened")]
public sealed record WorkOrderReopened : WorkOrderEvent { public override string AuditAction => "WorkOrderReopened"; }

/// <summary>预警: the reply is due within a working day (urgent: six hours).</summary>
[EventName("hotline.deadline-warning")]
public sealed record WorkOrderDeadlineWarning : WorkOrderEvent { public override string AuditAction => "WorkOrderDeadlineWarning"; }

[EventName("hotline.overdue")]
public sealed record WorkOrderOverdue : WorkOrderEvent { public override string AuditAction => "WorkOrderOverdue"; }

/// <summary>补充: the Open311 client that filed the order added to it (FixMyStreet's <c>servicerequestupdates</c>).</summary>
[EventName("hotline.supplemented")]
public sealed record WorkOrderSupplemented : WorkOrderEvent { public override string AuditAction => "WorkOrderSupplemented"; }
