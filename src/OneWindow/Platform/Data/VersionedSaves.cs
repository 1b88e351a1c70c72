using Microsoft.EntityFrameworkCore;

namespace OneWindow.Platform.Data;

/// <summary>The one save of a versioned record's change: saved, or 409 (<see cref="Error.StaleWrite"/>) when someone changed it first.</summary>
public static class VersionedSaves
{
    public static async Task<Result> SaveOrStaleAsync(this AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.StaleWrite;
        }
    }
}
