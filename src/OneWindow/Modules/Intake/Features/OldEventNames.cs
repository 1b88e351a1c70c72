using System.Text.Json;
using OneWindow.Modules.Intake.Contracts;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// Messages stored before the facts had types (version 1 of <c>intake.case-changed</c> and <c>intake.bundle-changed</c>:
/// one shape with an <c>action</c> string). Their payload has every field of today's <see cref="CaseEvent"/> and
/// <see cref="BundleEvent"/>, so each is read as the fact its action names (ADR 0017).
/// </summary>
internal static class OldEventNames
{
    public const string CaseChanged = "intake.case-changed";

    public const string BundleChanged = "intake.bundle-changed";

    public static Type? CaseEventOf(string payload) => ActionOf(payload) switch
    {
        "CaseSubmitted" => typeof(CaseSubmitted),
        "CaseAccepted" => typeof(CaseAccepted),
        "CaseAcceptedWithDeferral" => typeof(CaseAcceptedWithDeferral),
        "SupplementRequested" => typeof(CaseSupplementRequested),
        "Supplemented" => typeof(CaseSupplemented),
        "PledgeFulfilled" => typeof(CasePledgeFulfilled),
        "CaseDeclined" => typeof(CaseDeclined),
        "CaseReviewed" => typeof(CaseReviewed),
        "CaseApproved" => typeof(CaseGranted),
        "CaseDenied" => typeof(CaseDenied),
        "CaseCompleted" => typeof(CaseCompleted),
        "CaseWithdrawn" => typeof(CaseWithdrawn),
        "CaseTerminated" => typeof(CaseTerminated),
        "CaseSuspended" => typeof(CaseSuspended),
        "CaseDeadlineWarning" => typeof(CaseDeadlineWarning),
        "CaseOverdue" => typeof(CaseOverdue),
        "SpecialProcedureStarted" => typeof(CaseSpecialProcedureStarted),
        "SpecialProcedureEnded" => typeof(CaseSpecialProcedureEnded),
        _ => null,
    };

    public static Type? BundleEventOf(string payload) => ActionOf(payload) switch
    {
        "BundleSubmitted" => typeof(BundleSubmitted),
        "BundleAccepted" => typeof(BundleAccepted),
        "BundleSupplementRequested" => typeof(BundleSupplementRequested),
        "BundleSupplemented" => typeof(BundleSupplemented),
        "BundleDecided" => typeof(BundleDecided),
        "BundleStopped" => typeof(BundleStopped),
        "BundleCompleted" => typeof(BundleCompleted),
        _ => null,
    };

    private static string? ActionOf(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String ? action.GetString() : null;
    }
}
