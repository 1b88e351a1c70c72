using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Organisation.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Organisation.Contracts;

public sealed record DepartmentInfo(string Code, string Name, string ShortName, string RegionCode, string RegionName, string Description, string Address, string Phone);


/// <summary>What other modules may ask about departments.</summary>
public interface IDepartmentDirectory
{
    Task<DepartmentInfo?> FindAsync(string code, CancellationToken ct = default);

    /// <summary>Names of many departments at once (for lists in other modules).</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct = default);

    /// <summary>Many departments at once, by code (one query); unknown codes are left out.</summary>
    Task<IReadOnlyDictionary<string, DepartmentInfo>> FindManyAsync(IEnumerable<string> codes, CancellationToken ct = default);

    Task<IReadOnlyList<DepartmentInfo>> InRegionAsync(string region, CancellationToken ct = default);

    /// <summary>Substring search on name and description; the same LIKE works on SQLite and PostgreSQL for Chinese text.</summary>
    Task<Page<DepartmentInfo>> SearchAsync(string? q, string? region, int page, int pageSize, CancellationToken ct = default);
}
