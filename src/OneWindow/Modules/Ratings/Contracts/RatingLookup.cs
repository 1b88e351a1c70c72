using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Ratings.Contracts;

/// <summary>Whether a service event has been rated (pages of other modules offer the rating only once).</summary>
public interface IRatingLookup
{
    Task<int?> LevelAsync(string subjectType, Guid subjectId, CancellationToken ct = default);

    static string Label(int level) => Rating.Label(level);
}
