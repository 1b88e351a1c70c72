using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 19: audit entries are committed with the business change and chained after commit by the sequencer (ADR 0018).
/// Tampering of every kind is found once they are chained; entries a stopped instance left unchained are chained once,
/// none twice; two instances on one database keep one intact chain per region.
/// </summary>
public abstract class AuditTests(AppFixture fixture)
{
    /// <summary>Waits until the sequencer has chained every entry committed so far; returns the verification.</summary>
    public static async Task<JsonElement> SequencedAsync(TestApp app)
    {
        JsonElement verified = default;
        await Http.Eventually(async () =>
        {
            verified = await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"));
            return verified.GetProperty("pending").GetInt64() == 0;
        }, "the sequencer did not chain the committed entries");
        return verified;
    }

    private static async Task WriteAsync(TestApp app, string region, int count, string tag)
    {
        _ = app.Server; // started once, before the parallel writers ask for its services
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            await using var scope = app.Scope();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(new AuditRecord(region, "Test", $"{tag}-{i}", "Written", new { i }), "test", "测试");
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
        });
    }

    [Fact]
    public async Task Every_kind_of_tampering_is_found_once_the_entries_are_chained()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, demo: false);
        await WriteAsync(app, "371600", 12, "t");
        Assert.True((await SequencedAsync(app)).GetProperty("ok").GetBoolean());

        async Task<bool> OkAfter(FormattableString tamper, FormattableString undo)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync(tamper);
            var ok = (await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean();
            await db.Database.ExecuteSqlInterpolatedAsync(undo);
            return ok;
        }

        var rows = await Rows(app);
        var (a, b) = (rows[4], rows[5]);
        // Altered data.
        Assert.False(await OkAfter($"UPDATE audit_entries SET data = '{{}}' WHERE id = {a.Id}", $"UPDATE audit_entries SET data = {a.Data} WHERE id = {a.Id}"));
        // Re-ordered: two neighbouring entries exchange what they record (the chain's positions are unique, so a swap of places
        // is a swap of contents).
        Assert.False(await OkAfter(
            $"UPDATE audit_entries SET subject_id = CASE WHEN id = {a.Id} THEN {b.SubjectId} ELSE {a.SubjectId} END, data = CASE WHEN id = {a.Id} THEN {b.Data} ELSE {a.Data} END WHERE id IN ({a.Id}, {b.Id})",
            $"UPDATE audit_entries SET subject_id = CASE WHEN id = {a.Id} THEN {a.SubjectId} ELSE {b.SubjectId} END, data = CASE WHEN id = {a.Id} THEN {a.Data} ELSE {b.Data} END WHERE id IN ({a.Id}, {b.Id})"));
        Assert.True((await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean(), "the undo restored the chain");

        // Removed from the middle (a deleted tail: DurabilityTests.Audit_chain_detects_a_deleted_last_entry).
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlInterpolatedAsync($"DELETE FROM audit_entries WHERE id = {b.Id}");
        }

        Assert.False((await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Entries_a_stopped_instance_left_unchained_are_chained_once_at_the_next_start()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using (var stopped = new TestApp(database, demo: false, settings: new Dictionary<string, string?> { ["Audit:Sequencer"] = "false" }))
        {
            await WriteAsync(stopped, "371600", 30, "before");
            var waiting = await Http.Json(await stopped.Anonymous().GetAsync("/api/v1/audit/verify"));
            Assert.True(waiting.GetProperty("ok").GetBoolean());
            Assert.True(waiting.GetProperty("pending").GetInt64() >= 30, waiting.ToString());
        }

        await using var next = new TestApp(database, demo: false);
        await WriteAsync(next, "371600", 10, "after");
        var verified = await SequencedAsync(next);
        Assert.True(verified.GetProperty("ok").GetBoolean(), verified.ToString());
        var rows = await Rows(next);
        Assert.All(rows, r => Assert.NotNull(r.Sequence));
        Assert.Equal(rows.Count, rows.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, rows.Count(r => r.RegionCode == "371600")).Select(i => (long?)i),
            rows.Where(r => r.RegionCode == "371600").Select(r => r.Sequence).Order());
    }

    [Fact]
    public async Task Two_instances_on_one_database_keep_one_intact_chain_per_region()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var first = new TestApp(database, demo: false);
        _ = first.Server;
        await using var second = new TestApp(database, demo: false);
        _ = second.Server;
        await Task.WhenAll(
            WriteAsync(first, "371600", 150, "a"), WriteAsync(second, "371600", 150, "b"),
            WriteAsync(first, "371602", 60, "c"), WriteAsync(second, "371621", 60, "d"));
        var verified = await SequencedAsync(first);
        Assert.True(verified.GetProperty("ok").GetBoolean(), verified.ToString());
        var rows = await Rows(first);
        foreach (var region in new[] { "371600", "371602", "371621" })
        {
            var chain = rows.Where(r => r.RegionCode == region).Select(r => r.Sequence!.Value).Order().ToList();
            Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long)i), chain);
        }

        Assert.Equal(420, rows.Count(r => r.SubjectType == "Test"));
    }

    [Fact]
    public async Task A_server_killed_between_commit_and_chaining_loses_nothing_and_chains_nothing_twice()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();

        // 1. Committed, never chained: this server runs no sequencer, and is killed with SIGKILL.
        await using (var server = await ServerProcess.StartAsync(database, new Dictionary<string, string> { ["Audit:Sequencer"] = "false" }))
        {
            using var citizen = await server.SignedIn("citizen");
            for (var i = 0; i < 10; i++)
            {
                acknowledged.Add(await Applications.SubmitBusinessRegistrationAsync(citizen));
            }

            var waiting = await Http.Json(await server.Anonymous().GetAsync("/api/v1/audit/verify"));
            Assert.True(waiting.GetProperty("pending").GetInt64() >= 10, waiting.ToString());
            await server.KillAsync();
        }

        // 2. Killed while chaining: the sequencer chains three entries per transaction while eight clients submit, and
        // the process is killed mid-stream, with writes in flight and chaining under way.
        await using (var server = await ServerProcess.StartAsync(database, new Dictionary<string, string> { ["Audit:SequencerBatch"] = "3" }))
        {
            using var citizen = await server.SignedIn("citizen");
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        acknowledged.Add(await Applications.SubmitBusinessRegistrationAsync(citizen));
                    }
                    catch (Exception) when (stop.IsCancellationRequested)
                    {
                        return; // cut off by the kill: never acknowledged, so not counted
                    }
                }
            })).ToList();
            await Http.Eventually(() => Task.FromResult(acknowledged.Count >= 60), "the server did not take submissions");
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        // 3. The next start chains what was left, once.
        await using (var server = await ServerProcess.StartAsync(database))
        {
            JsonElement verified = default;
            using var anonymous = server.Anonymous();
            await Http.Eventually(async () =>
            {
                verified = await Http.Json(await anonymous.GetAsync("/api/v1/audit/verify"));
                return verified.GetProperty("pending").GetInt64() == 0;
            }, "the restarted sequencer did not chain the leftovers");
            Assert.True(verified.GetProperty("ok").GetBoolean(), verified.ToString());
        }

        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(database.Kind, database.ConnectionString).Configure(options);
        await using var db = new AppDbContext(options.Options);
        var entries = await db.Set<AuditEntry>().AsNoTracking().ToListAsync();
        Assert.All(entries, e => Assert.NotNull(e.Sequence));
        foreach (var region in entries.GroupBy(e => e.RegionCode))
        {
            Assert.Equal(Enumerable.Range(1, region.Count()).Select(i => (long)i), region.Select(e => e.Sequence!.Value).Order());
        }

        // Every acknowledged submission has its one entry, chained once.
        var submitted = entries.Where(e => e.Action == "CaseSubmitted").GroupBy(e => e.SubjectId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(acknowledged, id => Assert.Equal(1, submitted.GetValueOrDefault(id)));
    }

    private static async Task<List<AuditEntry>> Rows(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking().OrderBy(e => e.RegionCode).ThenBy(e => e.Sequence).ToListAsync();
    }
}

public sealed class AuditTestsOnSqlite(SqliteFixture fixture) : AuditTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AuditTestsOnPostgres(PostgresFixture fixture) : AuditTests(fixture), IClassFixture<PostgresFixture>;
