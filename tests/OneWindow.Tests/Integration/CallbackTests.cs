using OneWindow.Modules.Ratings.Domain;
using OneWindow.Modules.Ratings.Features;
using OneWindow.Platform.Data;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 22 (ADR 0023): the daily callback list by the working calendar, attempts on different half-days, a callback's
/// 不满意 through the one rectification loop with its deadlines, 办不成事, and the satisfaction rate counting each service once.
/// </summary>
public abstract class CallbackTests(AppFixture fixture)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static object Call(string phone, string address) => new
    {
        channel = "phone", type = "consultation", categoryCode = "010101", caller = new { name = "回访测试", phone }, confidential = false,
        content = "咨询小区电梯年检的要求和周期，物业说不清楚。", location = new { address }, urgency = "normal",
    };

    private static async Task<JsonElement> WithVersionAsync(HttpClient client, string url, object body, int version, HttpStatusCode expect = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        var response = await client.SendAsync(request);
        return expect == HttpStatusCode.OK ? await Http.Json(response) : await Http.Problem(response, expect);
    }

    /// <summary>A 12345 question answered and closed by the agent at once: one closed service with the caller's phone, in the address's county.</summary>
    private static async Task<string> ClosedOrderAsync(HttpClient agent, string phone, string address)
    {
        var created = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", Call(phone, address)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var order = await Http.Json(await agent.GetAsync($"/api/v1/work-orders/{id}"));
        await WithVersionAsync(agent, $"/api/v1/work-orders/{id}/close", new { reason = "已电话解答电梯年检要求，来电人表示清楚" }, order.GetProperty("version").GetInt32());
        return id;
    }

    private static async Task<string> CompletedCaseAsync(TestApp app, HttpClient applicant, string item)
    {
        var id = await Applications.SubmitAsync(applicant, await Applications.EnterpriseAsync(applicant, item));
        var clerk = await app.SignedIn("clerk");
        await Applications.ActAsync(clerk, id, "accept");
        await Applications.ActAsync(await app.SignedIn("reviewer.scj"), id, "review", new { opinion = "符合要求", recommendation = "approve" });
        await Applications.ActAsync(await app.SignedIn("approver.scj"), id, "approve", new { opinion = "准予许可" });
        await Applications.ActAsync(clerk, id, "complete", new { delivery = "counter" });
        return id;
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    [Fact]
    public async Task Fridays_services_are_on_mondays_list_less_the_rated_and_the_do_not_call_and_a_county_agent_sees_only_the_county()
    {
        await using var database = await fixture.NewDatabaseAsync();
        // Friday 2026-03-06: services close; Monday 2026-03-09 the list is built (the weekend in between is skipped).
        var clock = new TestClock(new DateTimeOffset(2026, 3, 6, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?> { ["Callbacks:ListJob"] = "false" });
        var enterprise = await app.SignedIn("enterprise");
        var listed = await CompletedCaseAsync(app, enterprise, "XK-SCJ-005");
        // 李明 registers a business and rates it himself: no call.
        var citizen = await app.SignedIn("citizen");
        var clerk = await app.SignedIn("clerk");
        var rated = await Applications.CompletedBusinessRegistrationAsync(citizen, clerk, await app.SignedIn("approver.scj"));
        await Http.Json(await citizen.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "case", subjectId = rated, level = 5 }), HttpStatusCode.Created);
        var agent = await app.SignedIn("hotline");
        var county = await ClosedOrderAsync(agent, People.Mobile(), "滨州市滨城区黄河五路 100 号");
        var quietPhone = People.Mobile();
        var quiet = await ClosedOrderAsync(agent, quietPhone, "滨州市滨城区黄河六路 8 号");
        var centre = await app.SignedIn("callback");
        var dnc = await Http.Json(await centre.PostAsJsonAsync("/api/v1/callbacks/do-not-call", new { phone = quietPhone, reason = "来电要求不再回访" }));
        Assert.DoesNotContain(quietPhone, dnc.GetRawText(), StringComparison.Ordinal);

        // Saturday is no working day; Monday's list takes Friday's services.
        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(2));
        var admin = await app.SignedIn("admin");
        var weekend = await Http.Problem(await admin.PostAsJsonAsync("/api/v1/callbacks/lists", new { date = "2026-03-07" }), HttpStatusCode.BadRequest);
        Assert.True(weekend.GetProperty("errors").TryGetProperty("date", out _));
        var built = await Http.Json(await admin.PostAsJsonAsync("/api/v1/callbacks/lists", new { date = "2026-03-09" }));
        Assert.Equal("2026-03-06", built.GetProperty("serviceDate").GetString());
        Assert.True(built.GetProperty("created").GetInt32() >= 2);
        Assert.True(built.GetProperty("rated").GetInt32() >= 1);
        Assert.True(built.GetProperty("doNotCall").GetInt32() >= 1);
        var again = await Http.Json(await admin.PostAsJsonAsync("/api/v1/callbacks/lists", new { date = "2026-03-09" }));
        Assert.Equal(0, again.GetProperty("created").GetInt32());

        centre = await app.SignedIn("callback"); // a new day, a new sign-in
        var city = await Http.Json(await centre.GetAsync("/api/v1/callbacks?date=2026-03-09&pageSize=200"));
        var subjects = Items(city).Select(t => t.GetProperty("subjectId").GetString()).ToList();
        Assert.Contains(listed, subjects);
        Assert.Contains(county, subjects);
        Assert.DoesNotContain(rated, subjects);
        Assert.DoesNotContain(quiet, subjects);
        Assert.Equal(built.GetProperty("created").GetInt32(), city.GetProperty("total").GetInt32());
        var task = Items(city).Single(t => t.GetProperty("subjectId").GetString() == listed);
        Assert.Matches(@"^1\d{10}$", task.GetProperty("phone").GetString());

        // 滨城区's line sees 滨城区's tasks only; a supervisor reads the phone masked.
        var bincheng = await Http.Json(await (await app.SignedIn("callback.bincheng")).GetAsync("/api/v1/callbacks?date=2026-03-09&pageSize=200"));
        Assert.Contains(Items(bincheng), t => t.GetProperty("subjectId").GetString() == county);
        Assert.All(Items(bincheng), t => Assert.StartsWith("371602", t.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
        Assert.Equal("callback.bincheng", await AgentUserNameAsync(app, Items(bincheng).Single(t => t.GetProperty("subjectId").GetString() == county).GetProperty("agentUserId").GetString()!));
        var masked = await Http.Json(await (await app.SignedIn("supervisor")).GetAsync($"/api/v1/callbacks/{task.GetProperty("id").GetString()}"));
        Assert.Contains("*", masked.GetProperty("phone").GetString(), StringComparison.Ordinal);
        await Http.Problem(await (await app.SignedIn("clerk")).GetAsync("/api/v1/callbacks"), HttpStatusCode.Forbidden);

        // After a holiday: Tuesday 2026-04-07 (清明 took Monday) calls back Friday 2026-04-03.
        var afterHoliday = await Http.Json(await admin.PostAsJsonAsync("/api/v1/callbacks/lists", new { date = "2026-04-07" }));
        Assert.Equal("2026-04-03", afterHoliday.GetProperty("serviceDate").GetString());
    }

    private static async Task<string> AgentUserNameAsync(TestApp app, string userId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == userId).Select(u => u.UserName!).SingleAsync();
    }

    [Fact]
    public async Task An_unanswered_task_is_tried_on_three_half_days_and_a_dissatisfied_callback_goes_through_the_loop_with_its_deadlines()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 6, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?>
        {
            ["Callbacks:ListJob"] = "false", ["Ratings:DeadlineJob"] = "false",
        });
        var hotline = await app.SignedIn("hotline");
        var unanswered = await ClosedOrderAsync(hotline, People.Mobile(), "滨州市黄河五路 1 号");
        var unhappy = await ClosedOrderAsync(hotline, People.Mobile(), "滨州市黄河五路 2 号");
        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(1)); // Monday 09:00
        await Http.Json(await (await app.SignedIn("admin")).PostAsJsonAsync("/api/v1/callbacks/lists", new { date = "2026-03-09" }));
        var agent = await app.SignedIn("callback");
        var list = await Http.Json(await agent.GetAsync("/api/v1/callbacks?date=2026-03-09&pageSize=200"));
        var first = Items(list).Single(t => t.GetProperty("subjectId").GetString() == unanswered);
        var url = $"/api/v1/callbacks/{first.GetProperty("id").GetString()}/attempt";

        var t1 = await WithVersionAsync(agent, url, new { outcome = "noAnswer" }, first.GetProperty("version").GetInt32());
        Assert.Equal("pending", t1.GetProperty("status").GetString());
        clock.Advance(TimeSpan.FromHours(1)); // the same morning
        await WithVersionAsync(agent, url, new { outcome = "noAnswer" }, t1.GetProperty("version").GetInt32(), HttpStatusCode.Conflict);
        clock.Advance(TimeSpan.FromHours(4)); // 14:00
        var t2 = await WithVersionAsync(agent, url, new { outcome = "noAnswer" }, t1.GetProperty("version").GetInt32());
        Assert.Equal(2, t2.GetProperty("attempts").GetInt32());
        clock.Advance(TimeSpan.FromHours(19)); // Tuesday 09:00
        agent = await app.SignedIn("callback");
        var t3 = await WithVersionAsync(agent, url, new { outcome = "noAnswer" }, t2.GetProperty("version").GetInt32());
        Assert.Equal("unreachable", t3.GetProperty("status").GetString());
        Assert.Equal("未接通", t3.GetProperty("statusLabel").GetString());
        await WithVersionAsync(agent, url, new { outcome = "reached" }, t3.GetProperty("version").GetInt32(), HttpStatusCode.BadRequest);

        // A reached call: the answers are checked field by field, then recorded as a 回访 rating; 不满意 opens a rectification.
        var second = Items(list).Single(t => t.GetProperty("subjectId").GetString() == unhappy);
        var reachUrl = $"/api/v1/callbacks/{second.GetProperty("id").GetString()}/attempt";
        var bad = await WithVersionAsync(agent, reachUrl, new { outcome = "reached", answers = new { attitude = 9 } }, second.GetProperty("version").GetInt32(), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "answers.attitude", "answers.process", "answers.efficiency", "answers.doneInOneVisit" })
        {
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var reached = await WithVersionAsync(agent, reachUrl, new
        {
            outcome = "reached", answers = new { attitude = 2, process = 3, efficiency = 2, doneInOneVisit = false, comment = "电话里没说清楚，跑了两趟" },
        }, second.GetProperty("version").GetInt32());
        Assert.Equal("reached", reached.GetProperty("status").GetString());
        Assert.Equal(2, reached.GetProperty("level").GetInt32());
        var rectificationId = reached.GetProperty("rectificationId").GetString()!;
        var supervisor = await app.SignedIn("supervisor");
        hotline = await app.SignedIn("hotline");
        var r = await Http.Json(await supervisor.GetAsync($"/api/v1/rectifications/{rectificationId}"));
        Assert.Equal("callback", r.GetProperty("source").GetString());
        Assert.Equal(second.GetProperty("id").GetString(), r.GetProperty("sourceId").GetString());
        Assert.Equal("verifying", r.GetProperty("status").GetString());

        // 核实 → 交办 (two working days, to the centre's own hall) → the job warns, then flags 超期 → 整改 → 反馈.
        var rUrl = $"/api/v1/rectifications/{rectificationId}";
        r = await WithVersionAsync(supervisor, rUrl + "/verify", new { note = "调取通话录音，答复不清属实", founded = true }, r.GetProperty("version").GetInt32());
        r = await WithVersionAsync(supervisor, rUrl + "/assign", new { department = "371600-XSP", person = "王导服", workingDays = 2, note = "由大厅负责人整改答复口径" },
            r.GetProperty("version").GetInt32());
        Assert.Equal("2026-03-12", r.GetProperty("dueDate").GetString()); // Tuesday + 2 working days
        async Task<RectificationScanResult> ScanAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RectificationDeadlines>().RunAsync(default);
        }

        clock.Advance(TimeSpan.FromDays(1)); // Wednesday: due tomorrow
        Assert.Equal(1, (await ScanAsync()).Warned);
        Assert.Equal(0, (await ScanAsync()).Warned);
        supervisor = await app.SignedIn("supervisor");
        Assert.Equal("warning", (await Http.Json(await supervisor.GetAsync(rUrl))).GetProperty("deadlineState").GetString());
        clock.Advance(TimeSpan.FromDays(2)); // Friday: past due
        Assert.Equal(1, (await ScanAsync()).Overdue);
        supervisor = await app.SignedIn("supervisor");
        hotline = await app.SignedIn("hotline");
        var board = await Http.Json(await supervisor.GetAsync("/api/v1/rectifications?overdue=true"));
        Assert.Contains(Items(board), x => x.GetProperty("id").GetString() == rectificationId && x.GetProperty("deadlineState").GetString() == "overdue");

        var guide = await app.SignedIn("guide");
        r = await Http.Json(await guide.GetAsync(rUrl));
        // The department first served no longer sees it once it is assigned elsewhere (need to know).
        await WithVersionAsync(hotline, rUrl + "/rectify", new { note = "不是责任部门" }, r.GetProperty("version").GetInt32(), HttpStatusCode.NotFound);
        r = await WithVersionAsync(guide, rUrl + "/rectify", new { note = "统一电梯年检答复口径，培训坐席" }, r.GetProperty("version").GetInt32());
        r = await WithVersionAsync(guide, rUrl + "/feedback", new { note = "已电话告知整改情况", satisfied = false }, r.GetProperty("version").GetInt32());
        Assert.Equal("verifying", r.GetProperty("status").GetString());
        Assert.Equal(1, r.GetProperty("sendBacks").GetInt32());
        r = await WithVersionAsync(supervisor, rUrl + "/verify", new { note = "再次核实", founded = true }, r.GetProperty("version").GetInt32());
        r = await WithVersionAsync(supervisor, rUrl + "/assign", new { department = "371600-XSP", workingDays = 3 }, r.GetProperty("version").GetInt32());
        r = await WithVersionAsync(guide, rUrl + "/rectify", new { note = "上门说明并当场办结" }, r.GetProperty("version").GetInt32());
        r = await WithVersionAsync(guide, rUrl + "/feedback", new { note = "群众表示满意", satisfied = true }, r.GetProperty("version").GetInt32());
        Assert.Equal("closed", r.GetProperty("status").GetString());
        Assert.True(r.GetProperty("citizenSatisfied").GetBoolean());

        // The callback's rating counts in the satisfaction rate with channel 回访.
        var summary = await Http.Json(await supervisor.GetAsync("/api/v1/ratings/summary?department=371600-RXB&from=2026-03-01&to=2026-03-31"));
        Assert.Equal(1, summary.GetProperty("total").GetInt32());
        Assert.Contains(summary.GetProperty("channels").EnumerateArray(), c => c.GetProperty("channel").GetString() == "callback" && c.GetProperty("count").GetInt32() == 1);
        Assert.True((await Http.Json(await (await app.SignedIn("admin")).GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task The_morning_job_builds_the_days_list_once_on_a_working_day_and_not_on_a_weekend_or_before_it_opens()
    {
        await using var database = await fixture.NewDatabaseAsync();
        // Saturday 2026-03-07, 08:00: the demo's first list is built for Monday; the job builds nothing on a weekend.
        var clock = new TestClock(new DateTimeOffset(2026, 3, 7, 8, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?> { ["Callbacks:ListJob"] = "false" });
        async Task<List<string>> ListsAsync()
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Callbacks.Features.CallbackListJob>().RunAsync(default);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return [.. (await db.Set<OneWindow.Modules.Callbacks.Domain.CallbackList>().AsNoTracking().ToListAsync())
                .Select(l => $"{l.Date:yyyy-MM-dd}:{l.Created}").Order(StringComparer.Ordinal)];
        }

        var demo = await ListsAsync();
        Assert.Equal("2026-03-09", Assert.Single(demo).Split(':')[0]);
        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(1.5)); // Tuesday 06:30: before 07:00
        Assert.Equal(demo, await ListsAsync());
        clock.Advance(TimeSpan.FromHours(1)); // 07:30: Tuesday's list (Monday's services)
        var built = await ListsAsync();
        Assert.Contains(built, l => l.StartsWith("2026-03-10:", StringComparison.Ordinal));
        Assert.Equal(built, await ListsAsync()); // once a day
    }

    [Fact]
    public async Task A_reverse_experience_opens_a_rectification_for_each_problem_and_the_report_exports_as_csv_and_xlsx()
    {
        var guide = await fixture.App.SignedIn("guide");
        var bad = await Http.Problem(await guide.PostAsJsonAsync("/api/v1/reverse-experiences", new { itemCode = "XK-NONE-000", steps = "走", problems = new[] { new { step = "", problem = "" } } }),
            HttpStatusCode.BadRequest, "reverse-experience:invalid");
        foreach (var field in new[] { "itemCode", "steps", "problems[0].step", "problems[0].problem" })
        {
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var recorded = await Http.Json(await guide.PostAsJsonAsync("/api/v1/reverse-experiences", new
        {
            itemCode = "XK-SCJ-004", steps = "以申请人身份网上申请个体工商户设立登记，再到窗口取照",
            problems = new[] { new { step = "网上填表", problem = "经营范围下拉框找不到常见的餐饮类别" }, new { step = "窗口取照", problem = "取照要重新排队取号" } },
        }), HttpStatusCode.Created);
        var supervisor = await fixture.App.SignedIn("supervisor");
        foreach (var problem in recorded.GetProperty("problems").EnumerateArray())
        {
            var r = await Http.Json(await supervisor.GetAsync($"/api/v1/rectifications/{problem.GetProperty("rectificationId").GetString()}"));
            Assert.Equal("reverseExperience", r.GetProperty("source").GetString());
            Assert.Equal("371600-SCJ", r.GetProperty("department").GetString());
        }

        var csv = await supervisor.GetAsync("/api/v1/callbacks/report?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("回访概况", text, StringComparison.Ordinal);
        Assert.Contains("反向体验", text, StringComparison.Ordinal);
        var xlsx = await supervisor.GetAsync("/api/v1/callbacks/report?format=xlsx");
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2));
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes)))
        {
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        }

        var pdf = await Http.Problem(await supervisor.GetAsync("/api/v1/callbacks/report?format=pdf"), HttpStatusCode.BadRequest);
        Assert.True(pdf.GetProperty("errors").TryGetProperty("format", out _));
        await Http.Problem(await guide.GetAsync("/api/v1/callbacks/report"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_12345_complaint_about_a_service_opens_a_rectification_for_the_department_when_the_centre_closes_it()
    {
        var agent = await fixture.App.SignedIn("hotline");
        var created = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            channel = "phone", type = "complaint", categoryCode = "030201", caller = new { name = "投诉人", phone = People.Mobile() }, confidential = false,
            content = "市民服务中心 3 号窗口工作人员态度生硬，问两句就不耐烦。", location = new { address = "滨州市黄河五路 597 号" }, urgency = "normal",
        }), HttpStatusCode.Created);
        var url = $"/api/v1/work-orders/{created.GetProperty("id").GetString()}";
        var order = await Http.Json(await agent.GetAsync(url));
        order = await WithVersionAsync(agent, url + "/dispatch", new { lead = "371600-XSP" }, order.GetProperty("version").GetInt32());
        var handler = await fixture.App.SignedIn("handler.xsp");
        order = await WithVersionAsync(handler, url + "/sign", new { }, order.GetProperty("version").GetInt32());
        order = await WithVersionAsync(handler, url + "/reply", new { reply = "已约谈窗口人员并向投诉人致歉" }, order.GetProperty("version").GetInt32());
        await WithVersionAsync(agent, url + "/review", new { accept = true }, order.GetProperty("version").GetInt32());

        var list = await Http.Json(await (await fixture.App.SignedIn("supervisor")).GetAsync("/api/v1/rectifications?source=workOrder&pageSize=100"));
        var r = Items(list).Single(x => x.GetProperty("sourceId").GetString() == created.GetProperty("id").GetString());
        Assert.Equal("371600-XSP", r.GetProperty("department").GetString());
        Assert.Equal("verifying", r.GetProperty("status").GetString());
        await Http.Problem(await (await fixture.App.SignedIn("supervisor")).GetAsync("/api/v1/rectifications?source=fax"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Each_service_event_counts_once_in_the_satisfaction_rate_the_citizens_own_rating_before_the_callbacks()
    {
        var department = "371600-T" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Rating R(RatingSubject type, string id, int level, RatingChannel channel) => new()
            {
                Id = Guid.CreateVersion7(), RegionCode = "371600", SubjectType = type, SubjectId = id, SubjectLabel = "测试", Level = level, Channel = channel,
                ByCallback = channel == RatingChannel.Callback, DepartmentCode = department, CreatedAt = now,
            };
            var ticket = Guid.NewGuid().ToString();
            var kase = Guid.NewGuid().ToString();
            var order = Guid.NewGuid().ToString();
            // A ticket rated 5 at the pad and 2 on the callback; a case rated 2 on the portal and 4 on the callback; an order rated on the callback only (4).
            db.AddRange(
                R(RatingSubject.Ticket, ticket, 5, RatingChannel.Pad), R(RatingSubject.Ticket, ticket, 2, RatingChannel.Callback),
                R(RatingSubject.Case, kase, 2, RatingChannel.Portal), R(RatingSubject.Case, kase, 4, RatingChannel.Callback),
                R(RatingSubject.WorkOrder, order, 4, RatingChannel.Callback));
            await db.SaveChangesAsync();
        }

        var summary = await Http.Json(await (await fixture.App.SignedIn("supervisor")).GetAsync($"/api/v1/ratings/summary?department={department}"));
        Assert.Equal(3, summary.GetProperty("total").GetInt32());
        Assert.Equal(0.6667, summary.GetProperty("satisfactionRate").GetDouble()); // 5 and 4 of (5, 2, 4)
        var channels = summary.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(1, channels["pad"]);
        Assert.Equal(1, channels["portal"]);
        Assert.Equal(1, channels["callback"]);
        var levels = summary.GetProperty("levels").EnumerateArray().ToDictionary(l => l.GetProperty("level").GetInt32(), l => l.GetProperty("count").GetInt32());
        Assert.Equal(1, levels[5]);
        Assert.Equal(1, levels[4]);
        Assert.Equal(1, levels[2]);
    }

    [Fact]
    public async Task An_unresolved_report_is_taken_answered_with_a_legal_basis_and_rated_and_three_on_one_item_reach_the_department_head()
    {
        var app = fixture.App;
        var citizen = await app.SignedIn("citizen");
        var empty = await Http.Problem(await citizen.PostAsJsonAsync("/api/v1/unresolved-reports", new { }), HttpStatusCode.BadRequest, "unresolved-report:invalid");
        foreach (var field in new[] { "site", "whatHappened", "want" })
        {
            Assert.True(empty.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var item = "XK-SCJ-004";
        var report = await Http.Json(await citizen.PostAsJsonAsync("/api/v1/unresolved-reports", new
        {
            itemCode = item, site = "市民服务中心 3 号窗口", whatHappened = "窗口说我的经营场所证明不符合要求，但说不出哪条规定", want = "请明确告诉我需要什么材料",
        }), HttpStatusCode.Created);
        Assert.Matches(@"^BS-\d{8}-\d{4}$", report.GetProperty("number").GetString());
        Assert.Equal("portal", report.GetProperty("channel").GetString());
        Assert.Equal("received", report.GetProperty("status").GetString());
        var id = report.GetProperty("id").GetString();
        var url = $"/api/v1/unresolved-reports/{id}";

        await WithVersionAsync(citizen, url + "/take", new { }, report.GetProperty("version").GetInt32(), HttpStatusCode.Forbidden);
        var guide = await app.SignedIn("guide");
        var taken = await WithVersionAsync(guide, url + "/take", new { }, report.GetProperty("version").GetInt32());
        Assert.Equal("王导服", taken.GetProperty("officerName").GetString());
        var noBasis = await WithVersionAsync(guide, url + "/close", new { solved = false, outcome = "经核实材料确不符合要求" }, taken.GetProperty("version").GetInt32(), HttpStatusCode.BadRequest);
        Assert.True(noBasis.GetProperty("errors").TryGetProperty("legalBasis", out _));
        var closed = await WithVersionAsync(guide, url + "/close", new
        {
            solved = false, outcome = "已当面说明所需材料清单，申请人补齐后可当日办理", legalBasis = "《个体工商户登记管理办法》第十条",
        }, taken.GetProperty("version").GetInt32());
        Assert.Equal("explained", closed.GetProperty("status").GetString());
        await Http.Json(await citizen.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "unresolvedReport", subjectId = id, level = 4 }), HttpStatusCode.Created);
        await Http.Problem(await citizen.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "unresolvedReport", subjectId = id, level = 4 }), HttpStatusCode.Conflict, "rating:already-rated");

        // Two more reports on the same item at the window: the third flags it to 市场监管局's head and opens a rectification.
        JsonElement third = default;
        for (var i = 0; i < 2; i++)
        {
            third = await Http.Json(await guide.PostAsJsonAsync("/api/v1/unresolved-reports", new
            {
                itemCode = item, site = "市民服务中心", whatHappened = "窗口要求提供房产证原件，租房的拿不出来", want = "希望租赁合同也能办", citizenName = "窗口群众" + i, phone = People.Mobile(),
            }), HttpStatusCode.Created);
        }

        Assert.Equal("window", third.GetProperty("channel").GetString());
        Assert.True(third.GetProperty("flagged").GetBoolean());
        var rectification = await Http.Json(await (await app.SignedIn("supervisor")).GetAsync($"/api/v1/rectifications/{third.GetProperty("rectificationId").GetString()}"));
        Assert.Equal("unresolvedReport", rectification.GetProperty("source").GetString());
        await Http.Eventually(async () =>
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var head = await db.Users.Where(u => u.UserName == "head.scj").Select(u => u.Id).SingleAsync();
            var inbox = await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.IInbox>().RecentAsync(head, 20);
            return inbox.Any(m => m.Title == "办不成事预警" && m.Body.Contains(item, StringComparison.Ordinal));
        }, "the department head should be told of the pattern");

        // The city hall has a 办不成事反映窗口 serving its own group (E).
        var counters = await Http.Json(await guide.GetAsync("/api/v1/halls/0193a000-0000-7000-8000-000000371600/counters"));
        Assert.Contains(counters.EnumerateArray(), c => c.GetProperty("kindLabel").GetString() == "办不成事反映窗口" && c.GetProperty("groups")[0].GetString() == "E");

        // The citizen sees their own reports only; another citizen sees none of them.
        var mine = await Http.Json(await citizen.GetAsync("/api/v1/unresolved-reports"));
        Assert.All(Items(mine), r => Assert.Equal("portal", r.GetProperty("channel").GetString()));
        Assert.DoesNotContain(Items(await Http.Json(await (await app.SignedIn("citizen2")).GetAsync("/api/v1/unresolved-reports"))), r => r.GetProperty("id").GetString() == id);
    }
}

public sealed class CallbackTestsOnSqlite(SqliteFixture fixture) : CallbackTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CallbackTestsOnPostgres(PostgresFixture fixture) : CallbackTests(fixture), IClassFixture<PostgresFixture>;
