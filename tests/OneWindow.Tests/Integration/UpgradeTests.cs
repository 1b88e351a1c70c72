using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Npgsql;
using OneWindow.Platform.Data;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 18: an installation made by the build before the EF Core migrations (schema from the numbered SQL scripts;
/// Fixtures/README.md) starts under today's build, is carried forward, and keeps every case, licence and audit entry.
/// </summary>
public abstract class UpgradeTests(AppFixture fixture)
{
    private static readonly string[] Counted = ["cases", "licenses", "audit_entries", "asp_net_users", "service_items", "projects", "outbox_messages"];

    [Fact]
    public async Task A_database_made_by_the_script_built_main_migrates_and_keeps_its_cases_licences_and_audit_chain()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await LoadFixtureAsync(database);
        var before = await CountsAsync(database);
        Assert.Equal(3, before["cases"]);
        Assert.Equal(1, before["licenses"]);
        var statuses = await StringsAsync(database, "SELECT number || ' ' || status FROM cases ORDER BY number");
        var licenceNumbers = await StringsAsync(database, "SELECT license_number FROM licenses");

        // The fixture was made on 2026-12-06 with an accepted case due on 12-07: the upgraded platform runs on the fixture's day, or
        // its deadline job (rightly) warns about that case and the chain grows by its entries.
        var fixtureDay = new RunningClock(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var app = new TestApp(database, demo: false, services: s => s.AddSingleton<TimeProvider>(fixtureDay));
        _ = app.Server;

        // Nothing lost, nothing changed: the same rows, and the audit chain still verifies end to end.
        Assert.Equal(before, await CountsAsync(database));
        Assert.Equal(statuses, await StringsAsync(database, "SELECT number || ' ' || status FROM cases ORDER BY number"));
        Assert.Equal(licenceNumbers, await StringsAsync(database, "SELECT license_number FROM licenses"));
        var verified = await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"));
        Assert.True(verified.GetProperty("ok").GetBoolean(), verified.ToString());
        Assert.Equal(before["audit_entries"], verified.GetProperty("checked").GetInt64());

        // Carried forward: the scripts it lacked ran, the first migration is recorded, and the schema is the model's.
        Assert.Contains("0016", await StringsAsync(database, "SELECT version FROM schema_migrations"));
        var history = await StringsAsync(database, "SELECT migration_id FROM \"__EFMigrationsHistory\"");
        Assert.Contains(history, id => id.EndsWith("_Baseline", StringComparison.Ordinal));
        await using (var modelled = await fixture.NewDatabaseAsync())
        {
            await using (var db = new AppDbContext(Options(modelled)))
            {
                await db.Database.EnsureCreatedAsync();
            }

            Assert.Equal(SchemaSnapshot.Tables(await SchemaSnapshot.ReadAsync(modelled)), SchemaSnapshot.Tables(await SchemaSnapshot.ReadAsync(database)));
        }

        // The old licence still verifies, and the work left open carries on: the accepted case is granted and its licence issued.
        var citizen = await app.SignedIn("citizen");
        var licences = await Http.Json(await citizen.GetAsync("/api/v1/licenses"));
        var old = licences.EnumerateArray().Single();
        var payload = (await Http.Json(await citizen.GetAsync($"/api/v1/licenses/{old.GetProperty("id").GetString()}/qr"))).GetProperty("payload").GetString();
        var answer = await Http.Json(await app.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload }));
        Assert.True(answer.GetProperty("valid").GetBoolean(), answer.ToString());

        var accepted = (await StringsAsync(database, $"SELECT CAST(id AS TEXT) FROM cases WHERE status = {(int)OneWindow.Modules.Intake.Domain.CaseStatus.Accepted}")).Single();
        await Applications.ActAsync(await app.SignedIn("approver.scj"), accepted.ToLowerInvariant(), "approve", new { opinion = "准予登记" });
        await Http.Eventually(async () => (await Http.Json(await citizen.GetAsync("/api/v1/licenses"))).GetArrayLength() == 2, "the grant after the upgrade issued no licence");
        Assert.True((await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());

        // A second start changes nothing more.
        Assert.Empty(await SchemaMigrator.MigrateAsync(new DatabaseSettings(database.Kind, database.ConnectionString)));
    }

    [Fact]
    public async Task A_new_database_is_built_by_the_migrations_alone()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var applied = await SchemaMigrator.MigrateAsync(new DatabaseSettings(database.Kind, database.ConnectionString));
        Assert.Single(applied, a => a.EndsWith("_Baseline", StringComparison.Ordinal));
        Assert.DoesNotContain(applied, a => a.StartsWith("00", StringComparison.Ordinal));
        Assert.DoesNotContain("schema_migrations", (await SchemaSnapshot.ReadAsync(database)).Keys);
    }

    private static DbContextOptions<AppDbContext> Options(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(database.Kind, database.ConnectionString).Configure(options);
        return options.Options;
    }

    private static async Task LoadFixtureAsync(TestDatabase database)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        if (database.Kind == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            await using var gz = new GZipStream(File.OpenRead(Path.Combine(folder, "main-fb45683.sqlite.gz")), CompressionMode.Decompress);
            await using var file = File.Create(path);
            await gz.CopyToAsync(file);
            return;
        }

        string dump;
        await using (var gz = new GZipStream(File.OpenRead(Path.Combine(folder, "main-fb45683.postgres.sql.gz")), CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            dump = await reader.ReadToEndAsync();
        }

        // psql's meta-commands (\restrict) and the dump's empty search_path are for psql sessions; the statements name their schema.
        var statements = string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith('\\') && !l.Contains("set_config('search_path'", StringComparison.Ordinal)));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statements, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<string, long>> CountsAsync(TestDatabase database)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Counted)
        {
            counts[table] = long.Parse((await StringsAsync(database, $"SELECT CAST(count(*) AS TEXT) FROM {table}")).Single(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<List<string>> StringsAsync(TestDatabase database, string sql)
    {
        await using System.Data.Common.DbConnection connection = database.Kind == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}

public sealed class UpgradeTestsOnSqlite(SqliteFixture fixture) : UpgradeTests(fixture), IClassFixture<SqliteFixture>;

public sealed class UpgradeTestsOnPostgres(PostgresFixture fixture) : UpgradeTests(fixture), IClassFixture<PostgresFixture>;
