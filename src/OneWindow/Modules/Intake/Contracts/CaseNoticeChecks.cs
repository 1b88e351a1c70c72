using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Platform;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>A notice's QR string checked: the e-seal, and whether the notice is on the case's record.</summary>
/// <param name="Status">issued (sealed and on record), invalid (the seal does not hold), unknown (sealed but not on record).</param>
public sealed record NoticeCheck(bool Valid, string Status, string Message, SealedFacts? Facts, string? Kid);

/// <summary>Checks a sealed notice (文书) of a case; the public /verify page checks licences and notices alike.</summary>
public interface ICaseNoticeChecks
{
    /// <summary>Whether <paramref name="payload"/> is a notice's string at all (its prefix).</summary>
    static bool IsNotice(string? payload) => payload?.TrimStart().StartsWith("DN1:", StringComparison.Ordinal) == true;

    /// <summary>A field error on <c>payload</c> when it is not a sealed string.</summary>
    Task<Result<NoticeCheck>> CheckAsync(string? payload, CancellationToken ct);
}
