using System.Text.Json.Serialization;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>
/// A fact about one case, as other modules hear it: one record type per fact (<see cref="CaseGranted"/>,
/// <see cref="CaseOverdue"/> …), so a handler subscribes by type and a renamed fact is a compile error
/// wherever it is used. Each carries the case as it stood after the step.
/// </summary>
public abstract record CaseEvent : IIntegrationEvent
{
    public Guid CaseId { get; init; }

    public string Number { get; init; } = "";

    public string ItemName { get; init; } = "";

    /// <summary>The case's status after the step (<c>Accepted</c>, <c>Decided</c> …).</summary>
    public string Status { get; init; } = "";

    public string? ApplicantUserId { get; init; }

    public string ApplicantMobile { get; init; } = "";

    public string RegionCode { get; init; } = "";

    /// <summary>The owning department (for alerts to its officers).</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>How the case ended, once it has (办结（容缺通过）, 终止（逾期未补正）, ...).</summary>
    public string? Outcome { get; init; }

    /// <summary>The 一件事 application the case belongs to: the applicant hears of the bundle as a whole (<see cref="BundleEvent"/>).</summary>
    public Guid? BundleApplicationId { get; init; }

    /// <summary>How the case came in: <c>Online</c>, <c>Counter</c>, <c>Assisted</c>, <c>Postal</c> (政邮商, with <see cref="PickupId"/>).</summary>
    public string Channel { get; init; } = "";

    /// <summary>The 上门办 pickup the case's materials came from (channel 政邮商).</summary>
    public Guid? PickupId { get; init; }

    /// <summary>How the result goes out once completed (<c>Counter</c> or <c>Post</c>), and where it is mailed when known.</summary>
    public string? Delivery { get; init; }

    public PostalAddress? PostTo { get; init; }

    /// <summary>The item's code (a county's implementation has its own, <c>{basic}-{region}</c>).</summary>
    public string ItemCode { get; init; } = "";

    /// <summary>The day it was 受理 (the clock started), once it was.</summary>
    public DateOnly? AcceptedOn { get; init; }

    /// <summary>The committed 办结 date, once accepted.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The day it was 办结, once it was.</summary>
    public DateOnly? CompletedOn { get; init; }

    /// <summary>一窗受理: accepted by a clerk at the 综合窗口 (not by the item's own approver, not by the rules).</summary>
    public bool OneWindow { get; init; }

    /// <summary>即办 or decided by the system at submission (秒批, 告知承诺).</summary>
    public bool Instant { get; init; }

    /// <summary>Whether the applicant was ever asked to 补正 (a case without is 一次办成).</summary>
    public bool HadCorrection { get; init; }

    /// <summary>办理时长 in working days, once 办结 (acceptance to completion, less the days the clock stood still).</summary>
    public int? WorkingDays { get; init; }

    /// <summary>
    /// The name the step is kept under in the case's audit trail and timeline (<c>timeline[].action</c>). It is
    /// stored data, like the event name: it stays when the type is renamed (a granted case's entries say
    /// <c>CaseApproved</c>, as they always have).
    /// </summary>
    [JsonIgnore]
    public abstract string AuditAction { get; }
}

[EventName("intake.case-submitted")]
public sealed record CaseSubmitted : CaseEvent { public override string AuditAction => "CaseSubmitted"; }

[EventName("intake.case-accepted")]
public sealed record CaseAccepted : CaseEvent { public override string AuditAction => "CaseAccepted"; }

/// <summary>容缺受理: accepted with secondary materials deferred under a pledge.</summary>
[EventName("intake.case-accepted-with-deferral")]
public sealed record CaseAcceptedWithDeferral : CaseEvent { public override string AuditAction => "CaseAcceptedWithDeferral"; }

/// <summary>一次性告知: the clock pauses until the applicant supplements.</summary>
[EventName("intake.case-supplement-requested")]
public sealed record CaseSupplementRequested : CaseEvent { public override string AuditAction => "SupplementRequested"; }

[EventName("intake.case-supplemented")]
public sealed record CaseSupplemented : CaseEvent { public override string AuditAction => "Supplemented"; }

/// <summary>The deferred (容缺) materials were handed in.</summary>
[EventName("intake.case-pledge-fulfilled")]
public sealed record CasePledgeFulfilled : CaseEvent { public override string AuditAction => "PledgeFulfilled"; }

/// <summary>不予受理.</summary>
[EventName("intake.case-declined")]
public sealed record CaseDeclined : CaseEvent { public override string AuditAction => "CaseDeclined"; }

[EventName("intake.case-reviewed")]
public sealed record CaseReviewed : CaseEvent { public override string AuditAction => "CaseReviewed"; }

/// <summary>准予许可: licences are issued from this fact.</summary>
[EventName("intake.case-granted")]
public sealed record CaseGranted : CaseEvent { public override string AuditAction => "CaseApproved"; }

/// <summary>不予许可.</summary>
[EventName("intake.case-denied")]
public sealed record CaseDenied : CaseEvent { public override string AuditAction => "CaseDenied"; }

/// <summary>办结 and 出件.</summary>
[EventName("intake.case-completed")]
public sealed record CaseCompleted : CaseEvent { public override string AuditAction => "CaseCompleted"; }

[EventName("intake.case-withdrawn")]
public sealed record CaseWithdrawn : CaseEvent { public override string AuditAction => "CaseWithdrawn"; }

/// <summary>Ended without a decision: the supplement window passed, a 容缺 pledge was broken, its 一件事 stopped.</summary>
[EventName("intake.case-terminated")]
public sealed record CaseTerminated : CaseEvent { public override string AuditAction => "CaseTerminated"; }

/// <summary>中止: a broken 容缺 pledge on an item that suspends rather than ends.</summary>
[EventName("intake.case-suspended")]
public sealed record CaseSuspended : CaseEvent { public override string AuditAction => "CaseSuspended"; }

/// <summary>预警: most of the committed working days are used.</summary>
[EventName("intake.case-deadline-warning")]
public sealed record CaseDeadlineWarning : CaseEvent { public override string AuditAction => "CaseDeadlineWarning"; }

/// <summary>超期: the committed date has passed.</summary>
[EventName("intake.case-overdue")]
public sealed record CaseOverdue : CaseEvent { public override string AuditAction => "CaseOverdue"; }

/// <summary>A 特别程序 (联合评审, 现场踏勘) began: the case's clock stops.</summary>
[EventName("intake.case-special-procedure-started")]
public sealed record CaseSpecialProcedureStarted : CaseEvent { public override string AuditAction => "SpecialProcedureStarted"; }

/// <summary>The 特别程序 concluded: the clock resumes, the due date moved by its working days.</summary>
[EventName("intake.case-special-procedure-ended")]
public sealed record CaseSpecialProcedureEnded : CaseEvent { public override string AuditAction => "SpecialProcedureEnded"; }

/// <summary>A mailing address (邮寄送达): the recipient, their mobile, the county-level region code (GB/T 2260) and the rest of the address.</summary>
public sealed record PostalAddress(string Recipient, string Mobile, string RegionCode, string Line);
