using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>
/// The one unit of work of a hall's queue, a member of the platform's group commit (ADR 0019). Within the group's
/// transaction it bumps the hall's stamp: on PostgreSQL that row lock makes the hall's queue changes on other
/// instances wait for this one's commit (numbers, appointment capacity); within one instance the writer already runs
/// members one after the other. The changes, their audit entries and the stamp commit together; after the commit the
/// display feed is told (ADR 0014). Call next bumps the stamp after it has picked its ticket (<paramref name="stampLast"/>):
/// on PostgreSQL it claims the ticket with <c>FOR UPDATE SKIP LOCKED</c>, so other instances' calls of the same hall
/// pick other tickets meanwhile instead of waiting (ADR 0019).
/// </summary>
internal sealed class HallWork(AppDbContext db, GroupCommit writer, HallDisplayFeed feed)
{
    public static readonly Error HallNotFound = Error.NotFound("hall:not-found", "服务大厅不存在");

    private static readonly Error Changed = Error.Conflict("queue:changed", "排队信息已被他人更新，请刷新后重试");

    public async Task<Result<T>> RunAsync<T>(Guid hallId, Func<Hall, Task<Result<T>>> work, CancellationToken ct, bool stampLast = false)
    {
        // The hall's set-up (groups, hours) is read before the unit of work: it covers only the queue itself.
        var hall = await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
        {
            return HallNotFound;
        }

        Result<T> result = default!;
        var attempts = 0;
        try
        {
            await writer.RunAsync(db, async () =>
            {
                if (attempts++ > 0)
                {
                    // Run again after losing a deadlock to another instance's group: from the database, not the last attempt's changes.
                    db.ChangeTracker.Clear();
                }

                if (!stampLast)
                {
                    await StampAsync(hallId);
                }

                result = await work(hall);
                if (!result.IsSuccess)
                {
                    return false;
                }

                if (stampLast)
                {
                    await StampAsync(hallId);
                }

                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed;
        }

        if (!result.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return result;
        }

        feed.Changed(hallId);
        return result;
    }

    private Task<int> StampAsync(Guid hallId) =>
        db.Set<Hall>().Where(h => h.Id == hallId).ExecuteUpdateAsync(s => s.SetProperty(h => h.Stamp, h => h.Stamp + 1), CancellationToken.None);

    /// <summary>
    /// The first waiting ticket of <paramref name="waiting"/> in calling order, claimed for this transaction: on PostgreSQL
    /// the row is locked and tickets another transaction holds are skipped; on SQLite the writer holds the database.
    /// </summary>
    public async Task<QueueTicket?> ClaimFirstAsync(Guid hallId, DateOnly day, Guid? targetCounterId, bool priorityOnly, IReadOnlyList<string>? groups, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var waiting = db.Set<QueueTicket>().Where(t => t.WaitingKey != null && t.Day == day);
            waiting = targetCounterId is { } target
                ? waiting.Where(t => t.TargetCounterId == target)
                : waiting.Where(t => t.HallId == hallId && t.TargetCounterId == null);
            if (priorityOnly)
            {
                waiting = waiting.Where(t => t.Priority == TicketPriority.Priority);
            }

            if (groups is { Count: > 0 })
            {
                waiting = waiting.Where(t => groups.Contains(t.GroupCode));
            }

            return await HallQueue.InCallingOrder(waiting).FirstOrDefaultAsync(ct);
        }

        // Not composable (EF would wrap it and lock every row the inner query reads): the whole statement is written here.
        var where = targetCounterId is not null
            ? "target_counter_id = {0} AND waiting_key IS NOT NULL AND day = {1}"
            : "hall_id = {0} AND target_counter_id IS NULL AND waiting_key IS NOT NULL AND day = {1}";
        if (priorityOnly)
        {
            where += " AND priority = " + (int)TicketPriority.Priority;
        }

        List<object> values = [targetCounterId ?? hallId, day];
        if (groups is { Count: > 0 })
        {
            where += " AND group_code = ANY({2})";
            values.Add(groups.ToArray());
        }

        var sql = $"SELECT * FROM queue_tickets WHERE {where} ORDER BY waiting_key, id LIMIT 1 FOR UPDATE SKIP LOCKED";
        var rows = await db.Set<QueueTicket>().FromSqlRaw(sql, [.. values]).ToListAsync(ct);
        return rows.FirstOrDefault();
    }
}
