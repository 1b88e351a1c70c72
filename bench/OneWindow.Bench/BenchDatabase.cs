using Npgsql;

namespace OneWindow.Bench;

/// <summary>A fresh database for one run, removed afterwards.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private BenchDatabase(string provider, string connectionString, string folder, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _drop = drop;
    }

    public string Provider { get; }

    /// <summary>What the server is given as ConnectionStrings:Default.</summary>
    public string ConnectionString { get; }

    /// <summary>A scratch folder: the server's working directory, the SQLite files.</summary>
    public string Folder { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "onewindow-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (options.Provider == "sqlite")
        {
            return new BenchDatabase("sqlite", $"Data Source={Path.Combine(folder, "onewindow.db")}", folder, () =>
            {
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        }

        var name = "ow_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(options.Postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        return new BenchDatabase("postgres", cs, folder, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(options.Postgres);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            Directory.Delete(folder, recursive: true);
        });
    }

    public ValueTask DisposeAsync() => new(_drop());
}
