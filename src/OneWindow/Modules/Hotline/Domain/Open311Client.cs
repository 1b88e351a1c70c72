namespace OneWindow.Modules.Hotline.Domain;

/// <summary>
/// An Open311 client (a city app, FixMyStreet, a partner's site) allowed to file requests: its <c>api_key</c> is shown
/// once when an administrator issues it and kept only as a SHA-256 hash; revoking it stops it at once.
/// </summary>
internal sealed class Open311Client
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the key (the key is 32 random bytes: no salt or slow hash is needed against guessing).</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The key's first characters, so administrators can tell keys apart.</summary>
    public string KeyPrefix { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The <see cref="WorkOrder.ReceivedById"/> of the orders this client files.</summary>
    public string Actor => $"open311:{Id:N}";
}
