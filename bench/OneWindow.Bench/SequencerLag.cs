using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OneWindow.Bench;

/// <summary>How far the audit sequencer trailed the writes during a scenario (issue 19: p99 under one second).</summary>
public sealed record LagResult(int Samples, double P50Seconds, double P99Seconds, double MaxSeconds, long MaxPending)
{
    public bool WithinTarget => P99Seconds < 1;
}

/// <summary>
/// Samples, every 100 ms, the age of the oldest audit entry committed but not yet chained, straight from the database
/// (the verify endpoint also walks the chain, which would load the server it measures).
/// </summary>
public sealed class SequencerLag : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly List<(double Seconds, long Pending)> _samples = [];

    private SequencerLag(BenchDatabase database) => _sampling = Task.Run(() => SampleAsync(database));

    public static SequencerLag Start(BenchDatabase database) => new(database);

    private async Task SampleAsync(BenchDatabase database)
    {
        await using DbConnection connection = database.Provider == "postgres"
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Times are UTC microseconds on SQLite and timestamptz on PostgreSQL; the clock is this machine's in both.
        command.CommandText = database.Provider == "postgres"
            ? "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM (now() - min(at)))::float8, 0) FROM audit_entries WHERE sequence IS NULL"
            : "SELECT count(*), COALESCE(min(at), 0) FROM audit_entries WHERE sequence IS NULL";
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var reader = await command.ExecuteReaderAsync(_stop.Token);
                await reader.ReadAsync(_stop.Token);
                var pending = reader.GetInt64(0);
                double seconds;
                if (database.Provider == "postgres")
                {
                    seconds = pending == 0 ? 0 : reader.GetDouble(1);
                }
                else
                {
                    var micros = reader.GetInt64(1);
                    seconds = pending == 0 ? 0 : (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 - micros) / 1e6;
                }

                _samples.Add((Math.Max(0, seconds), pending));
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (DbException)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task<LagResult> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        var sorted = _samples.Select(s => s.Seconds).Order().ToList();
        double At(double q) => sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)], 3);
        return new LagResult(sorted.Count, At(0.5), At(0.99), sorted.Count == 0 ? 0 : Math.Round(sorted[^1], 3), _samples.Count == 0 ? 0 : _samples.Max(s => s.Pending));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
