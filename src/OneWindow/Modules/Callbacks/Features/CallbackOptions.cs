namespace OneWindow.Modules.Callbacks.Features;

/// <summary>Settings of the 回访 centre and the 办不成事 window (<c>Callbacks</c> section).</summary>
internal sealed class CallbackOptions
{
    /// <summary>A citizen who rated a service (any) in these last days is not called.</summary>
    public int RatedWithinDays { get; set; } = 7;

    /// <summary>The most tasks a day's list holds (0: every service); 补正, 容缺 and late services are always kept.</summary>
    public int DailyCapacity { get; set; }

    /// <summary>The share (percent) of each department's other services called back; <see cref="DepartmentShares"/> overrides it per department.</summary>
    public int SharePercent { get; set; } = 100;

    public Dictionary<string, int> DepartmentShares { get; set; } = [];

    /// <summary>Whether the morning job builds the day's list (on working days, from <see cref="ListFrom"/> China time), and how often it looks.</summary>
    public bool ListJob { get; set; } = true;

    public TimeOnly ListFrom { get; set; } = new(7, 0);

    public int ListScanSeconds { get; set; } = 900;

    /// <summary>Working days a 办不成事 report has to be solved or explained.</summary>
    public int UnresolvedDays { get; set; } = 3;

    /// <summary>This many reports on one item within <see cref="PatternDays"/> days flag it to the department head.</summary>
    public int PatternReports { get; set; } = 3;

    public int PatternDays { get; set; } = 30;
}
