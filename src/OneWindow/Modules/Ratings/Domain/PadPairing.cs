namespace OneWindow.Modules.Ratings.Domain;

/// <summary>
/// A one-time code an officer shows to pair a counter's rating pad (评价器). The pad types it once and from then on
/// runs without anyone's session; the code is kept only as a hash, lasts minutes, and works once.
/// </summary>
internal sealed class PadPairing
{
    public Guid Id { get; set; }

    public Guid CounterId { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>SHA-256 of the six digits, hex.</summary>
    public string CodeHash { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
