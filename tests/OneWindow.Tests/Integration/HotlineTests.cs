using System.Text.RegularExpressions;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 21, slice 1 (ADR 0022): a call becomes a numbered work order due in five working days; the caller's phone is
/// whole for the agents only, masked for oversight, and gone when the order is confidential; anyone tracks it by number
/// and the phone's last four digits without seeing anything personal.
/// </summary>
public abstract class HotlineTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static readonly string[] Helpers = ["371600-WJW"];

    private static readonly string[] LoopSteps =
    [
        "WorkOrderReceived", "WorkOrderDispatched", "WorkOrderReturned", "WorkOrderDispatched", "WorkOrderSigned", "WorkOrderReplied", "WorkOrderReviewed",
        "WorkOrderReplied", "WorkOrderReviewed",
    ];

    private static object Call(string phone, bool confidential = false, string urgency = "normal") => new
    {
        channel = "phone", type = "complaint", categoryCode = "010101",
        caller = new { name = "孙来电", phone, idNumber = "371602199003151236" }, confidential,
        content = "小区 3 号楼电梯已停运三天，老人上下楼困难，物业不处理。", location = new { address = "滨州市滨城区黄河五路 100 号", lat = 37.38, lng = 117.97 },
        urgency, attachments = Array.Empty<Guid>(),
    };

    [Fact]
    public async Task A_call_becomes_a_numbered_order_due_in_five_working_days_and_a_retry_with_the_same_key_is_the_same_order()
    {
        var agent = await App.SignedIn("hotline");
        var phone = People.Mobile();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/work-orders") { Content = JsonContent.Create(Call(phone)) };
        var key = Guid.NewGuid().ToString("N");
        request.Headers.Add("Idempotency-Key", key);
        var created = await Http.Json(await agent.SendAsync(request), HttpStatusCode.Created);
        Assert.Matches(@"^RX-\d{8}-\d{4}$", created.GetProperty("number").GetString());
        Assert.Equal("received", created.GetProperty("status").GetString());
        var due = created.GetProperty("dueAt").GetDateTimeOffset();
        Assert.True(due > DateTimeOffset.UtcNow.AddDays(4), $"due {due:o}: five working days are at least five days");

        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/work-orders") { Content = JsonContent.Create(Call(phone)) };
        retry.Headers.Add("Idempotency-Key", key);
        Assert.Equal(created.GetProperty("id").GetString(), (await Http.Json(await agent.SendAsync(retry), HttpStatusCode.Created)).GetProperty("id").GetString());

        var order = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{created.GetProperty("id").GetString()}"));
        Assert.Equal("城乡建设 > 物业管理 > 电梯故障", order.GetProperty("category").GetString());
        Assert.Equal(phone, order.GetProperty("caller").GetProperty("phone").GetString());
        Assert.Equal("受理（电话）", order.GetProperty("timeline")[0].GetProperty("note").GetString());

        // An urgent order is due in 24 hours.
        var urgent = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(People.Mobile(), urgency: "urgent")), HttpStatusCode.Created);
        Assert.InRange(urgent.GetProperty("dueAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
    }

    [Fact]
    public async Task Calls_taken_at_the_same_moment_each_get_their_own_number()
    {
        var agent = await App.SignedIn("hotline");
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => agent.PostAsJsonAsync("/api/v1/work-orders", Call(People.Mobile()))));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await Http.Json(response, HttpStatusCode.Created)).GetProperty("number").GetString()!);
        }

        Assert.Equal(24, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Bad_orders_are_refused_field_by_field_in_chinese_and_only_agents_and_citizens_file_them()
    {
        var agent = await App.SignedIn("hotline");
        var bad = await Http.Problem(await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            channel = "fax", type = "rumour", categoryCode = "01", caller = new { name = "", phone = "123", idNumber = "371602199003151237" },
            content = "短", location = new { address = "x", lat = 100.0, lng = 0.0 }, attachments = new[] { Guid.NewGuid() },
        }), HttpStatusCode.BadRequest, "work-order:invalid");
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "channel", "type", "categoryCode", "caller.name", "caller.phone", "caller.idNumber", "content", "location.lat", "attachments" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), field + " was not named");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", messages[0].GetString());
        }

        await Http.Problem(await (await App.SignedIn("clerk")).PostAsJsonAsync("/api/v1/work-orders", Call(People.Mobile())), HttpStatusCode.Forbidden);
        await Http.Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/work-orders", Call(People.Mobile())), HttpStatusCode.Unauthorized);

        // A citizen files online, in the web channel only, and sees their own order whole.
        var citizen = await App.SignedIn("citizen");
        var phoneChannel = await Http.Problem(await citizen.PostAsJsonAsync("/api/v1/work-orders", Call(People.Mobile())), HttpStatusCode.BadRequest);
        Assert.True(phoneChannel.GetProperty("errors").TryGetProperty("channel", out _));
        var phone = People.Mobile();
        var web = JsonSerializer.SerializeToNode(Call(phone))!.AsObject();
        web["channel"] = "web";
        var filed = await Http.Json(await citizen.PostAsJsonAsync("/api/v1/work-orders", web), HttpStatusCode.Created);
        var mine = await Http.Json(await citizen.GetAsync("/api/v1/work-orders?pageSize=100"));
        var own = mine.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetString() == filed.GetProperty("id").GetString());
        Assert.Equal(phone, own.GetProperty("caller").GetProperty("phone").GetString());
        Assert.All(mine.GetProperty("items").EnumerateArray(), o => Assert.Equal("web", o.GetProperty("channel").GetString()));
    }

    [Fact]
    public async Task A_confidential_caller_is_seen_by_the_agents_only_and_oversight_sees_other_callers_masked()
    {
        var agent = await App.SignedIn("hotline");
        var phone = People.Mobile();
        var secret = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(phone, confidential: true)), HttpStatusCode.Created);
        var open = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(phone)), HttpStatusCode.Created);

        var supervisor = await App.SignedIn("supervisor");
        var hidden = await supervisor.GetAsync($"/api/v1/work-orders/{secret.GetProperty("id").GetString()}");
        var text = await hidden.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(text).RootElement.GetProperty("caller").ValueKind);
        foreach (var personal in new[] { phone, phone[^4..], "孙来电", "371602199003151236" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        var list = await supervisor.GetStringAsync("/api/v1/work-orders?pageSize=100");
        Assert.DoesNotContain(phone, list, StringComparison.Ordinal);
        var export = await supervisor.GetAsync("/api/v1/work-orders/export.csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains(secret.GetProperty("number").GetString()!, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, csv, StringComparison.Ordinal);
        Assert.Contains("（保密）", csv, StringComparison.Ordinal);
        await Http.Problem(await supervisor.GetAsync("/api/v1/work-orders/export.csv?status=nonsense"), HttpStatusCode.BadRequest);
        var masked = await Http.Json(await supervisor.GetAsync($"/api/v1/work-orders/{open.GetProperty("id").GetString()}"));
        Assert.Equal(Mask(phone), masked.GetProperty("caller").GetProperty("phone").GetString());
        Assert.DoesNotContain("371602199003151236", masked.GetRawText(), StringComparison.Ordinal);

        // Departments are not in the loop before dispatch: the order does not exist for them.
        foreach (var outsider in new[] { "clerk", "reviewer.scj", "citizen" })
        {
            await Http.Problem(await (await App.SignedIn(outsider)).GetAsync($"/api/v1/work-orders/{secret.GetProperty("id").GetString()}"), HttpStatusCode.NotFound);
        }
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, JsonElement order, string step, object? body = null, HttpStatusCode expect = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/work-orders/{order.GetProperty("id").GetString()}/{step}")
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{order.GetProperty("version").GetInt32()}\""));
        var response = await client.SendAsync(request);
        return expect == HttpStatusCode.OK ? await Http.Json(response) : await Http.Problem(response, expect);
    }

    [Fact]
    public async Task A_wrong_department_returns_the_order_the_right_one_replies_twice_and_the_caller_is_told_when_the_centre_accepts()
    {
        var agent = await App.SignedIn("hotline");
        var phone = People.Mobile();
        var created = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(phone, confidential: true)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var order = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{id}"));

        // Dispatched to 住建局, which returns it within its two working days, with a reason.
        order = await StepAsync(agent, order, "dispatch", new { lead = "371600-ZJJ" });
        Assert.Equal("dispatched", order.GetProperty("status").GetString());
        var zjj = await App.SignedIn("approver.zjj");
        await StepAsync(zjj, order, "return", new { reason = "" }, HttpStatusCode.BadRequest);
        order = await StepAsync(zjj, order, "return", new { reason = "不属于本部门职责，建议派往市场监管局" });
        Assert.Equal("received", order.GetProperty("status").GetString());
        Assert.Equal(1, order.GetProperty("returns").GetInt32());
        await Http.Problem(await zjj.GetAsync($"/api/v1/work-orders/{id}"), HttpStatusCode.NotFound);

        // Re-dispatched to 市场监管局 with 卫健委 helping: both read it, neither sees the confidential caller.
        order = await StepAsync(agent, await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{id}")), "dispatch", new { lead = "371600-SCJ", assisting = Helpers });
        var scj = await App.SignedIn("reviewer.scj");
        foreach (var department in new[] { scj, await App.SignedIn("reviewer.wjw") })
        {
            var seen = await department.GetAsync($"/api/v1/work-orders/{id}");
            var text = await seen.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
            Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(text).RootElement.GetProperty("caller").ValueKind);
            Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("孙来电", text, StringComparison.Ordinal);
        }

        // The lead department finds it in its list; the department that returned it no longer does.
        Assert.Contains((await Http.Json(await scj.GetAsync("/api/v1/work-orders?pageSize=100"))).GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        Assert.DoesNotContain((await Http.Json(await zjj.GetAsync("/api/v1/work-orders?pageSize=100"))).GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        await StepAsync(await App.SignedIn("reviewer.wjw"), order, "sign", expect: HttpStatusCode.Forbidden);
        await StepAsync(agent, order, "sign", expect: HttpStatusCode.Forbidden);
        order = await StepAsync(scj, order, "sign");
        var stale = order.Clone();
        order = await StepAsync(scj, order, "reply", new { reply = "已约谈物业公司，电梯已于当日修复并恢复运行。" });
        await StepAsync(scj, stale, "reply", new { reply = "重复提交的回复" }, HttpStatusCode.Conflict);

        // The centre sends the first reply back, accepts the second, and the caller gets an SMS.
        await StepAsync(agent, order, "review", new { accept = false }, HttpStatusCode.BadRequest);
        order = await StepAsync(agent, order, "review", new { accept = false, reason = "请补充后续维保安排" });
        Assert.Equal("signed", order.GetProperty("status").GetString());
        order = await StepAsync(scj, order, "reply", new { reply = "电梯已修复；物业承诺每月维保一次，并在单元门口公示维保记录。" });
        order = await StepAsync(agent, order, "review", new { accept = true });
        Assert.Equal("closed", order.GetProperty("status").GetString());
        await StepAsync(agent, order, "review", new { accept = true }, HttpStatusCode.Conflict);
        var number = order.GetProperty("number").GetString()!;
        await Http.Eventually(async () => File.Exists(App.NotificationLog) && (await File.ReadAllTextAsync(App.NotificationLog)).Contains($"工单 {number}）已办结", StringComparison.Ordinal),
            "the caller was not told");

        var actions = order.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("action").GetString()).ToList();
        Assert.Equal(LoopSteps, actions);
        var tracked = await Http.Json(await App.Anonymous().GetAsync($"/api/v1/work-orders/track?number={number}&phoneLast4={phone[^4..]}"));
        Assert.Equal("已办结", tracked.GetProperty("statusLabel").GetString());
        Assert.Contains("每月维保", tracked.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.True((await Http.Json(await App.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_return_after_two_working_days_is_refused()
    {
        await using var database = await fixture.NewDatabaseAsync();
        // Friday 2026-03-06, 10:00: two working days later is Tuesday the 10th.
        var clock = new TestClock(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var agent = await app.SignedIn("hotline");
        var created = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(People.Mobile())), HttpStatusCode.Created);
        var order = await StepAsync(agent, await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{created.GetProperty("id").GetString()}")), "dispatch", new { lead = "371600-ZJJ" });
        Assert.Equal("2026-03-10", order.GetProperty("returnBy").GetString());
        var zjj = await app.SignedIn("approver.zjj");
        order = await StepAsync(zjj, order, "sign");
        clock.Advance(TimeSpan.FromDays(5));
        zjj = await app.SignedIn("approver.zjj"); // a new day, a new sign-in
        var late = await StepAsync(zjj, order, "return", new { reason = "不属于本部门职责" }, HttpStatusCode.Conflict);
        Assert.Equal("urn:onewindow:work-order:return-too-late", late.GetProperty("type").GetString());
        Assert.Contains("2026-03-10", late.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private static string Mask(string mobile) => mobile[..3] + "****" + mobile[^4..];

    [Fact]
    public async Task Anyone_tracks_an_order_by_number_and_phone_tail_and_a_wrong_tail_reads_as_unknown()
    {
        var agent = await App.SignedIn("hotline");
        var phone = People.Mobile();
        var created = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(phone)), HttpStatusCode.Created);
        var number = created.GetProperty("number").GetString()!;
        var anonymous = App.Anonymous();

        var response = await anonymous.GetAsync($"/api/v1/work-orders/track?number={number}&phoneLast4={phone[^4..]}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("已受理", JsonDocument.Parse(text).RootElement.GetProperty("statusLabel").GetString());
        foreach (var personal in new[] { phone, "孙来电", "电梯已停运", "黄河五路" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        var wrongTail = ((int.Parse(phone[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1) % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var wrong = await Http.Problem(await anonymous.GetAsync($"/api/v1/work-orders/track?number={number}&phoneLast4={wrongTail}"), HttpStatusCode.NotFound);
        var unknown = await Http.Problem(await anonymous.GetAsync($"/api/v1/work-orders/track?number=RX-20991231-9999&phoneLast4={phone[^4..]}"), HttpStatusCode.NotFound);
        Assert.Equal(unknown.GetProperty("title").GetString(), wrong.GetProperty("title").GetString());
        var bad = await Http.Problem(await anonymous.GetAsync("/api/v1/work-orders/track?number=&phoneLast4=12"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("phoneLast4", out _));
    }

    private static readonly Regex RatingLink = new(@"/rate/workOrder/(?<id>[0-9a-f-]{36})\?code=(?<code>[0-9a-f]{16})", RegexOptions.Compiled);

    /// <summary>The rating code of the latest closing SMS about <paramref name="number"/>.</summary>
    private static async Task<string> RatingCodeAsync(TestApp app, string number, int expectedMessages)
    {
        string? code = null;
        await Http.Eventually(async () =>
        {
            if (!File.Exists(app.NotificationLog))
            {
                return false;
            }

            var lines = (await File.ReadAllLinesAsync(app.NotificationLog)).Where(l => l.Contains($"工单 {number}）已办结", StringComparison.Ordinal)).ToList();
            code = lines.Count >= expectedMessages ? RatingLink.Match(lines[^1]).Groups["code"].Value : null;
            return !string.IsNullOrEmpty(code);
        }, "the closing SMS with its rating link did not arrive");
        return code!;
    }

    [Fact]
    public async Task A_call_is_dispatched_on_a_suggestion_and_rated_unsatisfied_it_is_redone_then_rated_satisfied_it_stays_closed()
    {
        var agent = await App.SignedIn("hotline");
        var phone = People.Mobile();
        var created = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(phone)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var order = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{id}"));
        Assert.Equal(DemoCity.Bincheng, order.GetProperty("regionCode").GetString()); // the address names 滨城区

        // The demo history sends 滨城区's elevators to 滨城区住建局: suggested first, with its share.
        var suggested = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{id}/suggestions"));
        Assert.Equal("371602-ZJJ", suggested[0].GetProperty("department").GetString());
        Assert.InRange(suggested[0].GetProperty("share").GetInt32(), 40, 100);
        Assert.InRange(suggested.EnumerateArray().Sum(s => s.GetProperty("share").GetInt32()), 97, 103);
        await Http.Problem(await (await App.SignedIn("handler.bincheng")).GetAsync($"/api/v1/work-orders/{id}/suggestions"), HttpStatusCode.NotFound);

        order = await StepAsync(agent, order, "dispatch", new { lead = suggested[0].GetProperty("department").GetString() });
        var handler = await App.SignedIn("handler.bincheng");
        order = await StepAsync(handler, order, "sign");
        order = await StepAsync(handler, order, "reply", new { reply = "已责成物业公司维修电梯，电梯已恢复运行。" });
        order = await StepAsync(agent, order, "review", new { accept = true });
        var number = order.GetProperty("number").GetString()!;
        var first = await RatingCodeAsync(App, number, 1);

        // Not yet rated by anyone else; the caller's link rates round 0: 不满意 redoes the order.
        var anonymous = App.Anonymous();
        await Http.Problem(await anonymous.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "workOrder", subjectId = id, level = 2, comment = "电梯还是时好时坏", accessCode = "0123456789abcdef" }),
            HttpStatusCode.NotFound);
        var bad = await Http.Json(await anonymous.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "workOrder", subjectId = id, level = 2, comment = "电梯还是时好时坏", accessCode = first }),
            HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, bad.GetProperty("rectification").ValueKind); // redone, not a rectification
        await Http.Problem(await anonymous.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "workOrder", subjectId = id, level = 1, comment = "再评一次", accessCode = first }),
            HttpStatusCode.Conflict);
        await Http.Eventually(async () => (await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{id}"))).GetProperty("status").GetString() == "signed", "不满意 did not reopen the order");
        order = await Http.Json(await handler.GetAsync($"/api/v1/work-orders/{id}"));
        Assert.Equal(1, order.GetProperty("reopens").GetInt32());

        // Redone: a second reply, accepted; the second link rates round 1; the first still names round 0, rated already.
        order = await StepAsync(handler, order, "reply", new { reply = "已更换电梯主板并由特检机构复检合格，物业承诺每周巡检。" });
        order = await StepAsync(agent, order, "review", new { accept = true });
        var second = await RatingCodeAsync(App, number, 2);
        Assert.NotEqual(first, second);
        await Http.Problem(await anonymous.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "workOrder", subjectId = id, level = 4, accessCode = first }), HttpStatusCode.Conflict);
        await Http.Json(await anonymous.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "workOrder", subjectId = id, level = 4, accessCode = second }), HttpStatusCode.Created);

        order = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{id}"));
        Assert.Equal("closed", order.GetProperty("status").GetString());
        var actions = order.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("action").GetString()).ToList();
        Assert.Equal(RedoneSteps, actions);
        using (var scope = App.Services.CreateScope())
        {
            var chain = await scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>().Set<OneWindow.Platform.Audit.AuditEntry>()
                .Where(e => e.SubjectType == "WorkOrder" && e.SubjectId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
            Assert.Equal(RedoneSteps, chain);
        }

        Assert.True((await Http.Json(await App.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task The_dashboard_and_the_supervision_board_count_the_demo_history_and_are_for_the_centre_and_oversight_only()
    {
        var stats = await Http.Json(await (await App.SignedIn("supervisor")).GetAsync("/api/v1/work-orders/stats"));
        Assert.True(stats.GetProperty("received").GetInt32() >= 60, $"the demo history of the last 30 days: {stats.GetProperty("received").GetInt32()}");
        Assert.InRange(stats.GetProperty("satisfaction").GetDouble(), 0.5, 1.0);
        Assert.InRange(stats.GetProperty("answeredDirectlyRate").GetDouble(), 0.01, 0.5);
        Assert.Equal(30, stats.GetProperty("perDay").GetArrayLength());
        Assert.NotEmpty(stats.GetProperty("topCategories").EnumerateArray());
        var board = await Http.Json(await (await App.SignedIn("hotline")).GetAsync("/api/v1/work-orders/board"));
        Assert.Contains(board.GetProperty("departments").EnumerateArray(), d => d.GetProperty("department").GetString() == "371600-SCJ" && d.GetProperty("running").GetInt32() >= 1);
        await Http.Problem(await (await App.SignedIn("handler.zjj")).GetAsync("/api/v1/work-orders/stats"), HttpStatusCode.Forbidden);
        await Http.Problem(await (await App.SignedIn("supervisor")).GetAsync("/api/v1/work-orders/stats?from=2026-12-01&to=2026-01-01"), HttpStatusCode.BadRequest);
    }

    private static readonly string[] RedoneSteps =
    [
        "WorkOrderReceived", "WorkOrderDispatched", "WorkOrderSigned", "WorkOrderReplied", "WorkOrderReviewed", "WorkOrderReopened", "WorkOrderReplied", "WorkOrderReviewed",
    ];

    [Fact]
    public async Task Deadlines_count_working_days_across_a_holiday_the_job_warns_and_flags_overdue_and_supervision_and_extension_follow()
    {
        await using var database = await fixture.NewDatabaseAsync();
        // Thursday 2026-04-02, 10:00: 清明 (04-04 to 04-06) takes Monday, so five working days end on Friday the 10th.
        var clock = new TestClock(new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?> { ["Hotline:DeadlineJob"] = "false" });
        async Task<WorkOrderScanResult> ScanAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<WorkOrderDeadlines>().RunAsync(default);
        }

        var agent = await app.SignedIn("hotline");
        var created = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(People.Mobile())), HttpStatusCode.Created);
        Assert.Equal(new DateOnly(2026, 4, 10), DateOnly.FromDateTime(created.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));
        var id = created.GetProperty("id").GetString();
        var order = await StepAsync(agent, await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{id}")), "dispatch", new { lead = "371600-ZJJ" });
        order = await StepAsync(await app.SignedIn("handler.zjj"), order, "sign");
        await ScanAsync(); // the demo's running orders have their own limits; this one is not yet near its own
        var supervisor = await app.SignedIn("supervisor");
        Assert.Equal("normal", (await Http.Json(await supervisor.GetAsync($"/api/v1/work-orders/{id}"))).GetProperty("deadline").GetString());

        // Thursday the 9th: due tomorrow → 预警, once however often the job runs.
        clock.Advance(TimeSpan.FromDays(7));
        Assert.True((await ScanAsync()).Warned >= 1);
        await ScanAsync();
        supervisor = await app.SignedIn("supervisor");
        order = await Http.Json(await supervisor.GetAsync($"/api/v1/work-orders/{id}"));
        Assert.Equal("warning", order.GetProperty("deadline").GetString());
        Assert.Single(order.GetProperty("timeline").EnumerateArray(), s => s.GetProperty("action").GetString() == "WorkOrderDeadlineWarning");

        // 督办, acknowledged by the department.
        order = await StepAsync(supervisor, order, "supervise", new { notice = "请于明日前回复办理结果" });
        var handler = await app.SignedIn("handler.zjj");
        order = await StepAsync(handler, order, "acknowledge");
        Assert.NotEqual(JsonValueKind.Null, order.GetProperty("supervision").GetProperty("acknowledgedAt").ValueKind);
        await StepAsync(handler, order, "acknowledge", expect: HttpStatusCode.Conflict);

        // The department asks for three working days; the centre grants them: due Wednesday the 15th, the warning cleared.
        order = await StepAsync(handler, order, "extend", new { workingDays = 3, reason = "需协调电梯厂家更换主板" });
        Assert.Equal(3, order.GetProperty("extension").GetProperty("requestedDays").GetInt32());
        await StepAsync(agent = await app.SignedIn("hotline"), order, "extend", new { workingDays = 11, reason = "超出上限" }, HttpStatusCode.BadRequest);
        order = await StepAsync(agent, order, "extend", new { reason = "同意延期，请按期回复" });
        Assert.Equal(new DateOnly(2026, 4, 15), DateOnly.FromDateTime(order.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));
        Assert.Equal("normal", order.GetProperty("deadline").GetString());

        // Thursday the 16th: past due → 超期, on the supervision list.
        clock.Advance(TimeSpan.FromDays(7));
        Assert.True((await ScanAsync()).Overdue >= 1);
        supervisor = await app.SignedIn("supervisor");
        var overdue = await Http.Json(await supervisor.GetAsync("/api/v1/work-orders?overdue=true&department=371600-ZJJ"));
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        order = await Http.Json(await supervisor.GetAsync($"/api/v1/work-orders/{id}"));
        Assert.Contains(order.GetProperty("timeline").EnumerateArray(), s => s.GetProperty("action").GetString() == "WorkOrderOverdue");
    }

    [Fact]
    public async Task A_question_is_answered_from_the_knowledge_base_and_a_repeated_call_is_merged_and_follows_its_parent()
    {
        var agent = await App.SignedIn("hotline");
        var found = await Http.Json(await App.Anonymous().GetAsync("/api/v1/knowledge?q=" + Uri.EscapeDataString("电梯困人怎么办")));
        var article = found.GetProperty("articles")[0];
        Assert.Contains("电梯", article.GetProperty("title").GetString(), StringComparison.Ordinal);
        var guides = await Http.Json(await App.Anonymous().GetAsync("/api/v1/knowledge?q=" + Uri.EscapeDataString("营业执照")));
        Assert.NotEmpty(guides.GetProperty("guides").EnumerateArray());
        Assert.StartsWith("/guide/", guides.GetProperty("guides")[0].GetProperty("link").GetString(), StringComparison.Ordinal);

        // A 咨询 closed on the line from the article; a complaint cannot be.
        var question = JsonSerializer.SerializeToNode(Call(People.Mobile()))!.AsObject();
        question["type"] = "consultation";
        var asked = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", question), HttpStatusCode.Created);
        var order = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{asked.GetProperty("id").GetString()}"));
        order = await StepAsync(agent, order, "answer", new { articleId = article.GetProperty("id").GetString() });
        Assert.Equal("answered", order.GetProperty("status").GetString());
        Assert.Equal(article.GetProperty("id").GetString(), order.GetProperty("answerArticleId").GetString());
        var complaint = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(People.Mobile())), HttpStatusCode.Created);
        var problem = await StepAsync(agent, await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{complaint.GetProperty("id").GetString()}")), "answer",
            new { answer = "请拨打电梯救援电话" }, HttpStatusCode.Conflict);
        Assert.Equal("urn:onewindow:work-order:not-consultation", problem.GetProperty("type").GetString());

        // Articles are written by agents and revised with their history kept; citizens cannot write them.
        var written = await Http.Json(await agent.PostAsJsonAsync("/api/v1/knowledge", new { title = "冬季供暖不热怎么办", body = "供暖期室温低于 18℃ 可向供热企业报修，24 小时内上门检测。", categoryCode = "010103" }),
            HttpStatusCode.Created);
        using (var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/knowledge/{written.GetProperty("id").GetString()}")
               {
                   Content = JsonContent.Create(new { title = "冬季供暖不热怎么办", body = "供暖期室温低于 18℃ 可向供热企业报修，企业应在 24 小时内上门检测，仍不达标的按日退费。" }),
               })
        {
            revise.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{written.GetProperty("version").GetInt32()}\""));
            var revised = await Http.Json(await agent.SendAsync(revise));
            Assert.Equal(2, revised.GetProperty("revision").GetInt32());
            Assert.Equal(2, revised.GetProperty("revisions").GetArrayLength());
        }

        await Http.Problem(await (await App.SignedIn("citizen")).PostAsJsonAsync("/api/v1/knowledge", new { title = "我的文章标题", body = "市民不能写知识库文章内容。" }), HttpStatusCode.Forbidden);

        // The same caller calls again about the same thing: suggested as a duplicate, merged, and it follows the parent.
        var phone = People.Mobile();
        var parent = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(phone)), HttpStatusCode.Created);
        var again = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(phone)), HttpStatusCode.Created);
        var child = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{again.GetProperty("id").GetString()}"));
        Assert.Contains(child.GetProperty("possibleDuplicates").EnumerateArray(), d => d.GetProperty("id").GetString() == parent.GetProperty("id").GetString());
        child = await StepAsync(agent, child, "merge", new { parentId = parent.GetProperty("id").GetString() });
        Assert.Equal("merged", child.GetProperty("status").GetString());
        var praise = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{parent.GetProperty("id").GetString()}"));
        await StepAsync(agent, praise, "close", new { reason = "来电人反映的问题已由物业当场修复，来电人认可" });
        var tracked = await Http.Json(await App.Anonymous().GetAsync($"/api/v1/work-orders/track?number={again.GetProperty("number").GetString()}&phoneLast4={phone[^4..]}"));
        Assert.Equal("已办结", tracked.GetProperty("statusLabel").GetString());
        Assert.Contains("当场修复", tracked.GetProperty("reply").GetString(), StringComparison.Ordinal);
    }
}

public sealed class HotlineTestsOnSqlite(SqliteFixture fixture) : HotlineTests(fixture), IClassFixture<SqliteFixture>;

public sealed class HotlineTestsOnPostgres(PostgresFixture fixture) : HotlineTests(fixture), IClassFixture<PostgresFixture>;
