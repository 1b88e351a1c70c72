using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneWindow.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary><c>Database:Provider</c> (sqlite | postgres) and <c>ConnectionStrings:Default</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=./data/onewindow.db";

    public string ProviderName => Provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.Postgres => "postgres",
    };

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"]?.Trim().ToLowerInvariant();
        var provider = name switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{name}'."),
        };
        var connection = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is postgres.");
        }

        return new DatabaseSettings(provider, connection);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString);
                options.AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(WithPostgresDefaults(ConnectionString));
                break;
        }

        // Tables, columns, keys and indexes in snake_case (EFCore.NamingConventions).
        options.UseSnakeCaseNamingConvention();
        options.AddInterceptors(OutboxCommitSignal.Instance);
    }

    /// <summary>
    /// What the connection string does not set, OneWindow sets for the hot paths (they run the same few
    /// statements thousands of times, each on a connection taken from the pool and given back):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=64</c>, <c>Auto Prepare Min Usages=2</c>: PostgreSQL parses and plans a
    /// repeated statement once per connection instead of on every execution.</item>
    /// <item><c>No Reset On Close=true</c>: a connection given back to the pool is not reset (RESET ALL, UNLISTEN *,
    /// pg_advisory_unlock_all() …). OneWindow keeps no session state: no SET, LISTEN or temporary table, and the one
    /// session-level lock (the schema migrator's) is released explicitly. An open transaction is still
    /// rolled back when a connection goes back. (Measurements: ADR 0015.)</item>
    /// </list>
    /// </summary>
    internal static string WithPostgresDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Makes sure the folder of a SQLite file exists (the default lives in ./data).</summary>
    public void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the writer; synchronous=FULL makes
/// every acknowledged commit survive power loss, not just a process crash (ADR 0003).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    // The settings belong to the native connection, which Microsoft.Data.Sqlite pools and reuses:
    // set them once per native handle, not on every open (EF opens and closes around each query).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = [];

    private static bool NeedsPragmas(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || Prepared.TryAdd(handle, handle);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// Wakes the outbox dispatcher when an explicit transaction that wrote events commits (a unit of work
/// without one signals from SaveChanges itself), so delivery does not wait for the next poll.
/// </summary>
internal sealed class OutboxCommitSignal : DbTransactionInterceptor
{
    public static readonly OutboxCommitSignal Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.TransactionCommitted();

    public override Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.TransactionCommitted();
        return Task.CompletedTask;
    }
}
