using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneWindow.Platform.Data;

/// <summary>
/// SQLite has one writer at a time. Left to itself, a second writer's BEGIN IMMEDIATE fails with
/// SQLITE_BUSY and SQLite's busy handler retries after sleeps of up to 100 ms, so under load most of
/// the time is spent asleep and latency explodes. Within this process, writers therefore queue on an
/// async lock per database file (first come, first served, no sleeping); the busy timeout remains for
/// another process on the same file. The lock is taken when a transaction starts and released when it
/// commits, rolls back, or its connection closes (a transaction disposed without either).
/// </summary>
internal sealed class SqliteWriteGate : DbConnectionInterceptor, IDbTransactionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> Held = [];

    // A committed SqliteTransaction forgets its connection: remember it from the start.
    private static readonly ConditionalWeakTable<DbTransaction, DbConnection> Owners = [];

    private static void Release(DbTransaction transaction)
    {
        if (Owners.TryGetValue(transaction, out var connection))
        {
            Owners.Remove(transaction);
            Release(connection);
        }
    }

    private static SemaphoreSlim GateOf(DbConnection connection) =>
        Gates.GetOrAdd(connection.DataSource ?? connection.ConnectionString, _ => new SemaphoreSlim(1, 1));

    private static void Release(DbConnection? connection)
    {
        if (connection is not null && Held.TryGetValue(connection, out var gate) && Held.Remove(connection))
        {
            gate.Release();
        }
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var gate = GateOf(connection);
        gate.Wait();
        Held.AddOrUpdate(connection, gate);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var gate = GateOf(connection);
        await gate.WaitAsync(cancellationToken);
        Held.AddOrUpdate(connection, gate);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Owners.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public override Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }
}
