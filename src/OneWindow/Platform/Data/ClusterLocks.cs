using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace OneWindow.Platform.Data;

/// <summary>
/// Work that must run on one instance at a time across all instances on one database (ADR 0027): a periodic job's run,
/// the audit sequencer's pass over one region. On PostgreSQL, a session advisory lock (<c>pg_try_advisory_lock</c>) on a
/// connection of its own, held while the work runs: another instance that asks meanwhile is told no and skips its turn;
/// an instance that dies loses its connection, and PostgreSQL frees the lock at once. On SQLite there is one process, and
/// an in-process lock per name does the same.
/// </summary>
public sealed class ClusterLocks(DatabaseSettings settings)
{
    private readonly Dictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    /// <summary>The lock, or null when another holder has it now.</summary>
    public Task<IAsyncDisposable?> TryTakeAsync(string name, CancellationToken ct) => TakeAsync(name, wait: false, ct);

    /// <summary>The lock, once the holder (if any) lets go.</summary>
    public async Task<IAsyncDisposable> WaitAsync(string name, CancellationToken ct) => (await TakeAsync(name, wait: true, ct))!;

    private async Task<IAsyncDisposable?> TakeAsync(string name, bool wait, CancellationToken ct)
    {
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            SemaphoreSlim gate;
            lock (_local)
            {
                gate = _local.TryGetValue(name, out var g) ? g : _local[name] = new SemaphoreSlim(1, 1);
            }

            if (wait)
            {
                await gate.WaitAsync(ct);
                return new Local(gate);
            }

            return await gate.WaitAsync(0, ct) ? new Local(gate) : null;
        }

        var key = KeyOf(name);
        var connection = new NpgsqlConnection(DatabaseSettings.WithPostgresDefaults(settings.ConnectionString));
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock(@k)" : "SELECT pg_try_advisory_lock(@k)", connection);
            take.Parameters.AddWithValue("k", key);
            take.CommandTimeout = 0;
            if (wait)
            {
                await take.ExecuteNonQueryAsync(ct);
                return new Advisory(connection, key);
            }

            if (await take.ExecuteScalarAsync(ct) is true)
            {
                return new Advisory(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key for a name: the first 8 bytes of its SHA-256.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("onewindow:" + name)), 0);

    private sealed class Local(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Advisory(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", connection);
                release.Parameters.AddWithValue("k", key);
                await release.ExecuteScalarAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
