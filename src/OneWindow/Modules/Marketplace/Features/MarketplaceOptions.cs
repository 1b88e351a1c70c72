namespace OneWindow.Modules.Marketplace.Features;

/// <summary>中介超市 rules (Marketplace section).</summary>
internal sealed class MarketplaceOptions
{
    /// <summary>直接选取 is allowed only for budgets up to this (yuan).</summary>
    public decimal DirectThreshold { get; set; } = 100_000m;

    /// <summary>公示 lasts this many working days after the selection.</summary>
    public int PublicityWorkingDays { get; set; } = 3;

    /// <summary>Sign-up stays open at least this many hours after publishing.</summary>
    public int MinSignUpHours { get; set; } = 1;

    public bool ExpiryJob { get; set; } = true;

    public int ExpiryScanSeconds { get; set; } = 3600;
}
