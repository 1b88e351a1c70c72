using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;

namespace OneWindow.Modules.Intake.Features;

/// <summary>A case's (or bundle application's) materials are seen by its handlers (CaseAccess.SeesPersonalData), not by oversight.</summary>
internal sealed class CaseFileAccess(AppDbContext db, ICurrentUser user) : IFileAccess
{
    public async Task<bool> MaySeeAsync(Guid fileId, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return false;
        }

        // Materials are kept as JSON on the case; the file id appears there as text. (A table of case files would make this
        // an index look-up; downloads are rare enough that a scan of the materials column is what it costs for now.)
        var pattern = "%" + fileId.ToString() + "%";
        var cases = await db.Set<Case>().FromSqlInterpolated($"SELECT * FROM cases WHERE materials_json LIKE {pattern}")
            .AsNoTracking().Take(50).ToListAsync(ct);
        if (cases.Any(c => CaseAccess.SeesPersonalData(user, c)))
        {
            return true;
        }

        var bundles = await db.Set<BundleApplication>().FromSqlInterpolated($"SELECT * FROM bundle_applications WHERE materials_json LIKE {pattern}")
            .AsNoTracking().Take(50).ToListAsync(ct);
        foreach (var a in bundles)
        {
            var subCases = await db.Set<Case>().AsNoTracking().Where(c => c.BundleApplicationId == a.Id).ToListAsync(ct);
            if (CaseAccess.SeesPersonalData(user, a, subCases))
            {
                return true;
            }
        }

        return false;
    }
}
