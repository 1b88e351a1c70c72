using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Ratings.Contracts;

/// <summary>Whether a service event has been rated (pages of other modules offer the rating only once).</summary>
public sealed class RatingLookup(AppDbContext db)
{
    public async Task<int?> LevelAsync(string subjectType, Guid subjectId, CancellationToken ct = default)
    {
        if (!Enum.TryParse<RatingSubject>(subjectType, ignoreCase: true, out var type))
        {
            return null;
        }

        var id = subjectId.ToString();
        return await db.Set<Rating>().AsNoTracking().Where(r => r.SubjectType == type && r.SubjectId == id).Select(r => (int?)r.Level).FirstOrDefaultAsync(ct);
    }

    public static string Label(int level) => Rating.Label(level);
}
