namespace OneWindow.Modules.Intake;

/// <summary>Settings of the Intake section.</summary>
public sealed class IntakeOptions
{
    /// <summary>
    /// 办件编号 pattern: <c>{region}</c>, <c>{date:FORMAT}</c> (China date), <c>{seq:FORMAT}</c> (daily
    /// sequence per region) and literal text. The default reads 371600-20261122-000042; keep region and
    /// date first and the sequence zero-padded so numbers sort by region and day.
    /// </summary>
    public string NumberFormat { get; set; } = "{region}-{date:yyyyMMdd}-{seq:000000}";

    /// <summary>预警 (yellow) once this share of the committed working days is used; 超期 (red) after the due date.</summary>
    public double WarningShare { get; set; } = 0.8;

    /// <summary>Whether this instance runs the deadline job (several instances may; each change is a checked update).</summary>
    public bool DeadlineJob { get; set; } = true;

    /// <summary>How often the deadline job looks at running cases.</summary>
    public int DeadlineScanSeconds { get; set; } = 300;
}
