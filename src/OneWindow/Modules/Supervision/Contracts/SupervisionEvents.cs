using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Supervision.Contracts;

/// <summary>An approval result reached its supervising department: its officers (监管人员) are told to claim it.</summary>
[EventName("supervision.item-pushed")]
public sealed record SupervisionItemPushed(Guid ItemId, string CaseNumber, string ItemName, string HolderName, string SupervisingDepartment, string RegionCode, DateOnly ClaimBy, string What)
    : IIntegrationEvent;

/// <summary>Nobody claimed it in time: the department's head hears of the 通报.</summary>
[EventName("supervision.item-auto-claimed")]
public sealed record SupervisionItemAutoClaimed(Guid ItemId, string CaseNumber, string ItemName, string SupervisingDepartment, string RegionCode) : IIntegrationEvent;

/// <summary>
/// Supervision fed a result back to the approval side (a measure, or a failed 告知承诺 post-check): the approving department's
/// approvers and head are told.
/// </summary>
[EventName("supervision.feedback-given")]
public sealed record SupervisionFeedbackGiven(string CaseNumber, string ItemName, string HolderName, string ApprovingDepartment, string SupervisingDepartmentName, string Measure, string Reason, string RegionCode)
    : IIntegrationEvent;
