namespace OneWindow.Modules.Supervision.Features;

/// <summary>The <c>Supervision</c> configuration section.</summary>
internal sealed class SupervisionOptions
{
    /// <summary>认领时限: working days after the push within which the department claims an item (demo 3); after that it is auto-claimed and reported.</summary>
    public int ClaimWorkingDays { get; set; } = 3;

    /// <summary>事后核查: working days after a 告知承诺 grant within which the post-check is due (demo 30).</summary>
    public int PostCheckWorkingDays { get; set; } = 30;

    /// <summary>After a false pledge (承诺不实), the days during which the applicant may not use 告知承诺 again.</summary>
    public int PledgeBlockDays { get; set; } = 365;

    public bool AutoClaimJob { get; set; } = true;

    public int AutoClaimScanSeconds { get; set; } = 300;
}
