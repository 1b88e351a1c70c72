namespace OneWindow.Modules.Organisation.Domain;

/// <summary>
/// 跨域通办 agreement between two regions (within the city, the province, or with a named city elsewhere): each side's counters
/// accept the listed items (basic codes) of the other on its behalf (代收代办); the owner decides, the accepting side hands out.
/// </summary>
internal sealed class Agreement
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>city (市内), province (省内) or other (跨省).</summary>
    public string Scope { get; set; } = "";

    public string RegionA { get; set; } = "";

    public string RegionAName { get; set; } = "";

    public string RegionB { get; set; } = "";

    public string RegionBName { get; set; } = "";

    public List<string> ItemCodes { get; set; } = [];

    public DateOnly Since { get; set; }
}
