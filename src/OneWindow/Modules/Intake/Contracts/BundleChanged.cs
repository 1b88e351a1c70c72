using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>
/// A 一件事 application moved as a whole (BundleSubmitted, BundleAccepted, BundleSupplementRequested with the
/// combined 一次性告知, BundleSupplemented, BundleLicensesReleased, BundleStopped, BundleCompleted): the
/// applicant is told once for the bundle, not once per sub-case.
/// </summary>
[EventName("intake.bundle-changed")]
public sealed record BundleChanged(
    Guid BundleApplicationId, string Number, string BundleName, string Action, string? ApplicantUserId, string ApplicantMobile, string RegionCode) : IIntegrationEvent
{
    /// <summary>Extra words for the message: the combined deficiency list, the reason a bundle stopped.</summary>
    public string? Detail { get; init; }

    /// <summary>With BundleDecided: the sub-cases granted (their licences are released now when the bundle issues jointly).</summary>
    public IReadOnlyList<Guid>? GrantedCases { get; init; }

    /// <summary>The helper (帮办代办) following the application: told of deficiencies and outcomes too.</summary>
    public string? HelperUserId { get; init; }

    internal static BundleChanged Of(BundleApplication a, string action, string? detail = null) =>
        new(a.Id, a.Number, a.BundleName, action, a.ApplicantUserId, a.ApplicantMobile, a.RegionCode) { Detail = detail, HelperUserId = a.HelperUserId };
}
