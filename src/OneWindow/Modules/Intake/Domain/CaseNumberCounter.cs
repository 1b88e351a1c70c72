namespace OneWindow.Modules.Intake.Domain;

/// <summary>The last case number handed out in one region on one day (办件编号 = region + date + sequence).</summary>
internal sealed class CaseNumberCounter
{
    public string RegionCode { get; set; } = "";

    /// <summary>yyyyMMdd, China date.</summary>
    public string Day { get; set; } = "";

    public long LastValue { get; set; }
}
