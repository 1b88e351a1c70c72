using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>A case moved (CaseSubmitted, CaseAccepted, CaseApproved, …): for notifications, licences, supervision.</summary>
[EventName("intake.case-changed")]
public sealed record CaseChanged(Guid CaseId, string Number, string ItemName, string Action, string Status, string? ApplicantUserId, string ApplicantMobile, string RegionCode) : IIntegrationEvent;
