using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OneWindow.Bench;

/// <summary>
/// The raw rate this machine's database reaches: single-row INSERT commits of a row shaped like an
/// audit entry, over plain ADO.NET, with the platform's durability settings and the same client count.
/// </summary>
public static class Baseline
{
    private const string Create = "CREATE TABLE bench_rows (id BIGINT PRIMARY KEY, region_code VARCHAR(12) NOT NULL, created_at BIGINT NOT NULL, payload VARCHAR(400) NOT NULL)";
    private static readonly string Payload = string.Concat(Enumerable.Repeat("一窗受理办件审计", 12));

    public static async Task<BaselineResult> MeasureAsync(BenchDatabase database, BenchOptions options)
    {
        var sqlite = database.Provider == "sqlite";
        var cs = sqlite ? $"Data Source={Path.Combine(database.Folder, "baseline.db")}" : database.ConnectionString;
        await using (var setup = Open(sqlite, cs))
        {
            await Execute(setup, sqlite ? "PRAGMA journal_mode=WAL" : "SELECT 1");
            await Execute(setup, "DROP TABLE IF EXISTS bench_rows");
            await Execute(setup, Create);
        }

        long next = 0;
        long done = 0;
        var cpuBefore = CpuMeter.Read(server: null);
        var deadline = Stopwatch.GetTimestamp() + (options.Seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            await using var connection = Open(sqlite, cs);
            if (sqlite)
            {
                await Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;");
            }

            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bench_rows (id, region_code, created_at, payload) VALUES (@id, '371600', @at, @payload)";
            var id = insert.CreateParameter();
            id.ParameterName = "@id";
            var at = insert.CreateParameter();
            at.ParameterName = "@at";
            var payload = insert.CreateParameter();
            payload.ParameterName = "@payload";
            payload.Value = Payload;
            insert.Parameters.Add(id);
            insert.Parameters.Add(at);
            insert.Parameters.Add(payload);
            if (!sqlite)
            {
                // The best a client can do: parsed and planned once (a reused SQLite command keeps its statement anyway).
                id.Value = 0L;
                at.Value = 0L;
                await insert.PrepareAsync();
            }
            while (Stopwatch.GetTimestamp() < deadline)
            {
                id.Value = Interlocked.Increment(ref next);
                at.Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await insert.ExecuteNonQueryAsync();
                Interlocked.Increment(ref done);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var description = sqlite
            ? "SQLite WAL, synchronous=FULL, one autocommit INSERT per operation (statement reused)"
            : "PostgreSQL, one prepared autocommit INSERT per operation (fsync on)";
        return new BaselineResult("raw-single-row-commit", description, done, Math.Round(done / elapsed, 1))
        {
            Cpu = CpuMeter.Between(cpuBefore, CpuMeter.Read(server: null), done),
        };
    }

    /// <summary>
    /// The raw rate of ECDSA P-256 signature verification (SHA-256 over a 600-byte message, as a
    /// 扫码亮证 string carries) on every core: the ceiling for licence verification on this machine.
    /// </summary>
    public static BaselineResult MeasureEcdsaVerify(BenchOptions options)
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var message = new byte[600];
        System.Security.Cryptography.RandomNumberGenerator.Fill(message);
        var signature = key.SignData(message, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var publicKey = key.ExportSubjectPublicKeyInfo();
        long done = 0;
        var deadline = Stopwatch.GetTimestamp() + (options.Seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            using var verifier = System.Security.Cryptography.ECDsa.Create();
            verifier.ImportSubjectPublicKeyInfo(publicKey, out _);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                verifier.VerifyData(message, signature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                Interlocked.Increment(ref done);
            }
        });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new BaselineResult("raw-ecdsa-p256-verify", $"ECDSA P-256 verify (SHA-256, 600-byte message) on {Environment.ProcessorCount} cores", done, Math.Round(done / elapsed, 1));
    }

    /// <summary>
    /// The raw cost of checking one password as ASP.NET Core Identity does (PBKDF2-HMAC-SHA512,
    /// 100,000 iterations, 256-bit subkey), on every core: the ceiling for sign-ins on this machine.
    /// </summary>
    public static BaselineResult MeasurePasswordHashing(BenchOptions options)
    {
        var salt = new byte[16];
        long done = 0;
        var deadline = Stopwatch.GetTimestamp() + (options.Seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("OneWindow#2026", salt, 100_000, System.Security.Cryptography.HashAlgorithmName.SHA512, 32);
                Interlocked.Increment(ref done);
            }
        });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new BaselineResult("raw-password-check", $"PBKDF2-HMAC-SHA512 × 100,000 iterations on {Environment.ProcessorCount} threads (Identity's hasher)", done, Math.Round(done / elapsed, 1));
    }

    /// <summary>
    /// The raw rate of the catalogue search itself: the same LIKE query (count + first page) in plain
    /// ADO.NET against the server's own database, from the same number of clients.
    /// </summary>
    public static async Task<BaselineResult> MeasureSearchQueryAsync(BenchDatabase database, BenchOptions options)
    {
        var sqlite = database.Provider == "sqlite";
        var truth = sqlite ? "1" : "TRUE";
        var where = $"is_current = {truth} AND (name LIKE @p OR keywords LIKE @p OR code LIKE @p OR life_events LIKE @p)";
        var sql = $"SELECT COUNT(*) FROM service_items WHERE {where}; SELECT code, name, kind, department_code, committed_days FROM service_items WHERE {where} ORDER BY code LIMIT 20";
        long done = 0;
        var deadline = Stopwatch.GetTimestamp() + (options.Seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async worker =>
        {
            await using var connection = Open(sqlite, database.ConnectionString);
            await using var query = connection.CreateCommand();
            query.CommandText = sql;
            var p = query.CreateParameter();
            p.ParameterName = "@p";
            query.Parameters.Add(p);
            long i = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                p.Value = "%" + CatalogSetup.Keywords[(worker + i++) % CatalogSetup.Keywords.Length] + "%";
                await using var reader = await query.ExecuteReaderAsync();
                do
                {
                    while (await reader.ReadAsync())
                    {
                    }
                }
                while (await reader.NextResultAsync());
                Interlocked.Increment(ref done);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new BaselineResult("raw-search-query", "the catalogue's LIKE search (count + first page of 20) over plain ADO.NET", done, Math.Round(done / elapsed, 1));
    }

    internal static DbConnection Open(bool sqlite, string cs)
    {
        DbConnection connection = sqlite ? new SqliteConnection(cs) : new NpgsqlConnection(cs);
        connection.Open();
        return connection;
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
