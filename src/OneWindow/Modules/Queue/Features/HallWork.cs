using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>
/// The one unit of work of a hall's queue. It opens a transaction and first bumps the hall's stamp:
/// on PostgreSQL that row lock, on SQLite the write lock, makes every queue change of the hall wait
/// for the one before it, so "call next" reads a queue nobody else is changing (no ticket is called
/// twice, no number repeats, no slot is overbooked). The changes, their audit entries and the stamp
/// commit together; after the commit the display feed is told (ADR 0014).
/// </summary>
internal sealed class HallWork(AppDbContext db, HallDisplayFeed feed)
{
    public static readonly Error HallNotFound = Error.NotFound("hall:not-found", "服务大厅不存在");

    private static readonly Error Changed = Error.Conflict("queue:changed", "排队信息已被他人更新，请刷新后重试");

    public async Task<Result<T>> RunAsync<T>(Guid hallId, Func<Hall, Task<Result<T>>> work, CancellationToken ct)
    {
        // The hall's set-up (groups, hours) is read before the lock: the lock covers only the queue itself.
        var hall = await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
        {
            return HallNotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<Hall>().Where(h => h.Id == hallId).ExecuteUpdateAsync(s => s.SetProperty(h => h.Stamp, h => h.Stamp + 1), ct);
        var result = await work(hall);
        if (!result.IsSuccess)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return result;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed;
        }

        feed.Changed(hallId);
        return result;
    }
}
