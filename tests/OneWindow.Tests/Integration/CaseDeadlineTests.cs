using OneWindow.Modules.Intake.Features;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 4: the deadline job on a clock the test moves — 容缺 pledges past due (terminate or suspend,
/// as the item says), 补正 windows, 预警 and 超期 — and the audit chain after thousands of cases.
/// </summary>
public abstract class CaseDeadlineTests(AppFixture fixture)
{
    // Monday 2 March 2026, 09:00 in China.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly string[] Premises = ["premises"];

    private static readonly string[] HygieneReport = ["hygieneReport"];

    private async Task<(TestApp App, TestClock Clock, TestDatabase Database)> StartAsync()
    {
        var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(Start);
        var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?> { ["Intake:DeadlineJob"] = "false" });
        return (app, clock, database);
    }

    private static async Task<DeadlineScanResult> RunJob(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().RunAsync(default);
    }

    private static async Task<JsonElement> Get(HttpClient client, string id) => await Http.Json(await client.GetAsync($"/api/v1/cases/{id}"));

    [Fact]
    public async Task An_unkept_pledge_terminates_or_suspends_as_the_item_says_and_a_kept_one_completes_as_deferral_passed()
    {
        var (app, clock, database) = await StartAsync();
        await using var _ = database;
        await using var __ = app;
        var enterprise = await app.SignedIn("enterprise");
        var clerk = await app.SignedIn("clerk");

        // 食品经营许可: an unkept pledge ends the case.
        var food = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005", "premises"));
        await Applications.ActAsync(clerk, food, "accept-with-deferral", new { deferred = Premises, pledgeDueDate = "2026-03-04" });

        // 公共场所卫生许可: an unkept pledge suspends the case until the report arrives.
        var hygiene = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-WJW-003", "hygieneReport"));
        var accepted = await Applications.ActAsync(clerk, hygiene, "accept-with-deferral", new { deferred = HygieneReport, pledgeDueDate = "2026-03-04" });
        Assert.Equal("2026-03-09", accepted.GetProperty("dueDate").GetString());

        clock.Advance(TimeSpan.FromDays(2)); // Wednesday 03-04: the pledge is due today, not yet broken
        Assert.Equal(0, (await RunJob(app)).PledgesBroken);

        clock.Advance(TimeSpan.FromDays(1)); // Thursday 03-05
        Assert.Equal(2, (await RunJob(app)).PledgesBroken);
        // Tokens are time-limited and the clock moved: sign in again, as people would the next morning.
        enterprise = await app.SignedIn("enterprise");
        clerk = await app.SignedIn("clerk");
        var ended = await Get(enterprise, food);
        Assert.Equal("terminated", ended.GetProperty("status").GetString());
        Assert.Equal("终止（容缺承诺逾期未履行）", ended.GetProperty("statusLabel").GetString());
        Assert.Equal("CaseTerminated", ended.GetProperty("timeline").EnumerateArray().Last().GetProperty("action").GetString());

        var held = await Get(enterprise, hygiene);
        Assert.Equal("acceptedWithDeferral", held.GetProperty("status").GetString());
        Assert.Equal("2026-03-05", held.GetProperty("suspendedSince").GetString());
        await Applications.ActAsync(await app.SignedIn("reviewer.wjw"), hygiene, "review", new { opinion = "同意", recommendation = "approve" }, HttpStatusCode.Conflict);

        clock.Advance(TimeSpan.FromDays(1)); // Friday 03-06: the report arrives; 03-06 was lost, the due date moves one working day
        enterprise = await app.SignedIn("enterprise");
        clerk = await app.SignedIn("clerk");
        var report = await Applications.UploadAsync(enterprise, "卫生检测报告.pdf");
        var resumed = await Applications.ActAsync(enterprise, hygiene, "fulfil-pledge", new { materials = new[] { new { materialCode = "hygieneReport", fileId = report } } });
        Assert.Null(resumed.GetProperty("suspendedSince").GetString());
        Assert.Equal("2026-03-10", resumed.GetProperty("dueDate").GetString());

        await Applications.ActAsync(await app.SignedIn("reviewer.wjw"), hygiene, "review", new { opinion = "检测合格", recommendation = "approve" });
        await Applications.ActAsync(await app.SignedIn("approver.wjw"), hygiene, "approve", new { opinion = "准予许可" });
        var done = await Applications.ActAsync(clerk, hygiene, "complete", new { delivery = "counter" });
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("办结（容缺通过）", done.GetProperty("outcome").GetString());
        Assert.True((await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Supplement_windows_close_cases_and_running_cases_turn_yellow_then_red_on_the_workbench()
    {
        var (app, clock, database) = await StartAsync();
        await using var _ = database;
        await using var __ = app;
        var enterprise = await app.SignedIn("enterprise");
        var clerk = await app.SignedIn("clerk");

        var silent = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        var notice = await Applications.ActAsync(clerk, silent, "request-supplement", new { items = new[] { new { materialCode = "layout", reason = "平面图未标注面积" } } });
        Assert.Equal("2026-03-16", notice.GetProperty("supplementDueDate").GetString()); // 10 working days

        var running = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        Assert.Equal("2026-03-09", (await Applications.ActAsync(clerk, running, "accept")).GetProperty("dueDate").GetString());

        clock.Advance(TimeSpan.FromDays(4)); // Friday 03-06: 4 of 5 working days used → 预警
        var warned = await RunJob(app);
        Assert.Equal(1, warned.Warned);
        var reviewer = await app.SignedIn("reviewer.scj");
        var yellow = await Http.Json(await reviewer.GetAsync("/api/v1/cases?view=todo&deadline=warning"));
        Assert.Contains(yellow.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == running);

        clock.Advance(TimeSpan.FromDays(4)); // Tuesday 03-10: past the due date → 超期
        Assert.Equal(1, (await RunJob(app)).Overdue);
        reviewer = await app.SignedIn("reviewer.scj");
        Assert.Equal("overdue", (await Get(reviewer, running)).GetProperty("deadlineState").GetString());
        Assert.Equal(0, (await RunJob(app)).Overdue); // raised once, not every run

        clock.Advance(TimeSpan.FromDays(7)); // Tuesday 03-17: the supplement window closed yesterday
        Assert.Equal(1, (await RunJob(app)).SupplementsExpired);
        var closed = await Get(await app.SignedIn("enterprise"), silent);
        Assert.Equal("terminated", closed.GetProperty("status").GetString());
        Assert.Equal("终止（逾期未补正）", closed.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_audit_chain_verifies_after_thousands_of_cases()
    {
        var (app, _, database) = await StartAsync();
        await using var db = database;
        await using var __ = app;
        var enterprise = await app.SignedIn("enterprise");
        var clerk = await app.SignedIn("clerk");
        var approver = await app.SignedIn("approver.scj");
        var reviewer = await app.SignedIn("reviewer.scj");
        var application = await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005");
        const int cases = 2000;
        var before = (await Http.Json(await clerk.GetAsync("/api/v1/cases?view=all&pageSize=1"))).GetProperty("total").GetInt32(); // the demo's history
        var next = 0;
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) is var n && n <= cases)
            {
                var id = await Applications.SubmitAsync(enterprise, application);
                await Applications.ActAsync(clerk, id, "accept");
                if (n % 4 == 0)
                {
                    await Applications.ActAsync(reviewer, id, "review", new { opinion = "符合条件", recommendation = "approve" });
                    await Applications.ActAsync(approver, id, "approve", new { opinion = "准予许可" });
                    await Applications.ActAsync(clerk, id, "complete", new { delivery = "post" });
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Worker()));
        var verify = await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"));
        Assert.True(verify.GetProperty("ok").GetBoolean());
        Assert.True(verify.GetProperty("checked").GetInt32() >= cases * 2 + cases / 4 * 3, verify.ToString());
        var all = await Http.Json(await clerk.GetAsync("/api/v1/cases?view=all&pageSize=1"));
        Assert.Equal(before + cases, all.GetProperty("total").GetInt32());
    }
}

public sealed class CaseDeadlineTestsOnSqlite(SqliteFixture fixture) : CaseDeadlineTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CaseDeadlineTestsOnPostgres(PostgresFixture fixture) : CaseDeadlineTests(fixture), IClassFixture<PostgresFixture>;
