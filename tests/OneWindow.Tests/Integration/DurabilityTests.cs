
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Tests.Integration;

[EventName("tests.ping")]
public sealed record Ping(string RegionCode, string Text) : IIntegrationEvent;

/// <summary>Delivers without a fuss: for tests about when delivery happens.</summary>
public sealed class QuietPingHandler : IOutboxHandler<Ping>
{
    public Task HandleAsync(Ping e, OutboxDeliveryContext context, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Fails the first <see cref="FailuresBeforeSuccess"/> deliveries, then records the ping once.</summary>
public sealed class FlakyPingHandler(AuditTrail audit) : IOutboxHandler<Ping>
{
    public static int FailuresBeforeSuccess { get; set; } = 2;

    public Task HandleAsync(Ping e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (context.Attempt <= FailuresBeforeSuccess)
        {
            throw new InvalidOperationException($"simulated failure {context.Attempt}");
        }

        // Outside a request the actor is the system.
        audit.Record(new AuditRecord(e.RegionCode, "Ping", context.MessageId.ToString(), "PingHandled", new { e.Text }));
        return Task.CompletedTask;
    }
}

/// <summary>Takes a batch in one unit of work (<see cref="DeliveredInGroupsAttribute"/>); a ping saying "bad" fails.</summary>
[DeliveredInGroups]
public sealed class GroupedPingHandler(AuditTrail audit) : IOutboxHandler<Ping>
{
    public Task HandleAsync(Ping e, OutboxDeliveryContext context, CancellationToken ct)
    {
        audit.Record(new AuditRecord(e.RegionCode, "Ping", context.MessageId.ToString(), "PingGrouped", new { e.Text }));
        return e.Text == "bad" ? throw new InvalidOperationException("simulated failure") : Task.CompletedTask;
    }
}

/// <summary>Wants only pings not saying "skip" (<see cref="Wants"/>), and fails if it is handed one all the same.</summary>
public sealed class ChoosyPingHandler(AuditTrail audit) : IOutboxHandler<Ping>
{
    public static bool Wants(Ping e) => e.Text != "skip";

    public Task HandleAsync(Ping e, OutboxDeliveryContext context, CancellationToken ct)
    {
        audit.Record(new AuditRecord(e.RegionCode, "Ping", context.MessageId.ToString(), "PingChosen", new { e.Text }));
        return Wants(e) ? Task.CompletedTask : throw new InvalidOperationException("handed a ping it does not want");
    }
}

/// <summary>Things that must survive: the audit chain against tampering, the outbox across failures and restarts, the schema.</summary>
public abstract class DurabilityTests(AppFixture fixture)
{
    [Fact]
    public async Task Audit_chain_verifies_on_a_fresh_system_and_detects_a_row_altered_by_hand()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database);
        var fresh = await AuditTests.SequencedAsync(app);
        Assert.True(fresh.GetProperty("ok").GetBoolean());
        Assert.True(fresh.GetProperty("checked").GetInt64() >= 10, "demo accounts are audited");

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var victim = await db.Set<AuditEntry>().OrderBy(e => e.Id).Skip(3).FirstAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE audit_entries SET action = 'Nothing' WHERE id = {victim.Id}");
            var verify = await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"));
            Assert.False(verify.GetProperty("ok").GetBoolean());
            Assert.Equal(victim.Id, verify.GetProperty("firstBrokenAt").GetInt64());
        }
    }

    [Fact]
    public async Task Audit_chain_detects_a_deleted_last_entry()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database);
        await AuditTests.SequencedAsync(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var last = await db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).FirstAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM audit_entries WHERE id = {last.Id}");
        var verify = await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"));
        Assert.False(verify.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Outbox_retries_a_failing_handler_survives_a_restart_and_delivers_once()
    {
        FlakyPingHandler.FailuresBeforeSuccess = 1;
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        void Services(IServiceCollection s)
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddOutboxHandler<Ping, FlakyPingHandler>();
        }

        var manual = new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" };
        Guid id;
        await using (var first = new TestApp(database, demo: false, Services, manual))
        {
            await using var scope = first.Scope();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            id = outbox.Enqueue(new Ping("371600", "你好"));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();

            var dispatcher = first.Services.GetRequiredService<OutboxDispatcher>();
            Assert.Equal(1, await dispatcher.DispatchPendingAsync(CancellationToken.None));
            var failed = await Message(first, id);
            Assert.Equal(1, failed.Attempts);
            Assert.Null(failed.ProcessedAt);
            Assert.Contains("simulated failure", failed.LastError, StringComparison.Ordinal);

            // Backing off: nothing is due until the clock passes the retry time.
            Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        // A new process on the same database picks the message up where the old one left it.
        clock.Advance(TimeSpan.FromMinutes(5));
        await using (var second = new TestApp(database, demo: false, Services))
        {
            await Http.Eventually(async () => (await Message(second, id)).ProcessedAt is not null, "the message was never delivered after the restart");
            await using var scope = second.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.SubjectType == "Ping" && e.SubjectId == id.ToString()));
            Assert.Equal(1, await db.Set<OutboxDelivery>().CountAsync(d => d.MessageId == id));

            // Delivering again (as after a crash between handler and bookkeeping) does not repeat the handler.
            await db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null));
            await Http.Eventually(async () => (await Message(second, id)).ProcessedAt is not null, "the message was not re-processed");
            Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.SubjectType == "Ping" && e.SubjectId == id.ToString()));
        }
    }

    private static readonly string[] PingTexts = ["一", "二", "bad", "三", "四"];

    [Fact]
    public async Task A_grouped_handler_gets_the_batch_at_once_and_a_failing_message_fails_alone()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, demo: false, s => s.AddOutboxHandler<Ping, GroupedPingHandler>(),
            new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var ids = new List<Guid>();
        await using (var scope = app.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            ids.AddRange(PingTexts.Select(text => outbox.Enqueue(new Ping("371600", text))));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        Assert.Equal(5, await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var handled = await db.Set<AuditEntry>().Where(e => e.Action == "PingGrouped").Select(e => e.SubjectId).ToListAsync();
            var good = ids.Where((_, i) => i != 2).Select(id => id.ToString()).ToList();
            Assert.Equal(good.Order(), handled.Order());
            Assert.Equal(4, await db.Set<OutboxDelivery>().CountAsync(d => ids.Contains(d.MessageId)));
        }

        var bad = await Message(app, ids[2]);
        Assert.Null(bad.ProcessedAt);
        Assert.Equal(1, bad.Attempts);
        Assert.All(ids.Where((_, i) => i != 2), id => Assert.NotNull(Message(app, id).Result.ProcessedAt));
        Assert.True((await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    private static readonly string[] ChoosyTexts = ["一", "skip", "二", "skip"];

    [Fact]
    public async Task A_handler_is_not_handed_what_it_does_not_want_and_an_unreadable_message_fails_alone()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, demo: false, s => s.AddOutboxHandler<Ping, ChoosyPingHandler>(ChoosyPingHandler.Wants),
            new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var ids = new List<Guid>();
        var unreadable = Guid.CreateVersion7();
        await using (var scope = app.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            ids.AddRange(ChoosyTexts.Select(text => outbox.Enqueue(new Ping("371600", text))));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Add(new OutboxMessage { Id = unreadable, Type = "tests.ping", Payload = "{\"regionCode\":", RegionCode = "371600", OccurredAt = now, NextAttemptAt = now });
            await db.SaveChangesAsync();
        }

        Assert.Equal(5, await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var chosen = await db.Set<AuditEntry>().Where(e => e.Action == "PingChosen").Select(e => e.SubjectId).ToListAsync();
            Assert.Equal(new[] { ids[0].ToString(), ids[2].ToString() }.Order(), chosen.Order());
            // The pings it does not want are settled without it: processed, no delivery record.
            Assert.Equal(2, await db.Set<OutboxDelivery>().CountAsync(d => ids.Contains(d.MessageId)));
        }

        Assert.All(ids, id => Assert.NotNull(Message(app, id).Result.ProcessedAt));
        var bad = await Message(app, unreadable);
        Assert.Null(bad.ProcessedAt);
        Assert.Equal(1, bad.Attempts);
        Assert.Contains("JsonException", bad.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_crash_mid_delivery_the_message_is_delivered_again_but_not_to_a_handler_already_done()
    {
        // An instance leased two messages, delivered the first to the handler (its delivery record committed)
        // and died before settling either: both leases have run out.
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, demo: false, s => s.AddOutboxHandler<Ping, ChoosyPingHandler>(ChoosyPingHandler.Wants),
            new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        Guid done, undone;
        await using (var scope = app.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            done = outbox.Enqueue(new Ping("371600", "已送达"));
            undone = outbox.Enqueue(new Ping("371600", "未送达"));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.SaveChangesAsync();
            db.Add(new OutboxDelivery { MessageId = done, Handler = typeof(ChoosyPingHandler).FullName!, DeliveredAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            var expired = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.Set<OutboxMessage>().Where(m => m.Id == done || m.Id == undone).ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, expired));
        }

        Assert.Equal(2, await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None));
        await using (var scope = app.Scope())
        {
            var chosen = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().Where(e => e.Action == "PingChosen").Select(e => e.SubjectId).ToListAsync();
            Assert.Equal([undone.ToString()], chosen);
        }

        Assert.All(new[] { done, undone }, id => Assert.NotNull(Message(app, id).Result.ProcessedAt));
    }

    [Fact]
    public async Task Looking_up_more_files_than_one_query_takes_finds_each_once_and_nothing_else()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, demo: false);
        await using var scope = app.Scope();
        var files = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Files.FileStore>();
        var saved = new List<Guid>();
        for (var i = 0; i < 11; i++)
        {
            using var content = new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {i}\n%%EOF"));
            saved.Add((await files.SaveAsync(content, $"材料{i}.pdf", "citizen", "371600", isPublic: false, CancellationToken.None)).Value!.FileId);
        }

        var found = await files.FindAsync([.. saved, saved[3], Guid.CreateVersion7()], CancellationToken.None);
        Assert.Equal(saved.Order(), found.Keys.Order());
        Assert.All(saved.Select((id, i) => (id, i)), f => Assert.Equal($"材料{f.i}.pdf", found[f.id].FileName));
        Assert.Single(await files.FindAsync([saved[10]], CancellationToken.None));
        Assert.Empty(await files.FindAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task Rows_written_without_change_tracking_read_back_as_written()
    {
        // The group-commit writers insert through ModelRows (statements built from the EF model): every
        // mapped property of a case, its JSON columns and converted types included, must come back as written.
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, demo: false);
        var written = Filled<OneWindow.Modules.Intake.Domain.Case>();
        written.Form = new Dictionary<string, string[]> { ["经营场所"] = ["滨州市滨城区黄河五路 597 号"], ["scope"] = ["餐饮", "零售"] };
        written.Materials = [new OneWindow.Modules.Intake.Domain.SubmittedMaterial("application", Guid.CreateVersion7(), null) { FromCase = "371600-20260101-000001" }];
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await ModelRows.WriteAsync(db, [RowSet.Of([written])], CancellationToken.None);
            await tx.CommitAsync();
        }

        await using (var scope = app.Scope())
        {
            var read = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OneWindow.Modules.Intake.Domain.Case>().AsNoTracking().SingleAsync(c => c.Id == written.Id);
            Assert.Equal(JsonSerializer.Serialize(written), JsonSerializer.Serialize(read));
        }
    }

    /// <summary>An entity with a distinct, non-default value in every settable scalar property (collections left empty).</summary>
    private static T Filled<T>()
        where T : new()
    {
        var entity = new T();
        var n = 0;
        foreach (var p in typeof(T).GetProperties().Where(p => p.CanWrite && p.GetSetMethod() is not null))
        {
            n++;
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            object? value = type == typeof(string) ? "v" + n
                : type == typeof(int) ? n
                : type == typeof(long) ? 1000L + n
                : type == typeof(bool) ? true
                : type == typeof(Guid) ? Guid.CreateVersion7()
                : type == typeof(DateTimeOffset) ? Timestamps.Normalize(new DateTimeOffset(2026, 3, 2, 1, 2, 3, TimeSpan.Zero).AddTicks(n * 17))
                : type == typeof(DateOnly) ? new DateOnly(2026, 3, 2).AddDays(n)
                : type.IsEnum ? Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)
                : null;
            if (value is not null)
            {
                p.SetValue(entity, value);
            }
        }

        return entity;
    }

    [Fact]
    public async Task Outbox_gives_up_after_max_attempts_and_keeps_the_message()
    {
        FlakyPingHandler.FailuresBeforeSuccess = 1000;
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = new TestApp(database, demo: false, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddOutboxHandler<Ping, FlakyPingHandler>();
        }, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Outbox:MaxAttempts"] = "3" });
        Guid id;
        await using (var scope = app.Scope())
        {
            id = scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(new Ping("371600", "x"));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 5; i++)
        {
            await dispatcher.DispatchPendingAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(2));
        }

        var message = await Message(app, id);
        Assert.Equal(3, message.Attempts);
        Assert.NotNull(message.FailedAt);
        Assert.Null(message.ProcessedAt);
    }

    [Fact]
    public async Task Migrated_schema_matches_the_ef_model()
    {
        await using var migrated = await fixture.NewDatabaseAsync();
        await using var modelled = await fixture.NewDatabaseAsync();
        await using (var app = new TestApp(migrated, demo: false))
        {
            _ = app.Server;
        }

        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(modelled.Kind, modelled.ConnectionString).Configure(options);
        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = SchemaSnapshot.Tables(await SchemaSnapshot.ReadAsync(modelled));
        var actual = SchemaSnapshot.Tables(await SchemaSnapshot.ReadAsync(migrated));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var table in expected.Keys)
        {
            Assert.Equal(expected[table], actual[table]);
        }
    }

    [Fact]
    public async Task An_event_written_in_an_explicit_transaction_is_delivered_when_that_commits_not_at_the_next_poll()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, demo: false, s => s.AddOutboxHandler<Ping, QuietPingHandler>(),
            new Dictionary<string, string?> { ["Outbox:PollMilliseconds"] = "600000" });
        await app.Anonymous().GetAsync("/health");
        // Give the dispatcher time for its first pass (nothing there); it then waits ten minutes unless woken.
        await Task.Delay(500);
        Guid id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            id = scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(new Ping("371600", "提交即送达"));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await Http.Eventually(async () => (await Message(app, id)).ProcessedAt is not null, "the commit did not wake the outbox");

        // A handler that changed nothing leaves no delivery record (and costs no commit).
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxDelivery>().CountAsync(d => d.MessageId == id));
        }
    }

    private static async Task<OutboxMessage> Message(TestApp app, Guid id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }
}

public sealed class DurabilityTestsOnSqlite(SqliteFixture fixture) : DurabilityTests(fixture), IClassFixture<SqliteFixture>;

public sealed class DurabilityTestsOnPostgres(PostgresFixture fixture) : DurabilityTests(fixture), IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task On_postgres_a_statement_run_repeatedly_is_prepared_once_unless_the_connection_string_says_otherwise()
    {
        await using var database = await fixture.NewDatabaseAsync();
        foreach (var (connectionString, prepared) in new[] { (database.ConnectionString, true), (database.ConnectionString + ";Max Auto Prepare=0", false) })
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            new DatabaseSettings(DatabaseProvider.Postgres, connectionString).Configure(options);
            await using var db = new AppDbContext(options.Options);
            await db.Database.OpenConnectionAsync();
            for (var i = 0; i < 3; i++)
            {
                await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\" WHERE {0} > 0", i + 1).ToListAsync();
            }

            var held = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%WHERE $1 > 0%'").SingleAsync();
            Assert.Equal(prepared, held > 0);
        }
    }

    [Fact]
    public async Task On_postgres_a_pooled_connection_is_given_back_without_a_reset_unless_the_connection_string_says_otherwise()
    {
        // The reset cost seven statements per query; skipping it means session state would outlive a
        // request, which is why OneWindow sets none. One pooled connection, so the second open gets the first's.
        await using var database = await fixture.NewDatabaseAsync();
        foreach (var (extra, kept) in new[] { (";Maximum Pool Size=1", true), (";Maximum Pool Size=1;No Reset On Close=false", false) })
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            new DatabaseSettings(DatabaseProvider.Postgres, database.ConnectionString + extra + ";Application Name=ow" + kept).Configure(options);
            await using var db = new AppDbContext(options.Options);
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SET statement_timeout = '12345ms'");
            await db.Database.CloseConnectionAsync();
            var setting = await db.Database.SqlQueryRaw<string>("SELECT current_setting('statement_timeout') AS \"Value\"").SingleAsync();
            Assert.Equal(kept, setting == "12345ms");
        }
    }
}
