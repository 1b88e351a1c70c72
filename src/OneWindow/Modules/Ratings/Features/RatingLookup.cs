using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Ratings.Features;

/// <summary>The module's side of <see cref="IRatingLookup"/>.</summary>
internal sealed class RatingLookup(AppDbContext db) : IRatingLookup
{
    public async Task<int?> LevelAsync(string subjectType, Guid subjectId, CancellationToken ct = default)
    {
        if (!Enum.TryParse<RatingSubject>(subjectType, ignoreCase: true, out var type))
        {
            return null;
        }

        var id = subjectId.ToString();
        return await db.Set<Rating>().AsNoTracking().Where(r => r.SubjectType == type && r.SubjectId == id && !r.ByCallback).Select(r => (int?)r.Level).FirstOrDefaultAsync(ct);
    }
}
