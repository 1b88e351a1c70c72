using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;

namespace OneWindow.Modules.Projects.Features;

/// <summary>Files attached to a joint review (联合评审 / 现场踏勘) are seen by whoever may see the review's project, and its departments.</summary>
internal sealed class ReviewFileAccess(AppDbContext db, Projects projects, OneWindow.Platform.ICurrentUser user) : IFileAccess
{
    public async Task<bool> MaySeeAsync(Guid fileId, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return false;
        }

        var pattern = "%" + fileId.ToString() + "%";
        var reviews = await db.Set<JointReview>().FromSqlInterpolated($"SELECT * FROM joint_reviews WHERE file_ids_json LIKE {pattern}")
            .AsNoTracking().Take(20).ToListAsync(ct);
        foreach (var review in reviews)
        {
            if (user.DepartmentCode is { } d && review.Departments.Contains(d))
            {
                return true;
            }

            if (await db.Set<ConstructionProject>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == review.ProjectId, ct) is { } project
                && await projects.CanSeeAsync(project, ct))
            {
                return true;
            }
        }

        return false;
    }
}
