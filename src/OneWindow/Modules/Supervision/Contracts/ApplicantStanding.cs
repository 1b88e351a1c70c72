namespace OneWindow.Modules.Supervision.Contracts;

/// <summary>Why an applicant may not apply: a 行业禁入 ban, or 告知承诺 blocked after a false pledge; with where it came from.</summary>
/// <param name="Code"><c>banned</c> or <c>pledge-blocked</c>.</param>
public sealed record StandingRefusal(string Code, string Title, string Detail);

/// <summary>What supervision holds about an applicant that an approval reads (秒批 facts).</summary>
public sealed record ApplicantRecord(int CreditMarks, int ActiveBans, DateOnly? PledgeBlockedUntil);

/// <summary>Asked by Intake before a submission is written: supervision's bans reach approvals (审管联动).</summary>
public interface IApplicantStanding
{
    /// <summary>
    /// Null when the applicant may apply for the item; otherwise the ban on an item of this code or licence type, or, for a
    /// 告知承诺 application, the block a false pledge left.
    /// </summary>
    Task<StandingRefusal?> CheckAsync(string applicantCode, string itemCode, string? licenseType, bool pledgeApproval, CancellationToken ct = default);

    Task<ApplicantRecord> RecordAsync(string applicantCode, CancellationToken ct = default);
}
