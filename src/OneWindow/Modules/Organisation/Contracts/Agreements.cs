namespace OneWindow.Modules.Organisation.Contracts;

/// <summary>A 跨域通办 agreement as the public and other modules read it.</summary>
public sealed record AgreementInfo(Guid Id, string Name, string Scope, string RegionA, string RegionAName, string RegionB, string RegionBName, IReadOnlyList<string> ItemCodes, DateOnly Since);

/// <summary>跨域通办: which items one region's counters accept on another's behalf.</summary>
public interface IAgreements
{
    /// <summary>The agreement under which <paramref name="acceptingRegion"/> accepts the basic item <paramref name="basicCode"/> owned by <paramref name="ownerRegion"/>; null when none.</summary>
    Task<AgreementInfo?> CoveringAsync(string ownerRegion, string acceptingRegion, string basicCode, CancellationToken ct = default);

    Task<IReadOnlyList<AgreementInfo>> ListAsync(string? region, CancellationToken ct = default);
}
