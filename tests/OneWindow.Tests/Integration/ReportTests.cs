using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Tests.Integration;

/// <summary>
/// One week of a bureau's work through the API (issue 25, ADR 0026 decision 5), once per provider: cases online, at the counter,
/// 即办, one with 补正, one finished late, one at a county hall; a hall ticket called after twelve minutes; ratings good and bad;
/// 12345 orders closed, answered and left open; a callback made. The dashboards read the rollups the events kept.
/// </summary>
public abstract class ReportScenario(string provider) : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static readonly DateOnly From = new(2026, 3, 3);

    public static readonly DateOnly To = new(2026, 3, 11);

    private TestDatabase? _database;

    public TestApp App { get; private set; } = null!;

    public string Provider => provider;

    public string CountyCase { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        // The demo is seeded on Monday 2 March; the week measured starts on Tuesday, so nothing seeded falls in it.
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China));
        App = new TestApp(_database, services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?> { ["Callbacks:ListJob"] = "false" });
        _ = App.Server;
        clock.Advance(TimeSpan.FromDays(1)); // Tuesday 03-03, 10:00

        var enterprise = await App.SignedIn("enterprise");
        var citizen = await App.SignedIn("citizen");
        var clerk = await App.SignedIn("clerk");
        var reviewer = await App.SignedIn("reviewer.scj");
        var approver = await App.SignedIn("approver.scj");
        async Task<string> OnlineAsync() => await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        async Task DecideAsync(string id)
        {
            await Applications.ActAsync(reviewer, id, "review", new { opinion = "符合要求", recommendation = "approve" });
            await Applications.ActAsync(approver, id, "approve", new { opinion = "准予许可" });
        }

        // Online, accepted, decided and handed out the same day: 0 working days, on time, 一次办成.
        var quick = await OnlineAsync();
        await Applications.ActAsync(clerk, quick, "accept");
        await DecideAsync(quick);
        await Applications.ActAsync(clerk, quick, "complete", new { delivery = "counter" });

        // Online, accepted, then 补正 (not 一次办成), finished on Friday.
        var corrected = await OnlineAsync();
        await Applications.ActAsync(clerk, corrected, "accept");
        await Applications.ActAsync(reviewer, corrected, "request-supplement", new { items = new[] { new { materialCode = "premises", reason = "租赁合同缺少出租方签章" } } });
        await Applications.ActAsync(enterprise, corrected, "supplement", new { materials = new[] { new { materialCode = "premises", fileId = await Applications.UploadAsync(enterprise, "租赁合同（已盖章）.pdf") } } });

        // Online, accepted today (due Tuesday 03-10), finished a day late on Wednesday 03-11.
        var late = await OnlineAsync();
        await Applications.ActAsync(clerk, late, "accept");

        // At the counter: 结婚登记 decided at once (即办), and one accepted and left running.
        var file = await Applications.UploadAsync(clerk);
        async Task<string> AtCounterAsync(string item) => await Applications.SubmitAsync(clerk, new
        {
            itemCode = item,
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = await Applications.FormAsync(App, item, file),
            materials = (await Applications.MaterialCodesAsync(clerk, item)).Select(c => new { materialCode = c, fileId = file }).ToArray(),
        });
        var marriage = await AtCounterAsync("QR-MZJ-001");
        await Applications.ActAsync(clerk, marriage, "decide-at-counter", new { delivery = "counter" });
        var running = await Applications.SubmitAsync(clerk, await Applications.EnterpriseAsync(clerk, "XK-SCJ-005"));
        await Applications.ActAsync(clerk, running, "accept");

        // 滨城区's own item at 滨城区's hall.
        var bincheng = await App.SignedIn("clerk.bincheng");
        var countyFile = await Applications.UploadAsync(bincheng);
        CountyCase = await Applications.SubmitAsync(bincheng, new
        {
            itemCode = "XK-SCJ-004-371602",
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = await Applications.FormAsync(App, "XK-SCJ-004-371602", countyFile),
            materials = (await Applications.MaterialCodesAsync(bincheng, "XK-SCJ-004-371602")).Select(c => new { materialCode = c, fileId = countyFile }).ToArray(),
        });
        await Applications.ActAsync(bincheng, CountyCase, "accept");

        // A hall ticket taken at 10:00 and called at 10:12 at 1 号综合窗口.
        const string cityHall = "0193a000-0000-7000-8000-000000371600";
        await Http.Json(await App.Anonymous().PostAsJsonAsync($"/api/v1/halls/{cityHall}/tickets", new { group = "A" }), HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromMinutes(12));
        var counters = await Http.Json(await clerk.GetAsync($"/api/v1/halls/{cityHall}/counters"));
        var counter = counters.EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 1).GetProperty("id").GetString();
        await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter}/sign-in", null));
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/v1/counters/{counter}/call-next", null)).StatusCode);

        // 非常满意 for the quick case.
        await Http.Json(await enterprise.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "case", subjectId = quick, level = 5 }), HttpStatusCode.Created);

        // 12345: one order closed by the centre at once, one left open.
        var agent = await App.SignedIn("hotline");
        var closed = await OrderAsync(agent, People.Mobile());
        await WithVersionAsync(agent, $"/api/v1/work-orders/{closed}/close", new { reason = "已电话解答电梯年检要求，来电人表示清楚" });
        await OrderAsync(agent, People.Mobile());

        // Wednesday 03-04: the callback list of Tuesday's services; one is reached.
        clock.Advance(TimeSpan.FromDays(1));
        var admin = await App.SignedIn("admin");
        await Http.Json(await admin.PostAsJsonAsync("/api/v1/callbacks/lists", new { date = "2026-03-04" }));
        var centre = await App.SignedIn("callback");
        var tasks = await Http.Json(await centre.GetAsync("/api/v1/callbacks?date=2026-03-04&pageSize=200"));
        var task = tasks.GetProperty("items").EnumerateArray().First();
        await WithVersionAsync(centre, $"/api/v1/callbacks/{task.GetProperty("id").GetString()}/attempt",
            new { outcome = "reached", answers = new { attitude = 5, process = 5, efficiency = 4, doneInOneVisit = true } }, task.GetProperty("version").GetInt32());

        // Friday 03-06: the corrected case is decided and handed out (2 working days after acceptance, less the day it waited).
        clock.Advance(TimeSpan.FromDays(2));
        (reviewer, approver, clerk) = (await App.SignedIn("reviewer.scj"), await App.SignedIn("approver.scj"), await App.SignedIn("clerk"));
        await DecideAsync(corrected);
        await Applications.ActAsync(clerk, corrected, "complete", new { delivery = "counter" });
        enterprise = await App.SignedIn("enterprise");
        await Http.Json(await enterprise.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "case", subjectId = corrected, level = 3 }), HttpStatusCode.Created); // 一般

        // Wednesday 03-11: the late one.
        clock.Advance(TimeSpan.FromDays(5));
        (reviewer, approver, clerk) = (await App.SignedIn("reviewer.scj"), await App.SignedIn("approver.scj"), await App.SignedIn("clerk"));
        await DecideAsync(late);
        await Applications.ActAsync(clerk, late, "complete", new { delivery = "counter" });

        // Every event delivered.
        await Http.Eventually(async () =>
        {
            await using var scope = App.Scope();
            return !await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AnyAsync(m => m.ProcessedAt == null && m.FailedAt == null);
        }, "the outbox is drained", 60);
    }

    private static async Task<string> OrderAsync(HttpClient agent, string phone) =>
        (await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            channel = "phone", type = "consultation", categoryCode = "010101", caller = new { name = "统计测试", phone }, confidential = false,
            content = "咨询小区电梯年检的要求和周期，物业说不清楚。", location = new { address = "滨州市滨城区黄河五路 100 号" }, urgency = "normal",
        }), HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task WithVersionAsync(HttpClient client, string url, object body, int? version = null)
    {
        if (version is null)
        {
            var id = url.Split('/')[4];
            version = (await Http.Json(await client.GetAsync($"/api/v1/work-orders/{id}"))).GetProperty("version").GetInt32();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        await Http.Json(await client.SendAsync(request));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database!.DisposeAsync();
    }

    public Task<List<object?[]>> SqlAsync(string sql, params (string Name, object Value)[] parameters) => RawSql.RowsAsync(App, sql, parameters);

    public (string, object)[] Period => [("from", RawSql.Day(App.Database, From)), ("to", RawSql.Day(App.Database, To))];

    public (string, object)[] Instants => [("start", RawSql.Instant(App.Database, From)), ("end", RawSql.Instant(App.Database, To.AddDays(1)))];
}

public sealed class SqliteReportScenario() : ReportScenario("sqlite");

public sealed class PostgresReportScenario() : ReportScenario("postgres");

/// <summary>Must show 4: each figure of <c>GET /api/v1/reports/overview</c> equals a plain SQL count over the raw rows.</summary>
public abstract class ReportTests(ReportScenario s)
{
    private const string Query = "/api/v1/reports/overview?from=2026-03-03&to=2026-03-11";

    private async Task<JsonElement> OverviewAsync(string query = Query) => await Http.Json(await (await s.App.SignedIn("supervisor")).GetAsync(query));

    private static long Long(object? v) => RawSql.Number(v);

    private static double Share(long part, long whole) => Math.Round((double)part / whole, 4);

    private async Task<long[]> CasesAsync(string dateColumn, params string[] conditions)
    {
        var sums = string.Join(", ", conditions.Select(c => $"SUM(CASE WHEN {c} THEN 1 ELSE 0 END)"));
        var row = (await s.SqlAsync($"SELECT COUNT(*){(sums.Length > 0 ? ", " + sums : "")} FROM cases WHERE {dateColumn} >= @from AND {dateColumn} <= @to", s.Period))[0];
        return [.. row.Select(Long)];
    }

    [Fact]
    public async Task Received_counts_the_cases_accepted_in_the_period()
    {
        var sql = (await CasesAsync("accepted_on"))[0];
        Assert.Equal(6, sql); // quick, corrected, late, marriage, running, county
        Assert.Equal(sql, (await OverviewAsync()).GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task Completed_counts_the_cases_completed_in_the_period()
    {
        var sql = (await CasesAsync("completed_on"))[0];
        Assert.Equal(4, sql);
        Assert.Equal(sql, (await OverviewAsync()).GetProperty("completed").GetInt64());
    }

    [Fact]
    public async Task Online_share_is_the_accepted_cases_submitted_online()
    {
        var c = await CasesAsync("accepted_on", $"channel = {(int)Channel.Online}");
        Assert.InRange(c[1], 1, c[0] - 1);
        Assert.Equal(Share(c[1], c[0]), (await OverviewAsync()).GetProperty("onlineShare").GetDouble());
    }

    [Fact]
    public async Task One_window_share_is_the_accepted_cases_taken_at_the_general_counter()
    {
        var c = await CasesAsync("accepted_on", "accepted_at_one_window");
        Assert.True(c[1] > 0);
        Assert.Equal(Share(c[1], c[0]), (await OverviewAsync()).GetProperty("oneWindowShare").GetDouble());
    }

    [Fact]
    public async Task Done_in_one_visit_share_is_the_completed_cases_never_asked_to_correct()
    {
        var c = await CasesAsync("completed_on", "NOT had_correction");
        Assert.InRange(c[1], 1, c[0] - 1);
        Assert.Equal(Share(c[1], c[0]), (await OverviewAsync()).GetProperty("doneInOneVisitShare").GetDouble());
    }

    [Fact]
    public async Task On_time_rate_is_the_completed_cases_finished_by_their_due_date()
    {
        var c = await CasesAsync("completed_on", "(due_date IS NULL OR completed_on <= due_date)");
        Assert.InRange(c[1], 1, c[0] - 1);
        Assert.Equal(Share(c[1], c[0]), (await OverviewAsync()).GetProperty("onTimeRate").GetDouble());
    }

    [Fact]
    public async Task Average_working_days_is_the_mean_time_taken_of_the_completed_cases()
    {
        var row = (await s.SqlAsync("SELECT SUM(working_days_taken), COUNT(working_days_taken) FROM cases WHERE completed_on >= @from AND completed_on <= @to", s.Period))[0];
        var (sum, count) = (Long(row[0]), Long(row[1]));
        Assert.True(sum > 0 && count == 4);
        Assert.Equal(Math.Round((double)sum / count, 2), (await OverviewAsync()).GetProperty("avgWorkingDays").GetDouble());
    }

    [Fact]
    public async Task P90_working_days_is_the_nearest_rank_of_the_completed_cases_times()
    {
        var days = (await s.SqlAsync("SELECT working_days_taken FROM cases WHERE completed_on >= @from AND completed_on <= @to AND working_days_taken IS NOT NULL", s.Period))
            .Select(r => Long(r[0])).Order().ToList();
        var p90 = days[(int)Math.Ceiling(0.9 * days.Count) - 1];
        Assert.Equal(6, p90); // the late one: 03-03 to 03-11
        Assert.Equal(p90, (await OverviewAsync()).GetProperty("p90WorkingDays").GetInt64());
    }

    [Fact]
    public async Task Instant_share_is_the_accepted_cases_that_are_immediate_or_decided_by_the_rules()
    {
        var c = await CasesAsync("accepted_on", $"(immediate OR decided_by_name IN ('{Case.RulesActor}', '{Case.PledgeActor}'))");
        Assert.InRange(c[1], 1, c[0] - 1);
        Assert.Equal(Share(c[1], c[0]), (await OverviewAsync()).GetProperty("instantShare").GetDouble());
    }

    [Fact]
    public async Task Average_wait_is_the_minutes_from_ticket_to_first_call()
    {
        var rows = await s.SqlAsync("SELECT issued_at, appointment_at, first_called_at FROM queue_tickets WHERE first_called_at >= @start AND first_called_at < @end", s.Instants);
        var waits = rows.Select(r => s.Provider == "sqlite"
            ? (Long(r[2]) - Math.Max(Long(r[0]), r[1] is null ? 0 : Long(r[1]))) / 60_000_000.0
            : (((DateTime)r[2]!) - (r[1] is DateTime a && a > (DateTime)r[0]! ? a : (DateTime)r[0]!)).TotalMinutes).ToList();
        Assert.Equal([12.0], waits);
        Assert.Equal(Math.Round(waits.Average(), 1), (await OverviewAsync()).GetProperty("avgWaitMinutes").GetDouble());
    }

    [Fact]
    public async Task Satisfaction_is_the_share_of_ratings_of_every_channel_at_satisfied_or_better()
    {
        var row = (await s.SqlAsync("SELECT COUNT(*), SUM(CASE WHEN level >= 4 THEN 1 ELSE 0 END) FROM ratings WHERE created_at >= @start AND created_at < @end", s.Instants))[0];
        var (all, good) = (Long(row[0]), Long(row[1]));
        Assert.Equal(3, all); // two by the applicant, one by the callback
        Assert.Equal(Share(good, all), (await OverviewAsync()).GetProperty("satisfaction").GetDouble());
    }

    [Fact]
    public async Task Work_orders_are_the_hotline_orders_received_in_the_period()
    {
        var sql = Long((await s.SqlAsync("SELECT COUNT(*) FROM work_orders WHERE received_at >= @start AND received_at < @end", s.Instants))[0][0]);
        Assert.Equal(2, sql);
        Assert.Equal(sql, (await OverviewAsync()).GetProperty("workOrders").GetInt64());
    }

    [Fact]
    public async Task Work_orders_on_time_is_the_share_of_orders_finished_by_their_due_time()
    {
        var row = (await s.SqlAsync(
            $"SELECT COUNT(*), SUM(CASE WHEN closed_at <= due_at THEN 1 ELSE 0 END) FROM work_orders WHERE status IN ({(int)WorkOrderStatus.Closed}, {(int)WorkOrderStatus.Answered}) AND closed_at >= @start AND closed_at < @end",
            s.Instants))[0];
        Assert.Equal(1, Long(row[0]));
        Assert.Equal(Share(Long(row[1]), Long(row[0])), (await OverviewAsync()).GetProperty("workOrdersOnTime").GetDouble());
    }

    [Fact]
    public async Task Callbacks_are_the_citizens_reached_in_the_period()
    {
        var sql = Long((await s.SqlAsync($"SELECT COUNT(*) FROM callback_tasks WHERE status = {(int)CallbackStatus.Reached} AND closed_at >= @start AND closed_at < @end", s.Instants))[0][0]);
        Assert.Equal(1, sql);
        Assert.Equal(sql, (await OverviewAsync()).GetProperty("callbacks").GetInt64());
    }

    [Fact]
    public async Task A_region_and_a_department_narrow_the_figures_and_the_breakdown_sums_to_the_total()
    {
        var county = await OverviewAsync(Query + "&region=371602");
        var countySql = Long((await s.SqlAsync("SELECT COUNT(*) FROM cases WHERE accepted_on >= @from AND accepted_on <= @to AND region_code LIKE '371602%'", s.Period))[0][0]);
        Assert.Equal(1, countySql);
        Assert.Equal(countySql, county.GetProperty("received").GetInt64());
        var scj = await OverviewAsync(Query + "&department=371600-SCJ");
        var scjSql = Long((await s.SqlAsync("SELECT COUNT(*) FROM cases WHERE accepted_on >= @from AND accepted_on <= @to AND department_code = '371600-SCJ'", s.Period))[0][0]);
        Assert.Equal(4, scjSql);
        Assert.Equal(scjSql, scj.GetProperty("received").GetInt64());

        var supervisor = await s.App.SignedIn("supervisor");
        var byDay = await Http.Json(await supervisor.GetAsync("/api/v1/reports/breakdown?from=2026-03-03&to=2026-03-11&by=day"));
        var days = byDay.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, days.Where(d => d.GetProperty("key").GetString() == "2026-03-03").Sum(d => d.GetProperty("figures").GetProperty("received").GetInt64()));
        Assert.Equal(byDay.GetProperty("total").GetProperty("completed").GetInt64(), days.Sum(d => d.GetProperty("figures").GetProperty("completed").GetInt64()));
        var byDepartment = await Http.Json(await supervisor.GetAsync("/api/v1/reports/breakdown?from=2026-03-03&to=2026-03-11&by=department"));
        Assert.Contains(byDepartment.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "371600-SCJ" && r.GetProperty("name").GetString() == "滨州市市场监督管理局");
    }

    [Fact]
    public async Task Only_leaders_read_the_figures_bad_dates_are_refused_by_field_and_the_tables_export_as_csv_xlsx_and_a_monthly_pdf()
    {
        await Http.Problem(await (await s.App.SignedIn("clerk")).GetAsync(Query), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await s.App.Anonymous().GetAsync(Query)).StatusCode);
        var head = await s.App.SignedIn("head.scj");
        var bad = await Http.Problem(await head.GetAsync("/api/v1/reports/overview?from=2026-13-01&to=2026-03-01"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("from", out _));
        var reversed = await Http.Problem(await head.GetAsync("/api/v1/reports/overview?from=2026-03-11&to=2026-03-03"), HttpStatusCode.BadRequest);
        Assert.Contains("晚于", reversed.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        await Http.Problem(await head.GetAsync("/api/v1/reports/breakdown?by=week"), HttpStatusCode.BadRequest);

        var csv = await head.GetAsync("/api/v1/reports/breakdown?from=2026-03-03&to=2026-03-11&by=item&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("XK-SCJ-005", text, StringComparison.Ordinal);
        Assert.Contains("受理量", text, StringComparison.Ordinal);
        var xlsx = await head.GetAsync("/api/v1/reports/breakdown?from=2026-03-03&to=2026-03-11&by=department&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]); // a zip

        var pdf = await head.GetAsync("/api/v1/reports/monthly/2026-03");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var path = Path.Combine(Path.GetTempPath(), $"monthly-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync());
        var words = Tools.Run("pdftotext", path, "-");
        Assert.Contains("政务服务月报", words, StringComparison.Ordinal);
        Assert.Contains("滨州市市场监督管理局", words, StringComparison.Ordinal);
        await Http.Problem(await head.GetAsync("/api/v1/reports/monthly/2026-3x"), HttpStatusCode.BadRequest);
    }
}

public sealed class ReportTestsOnSqlite(SqliteReportScenario s) : ReportTests(s), IClassFixture<SqliteReportScenario>;

public sealed class ReportTestsOnPostgres(PostgresReportScenario s) : ReportTests(s), IClassFixture<PostgresReportScenario>;
