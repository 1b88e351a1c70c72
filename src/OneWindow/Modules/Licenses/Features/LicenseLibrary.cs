using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>The module's side of <see cref="ILicenseLibrary"/>.</summary>
internal sealed class LicenseLibrary(AppDbContext db, TimeProvider clock) : ILicenseLibrary
{
    /// <summary>The licences issued for these cases, oldest first.</summary>
    public async Task<IReadOnlyList<CaseLicense>> ForCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct = default) =>
        (await db.Set<License>().AsNoTracking().Where(l => caseIds.Contains(l.CaseId)).OrderBy(l => l.IssuedAt)
            .Select(l => new { l.Id, l.CaseId, l.LicenseNumber, l.TypeName, l.IssuerName, l.IssuedAt, l.Status }).ToListAsync(ct))
            .Select(l => new CaseLicense(l.Id, l.CaseId, l.LicenseNumber, l.TypeName, l.IssuerName, l.IssuedAt, l.Status.InJson())).ToList();

    /// <summary>The holder's active, unexpired licences of the given types, newest first.</summary>
    public async Task<IReadOnlyList<HeldLicense>> ValidAsync(string holderCode, IReadOnlyCollection<string> types, CancellationToken ct = default)
    {
        var today = clock.TodayInChina();
        return await db.Set<License>().AsNoTracking()
            .Where(l => l.HolderCode == holderCode && types.Contains(l.TypeCode) && l.Status == LicenseStatus.Active
                        && (l.ValidUntil == null || l.ValidUntil >= today))
            .OrderByDescending(l => l.IssuedAt)
            .Select(l => new HeldLicense(l.LicenseNumber, l.TypeCode, l.TypeName, l.ValidUntil)).ToListAsync(ct);
    }
}
