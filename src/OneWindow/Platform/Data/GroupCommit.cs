using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace OneWindow.Platform.Data;

/// <summary>
/// The one write path (ADR 0019). Every unit of work — a <c>SaveChanges</c> without a transaction of its own, a hall's
/// locked queue change, a group of submissions — is a member handed to this writer. Whoever finds no writer at work
/// becomes it and commits every member queued, up to <see cref="MaxGroup"/>, in one transaction with one durable commit
/// (the group commit of database logs: no timer, a lone member commits at once, and under load a group grows to what
/// arrived during the previous commit). Each member runs inside its own savepoint on the writer's connection, with its
/// own context and its request's execution context: a member that fails (a stale version: 409; a unique key; a rule)
/// is rolled back to its savepoint and meets its own error, and the rest of its group commits. A member's caller
/// resumes only after the group's commit is durable. SQLite has one writer; on PostgreSQL up to
/// <see cref="GroupCommitOptions.Writers"/> groups are written at once (row locks keep them apart), and a member that
/// loses a deadlock between two groups is run again in a later group instead of failing.
/// </summary>
public sealed class GroupCommit(
    IServiceScopeFactory scopes, DatabaseSettings database, IOptions<GroupCommitOptions> options, Outbox.OutboxSignal outboxSignal, Audit.AuditSignal auditSignal)
{
    /// <summary>Members per transaction at most.</summary>
    public const int MaxGroup = 64;

    private static readonly AsyncLocal<bool> InWriter = new();

    private readonly ConcurrentQueue<Member> _queue = new();
    private int _writing;

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="db"/> inside the next group's transaction: its reads see the group's
    /// earlier members, its writes commit with them. Its changes are kept when it returns true and rolled back (to its
    /// savepoint) when it returns false or throws; the exception reaches the caller. Answers after the commit.
    /// </summary>
    public async Task<bool> RunAsync(AppDbContext db, Func<Task<bool>> work) => (await RunInGroupAsync(db, work)).Kept;

    /// <summary>How many groups have been committed (or failed) since the start.</summary>
    public long Groups => Interlocked.Read(ref _groups);

    private long _groups;

    /// <summary>The same, with the number of the group the member was written in (tests show what commits together).</summary>
    internal async Task<(bool Kept, long Group)> RunInGroupAsync(AppDbContext db, Func<Task<bool>> work)
    {
        if (InWriter.Value)
        {
            // It would wait for the group it is part of, forever.
            throw new InvalidOperationException("A unit of work running in the group commit cannot start another: write on the context it runs on.");
        }

        var member = new Member(db, work, ExecutionContext.Capture());
        _queue.Enqueue(member);
        Wake();
        return (await member.Done.Task, member.Group);
    }

    internal int MaxWriters => database.Provider == DatabaseProvider.Sqlite ? 1 : Math.Max(1, options.Value.Writers);

    /// <summary>Starts a writer when fewer than <see cref="MaxWriters"/> are at work.</summary>
    private void Wake()
    {
        while (true)
        {
            var active = Volatile.Read(ref _writing);
            if (active >= MaxWriters)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _writing, active + 1, active) == active)
            {
                // The writer serves many requests: it does not carry this one's context along.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(DrainAsync);
                }

                return;
            }
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var group = new List<Member>();
            while (group.Count < MaxGroup && _queue.TryDequeue(out var next))
            {
                group.Add(next);
            }

            if (group.Count == 0)
            {
                break;
            }

            await CommitAsync(group);
        }

        Interlocked.Decrement(ref _writing);
        // A member queued between the last look and the decrement would wait for nobody: look again.
        if (!_queue.IsEmpty)
        {
            Wake();
        }
    }

    private async Task CommitAsync(List<Member> group)
    {
        var number = Interlocked.Increment(ref _groups);
        group.ForEach(m => m.Group = number);
        try
        {
            using var scope = scopes.CreateScope();
            var writer = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await writer.Database.BeginTransactionAsync(CancellationToken.None);
            var connection = writer.Database.GetDbConnection();
            var transaction = tx.GetDbTransaction();
            foreach (var member in group)
            {
                await transaction.SaveAsync("member", CancellationToken.None);
                bool keep;
                try
                {
                    keep = await member.RunAttachedAsync(connection, transaction);
                }
                catch (Exception ex) when (Transient(ex) && member.Attempts < MaxAttempts)
                {
                    // Lost a deadlock with another group: run again once this group has committed and let go of its locks.
                    member.Retry = true;
                    keep = false;
                }
                catch (Exception ex)
                {
                    member.Failure = ex;
                    keep = false;
                }

                if (keep)
                {
                    await transaction.ReleaseAsync("member", CancellationToken.None);
                }
                else
                {
                    await transaction.RollbackAsync("member", CancellationToken.None);
                }

                member.Kept = keep;
            }

            await tx.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The transaction itself failed (the connection, the disk): no member of the group was written.
            group.ForEach(m => m.Done.TrySetException(m.Failure ?? ex));
            return;
        }

        if (group.Any(m => m.Kept && m.WroteEvents))
        {
            outboxSignal.Notify();
        }

        if (group.Any(m => m.Kept && m.WroteAudit))
        {
            auditSignal.Notify();
        }

        foreach (var member in group)
        {
            if (member.Retry)
            {
                member.Retry = false;
                member.Attempts++;
                _queue.Enqueue(member);
                continue;
            }

            if (member.Failure is { } failure)
            {
                member.Done.TrySetException(failure);
            }
            else
            {
                member.Done.TrySetResult(member.Kept);
            }
        }
    }

    private const int MaxAttempts = 3;

    /// <summary>A deadlock or serialization failure between concurrent groups (PostgreSQL), or a busy database (SQLite).</summary>
    private static bool Transient(Exception ex) => ex switch
    {
        Npgsql.PostgresException { SqlState: "40P01" or "40001" } => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true,
        _ => ex.InnerException is { } inner && Transient(inner),
    };

    private sealed class Member(AppDbContext db, Func<Task<bool>> work, ExecutionContext? context)
    {
        public int Attempts { get; set; } = 1;

        public bool Retry { get; set; }

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; set; }

        public bool Kept { get; set; }

        public long Group { get; set; }

        public bool WroteEvents { get; private set; }

        public bool WroteAudit { get; private set; }

        /// <summary>Runs the work with its context on the writer's connection and transaction, then gives the context its own connection back.</summary>
        public async Task<bool> RunAttachedAsync(DbConnection connection, DbTransaction transaction)
        {
            var database = db.Database;
            var own = database.GetConnectionString();
            database.SetDbConnection(connection, contextOwnsConnection: false);
            try
            {
                await database.UseTransactionAsync(transaction);
                database.AutoSavepointsEnabled = false;
                db.GroupWrites = (false, false);
                Task<bool>? running = null;
                void Start()
                {
                    InWriter.Value = true;
                    running = work();
                }

                if (context is null)
                {
                    Start();
                    InWriter.Value = false;
                }
                else
                {
                    ExecutionContext.Run(context, _ => Start(), null);
                }

                var keep = await running!;
                (WroteEvents, WroteAudit) = db.GroupWrites ?? (false, false);
                return keep;
            }
            finally
            {
                db.GroupWrites = null;
                await database.UseTransactionAsync(null);
                database.AutoSavepointsEnabled = true;
                database.SetDbConnection(null, contextOwnsConnection: false);
                database.SetConnectionString(own);
            }
        }
    }
}

/// <summary><c>GroupCommit</c> settings.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>
    /// Groups written at once on PostgreSQL (SQLite always has one writer). One by default: on the 2-core machine four
    /// writers made the hall queue slower (a hall's stamp, locked by one group's member, stalls the other groups until
    /// that group commits; ADR 0019's figures). More may pay on a server with many cores and few hot rows.
    /// </summary>
    public int Writers { get; set; } = 1;
}
