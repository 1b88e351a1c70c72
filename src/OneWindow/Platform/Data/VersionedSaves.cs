using Microsoft.EntityFrameworkCore;

namespace OneWindow.Platform.Data;

/// <summary>
/// The one write path of a change to a versioned record (IVersioned): the caller's If-Match version checked, the change applied
/// (nothing is written when it refuses), its audit entry added, and the save — or 409 (<see cref="Error.StaleWrite"/>) when someone
/// changed the record first.
/// </summary>
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

    /// <param name="record">Adds the step's audit entry (after the change succeeded, before the save).</param>
    /// <param name="view">What the caller answers with, read from the saved record.</param>
    public static async Task<Result<TView>> ChangeVersionedAsync<T, TView>(
        this AppDbContext db, T entity, int? version, Func<T, Task<Result>> change, Action<T> record, Func<T, TView> view, CancellationToken ct)
        where T : class, IVersioned
    {
        if (version is { } v && v != entity.Version)
        {
            return Error.StaleWrite;
        }

        var done = await change(entity);
        if (!done.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return done.Error!;
        }

        record(entity);
        var saved = await db.SaveOrStaleAsync(ct);
        return saved.IsSuccess ? view(entity) : saved.Error!;
    }
}
