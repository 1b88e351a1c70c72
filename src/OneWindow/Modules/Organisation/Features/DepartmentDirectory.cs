using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Organisation.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform;

namespace OneWindow.Modules.Organisation.Features;

/// <summary>The module's side of <see cref="IDepartmentDirectory"/>.</summary>
internal sealed class DepartmentDirectory(AppDbContext db, DivisionRegistry divisions) : IDepartmentDirectory
{
    public async Task<DepartmentInfo?> FindAsync(string code, CancellationToken ct = default)
    {
        var d = await db.Set<Department>().AsNoTracking().SingleOrDefaultAsync(x => x.Code == code, ct);
        return d is null ? null : ToInfo(d);
    }

    /// <summary>Names of many departments at once (for lists in other modules).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var list = codes.Distinct().ToList();
        return await db.Set<Department>().AsNoTracking().Where(d => list.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
    }

    public async Task<IReadOnlyDictionary<string, DepartmentInfo>> FindManyAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var list = codes.Distinct().ToList();
        return (await db.Set<Department>().AsNoTracking().Where(d => list.Contains(d.Code)).ToListAsync(ct)).ToDictionary(d => d.Code, ToInfo);
    }

    public async Task<IReadOnlyList<DepartmentInfo>> InRegionAsync(string region, CancellationToken ct = default) =>
        (await SearchAsync(null, region, 1, 100, ct)).Items;

    /// <summary>Substring search on name and description; the same LIKE works on SQLite and PostgreSQL for Chinese text.</summary>
    public async Task<Page<DepartmentInfo>> SearchAsync(string? q, string? region, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = db.Set<Department>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            query = query.Where(d => d.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(d => EF.Functions.Like(d.Name, pattern, "\\") || EF.Functions.Like(d.Description, pattern, "\\"));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(d => d.RegionCode).ThenBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<DepartmentInfo>([.. rows.Select(ToInfo)], total, page, pageSize);
    }

    private DepartmentInfo ToInfo(Department d) =>
        new(d.Code, d.Name, d.ShortName, d.RegionCode, divisions.FullName(d.RegionCode) ?? d.RegionCode, d.Description, d.Address, d.Phone);
}
