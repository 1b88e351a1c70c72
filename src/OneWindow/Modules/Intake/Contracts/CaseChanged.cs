using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>
/// A case moved (CaseSubmitted, CaseAccepted, CaseApproved, …) or its deadline state changed
/// (CaseDeadlineWarning, CaseOverdue): for notifications, licences, supervision.
/// </summary>
[EventName("intake.case-changed")]
public sealed record CaseChanged(Guid CaseId, string Number, string ItemName, string Action, string Status, string? ApplicantUserId, string ApplicantMobile, string RegionCode) : IIntegrationEvent
{
    /// <summary>The owning department (for alerts to its officers).</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>How the case ended, once it has (办结（容缺通过）, 终止（逾期未补正）, ...).</summary>
    public string? Outcome { get; init; }

    /// <summary>The 一件事 application the case belongs to: the applicant hears of the bundle as a whole (<see cref="BundleChanged"/>).</summary>
    public Guid? BundleApplicationId { get; init; }
}
