namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 7 through the API: tickets on the phone with position and estimate, calling across general,
/// dedicated and green counters in priority → appointment → ticket-time order, 1,000 concurrent
/// call-next requests across 50 counters, hall metrics from real tickets.
/// </summary>
public abstract class QueueTests(AppFixture fixture)
{
    // Monday 2 March 2026, 09:00 in China.
    private static readonly DateTimeOffset Opening = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private const string CityHall = "0193a000-0000-7000-8000-000000371600";

    private static async Task<JsonElement> TakeAsync(HttpClient client, object body, HttpStatusCode expect = HttpStatusCode.Created, string hall = CityHall) =>
        expect == HttpStatusCode.Created
            ? await Http.Json(await client.PostAsJsonAsync($"/api/v1/halls/{hall}/tickets", body), HttpStatusCode.Created)
            : await Http.Problem(await client.PostAsJsonAsync($"/api/v1/halls/{hall}/tickets", body), expect);

    private static async Task<string> CounterAsync(HttpClient client, int number, string hall = CityHall)
    {
        var counters = await Http.Json(await client.GetAsync($"/api/v1/halls/{hall}/counters"));
        return counters.EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == number).GetProperty("id").GetString()!;
    }

    private static async Task<HttpClient> AtCounterAsync(TestApp app, string userName, int number)
    {
        var officer = await app.SignedIn(userName);
        await Http.Json(await officer.PostAsync($"/api/v1/counters/{await CounterAsync(officer, number)}/sign-in", null));
        return officer;
    }

    /// <summary>call-next: the ticket's number, or null on 204.</summary>
    private static async Task<JsonElement?> CallNextAsync(HttpClient officer, string counterId)
    {
        var response = await officer.PostAsync($"/api/v1/counters/{counterId}/call-next", null);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        return (await Http.Json(response)).GetProperty("ticket");
    }

    private static async Task<JsonElement> ActAsync(HttpClient officer, string ticketId, string action, object? body = null, HttpStatusCode expect = HttpStatusCode.OK)
    {
        var response = await officer.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/{action}", body ?? new { });
        return expect == HttpStatusCode.OK ? await Http.Json(response) : await Http.Problem(response, expect);
    }

    private static readonly string[] UnknownGroup = ["Q"];

    private static readonly string[] ClerkRole = ["IntakeClerk"];

    private static readonly string[] ApplicantRole = ["Applicant"];

    private static string Id(JsonElement ticket) => ticket.GetProperty("id").GetString()!;

    [Fact]
    public async Task A_citizen_takes_a_ticket_on_the_phone_a_general_counter_calls_it_and_the_metrics_come_from_the_tickets()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(Opening);
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var phone = app.Anonymous();

        var tickets = new List<JsonElement>();
        foreach (var mobile in new[] { "13805431234", "13905439876", "15305431111" })
        {
            tickets.Add(await TakeAsync(phone, new { group = "A", mobile }));
        }

        Assert.Equal(["A001", "A002", "A003"], tickets.Select(t => t.GetProperty("number").GetString()));
        var third = tickets[2];
        Assert.Equal(3, third.GetProperty("position").GetInt32());
        Assert.Equal(36, third.GetProperty("estimatedWaitMinutes").GetInt32()); // 3 × 12 minutes, no counter open yet: one assumed
        Assert.Equal("153****1111", third.GetProperty("mobile").GetString());
        var code = third.GetProperty("accessCode").GetString()!;

        // The phone link shows the ticket; without its secret nobody else sees it.
        Assert.Equal("waiting", (await Http.Json(await phone.GetAsync($"/api/v1/tickets/{Id(third)}?code={code}"))).GetProperty("status").GetString());
        await Http.Problem(await phone.GetAsync($"/api/v1/tickets/{Id(third)}"), HttpStatusCode.NotFound, "ticket:not-found");
        await Http.Problem(await phone.GetAsync($"/api/v1/tickets/{Id(third)}?code=0000"), HttpStatusCode.NotFound, "ticket:not-found");

        clock.Advance(TimeSpan.FromMinutes(10));
        var clerk = await AtCounterAsync(app, "clerk", 1);
        var counter1 = await CounterAsync(clerk, 1);
        var called = (await CallNextAsync(clerk, counter1))!.Value;
        Assert.Equal("A001", called.GetProperty("number").GetString());
        Assert.Equal("called", called.GetProperty("status").GetString());
        Assert.Equal(1, called.GetProperty("counterNumber").GetInt32());

        var now = await Http.Json(await phone.GetAsync($"/api/v1/tickets/{Id(third)}?code={code}"));
        Assert.Equal(2, now.GetProperty("position").GetInt32());
        Assert.Equal(24, now.GetProperty("estimatedWaitMinutes").GetInt32());

        var display = await Http.Json(await phone.GetAsync($"/api/v1/halls/{CityHall}/display"));
        var current = display.GetProperty("current")[0];
        Assert.Equal("A001", current.GetProperty("number").GetString());
        Assert.Equal(1, current.GetProperty("counterNumber").GetInt32());
        Assert.Equal("请 A001 号到 1 号窗口", current.GetProperty("announcement").GetString());
        Assert.Equal(2, display.GetProperty("waiting").EnumerateArray().Single(w => w.GetProperty("group").GetString() == "A").GetProperty("waiting").GetInt32());

        // Only the officer signed in at a counter acts on it; a busy counter cannot call again.
        var guide = await AtCounterAsync(app, "guide", 2);
        await Http.Problem(await guide.PostAsync($"/api/v1/counters/{counter1}/call-next", null), HttpStatusCode.Forbidden, "counter:not-yours");
        await ActAsync(guide, Id(called), "finish", expect: HttpStatusCode.Forbidden);
        await Http.Problem(await clerk.PostAsync($"/api/v1/counters/{counter1}/call-next", null), HttpStatusCode.Conflict, "counter:serving");
        // Not even the hall's guide signs out a counter in the middle of a service.
        await Http.Problem(await guide.PostAsync($"/api/v1/counters/{counter1}/sign-out", null), HttpStatusCode.Conflict, "counter:serving");
        await Http.Problem(await (await app.SignedIn("reviewer.scj")).PostAsync($"/api/v1/counters/{counter1}/sign-out", null), HttpStatusCode.Forbidden, "auth:forbidden");

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("serving", (await ActAsync(clerk, Id(called), "start")).GetProperty("status").GetString());
        clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal("done", (await ActAsync(clerk, Id(called), "finish", new { caseIds = Array.Empty<Guid>() })).GetProperty("status").GetString());
        await ActAsync(clerk, Id(called), "finish", expect: HttpStatusCode.Conflict);

        // A002 does not come: recalled twice, the third recall marks it 过号.
        var second = (await CallNextAsync(clerk, counter1))!.Value;
        Assert.Equal("A002", second.GetProperty("number").GetString());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await ActAsync(clerk, Id(second), "recall")).GetProperty("recalls").GetInt32());
        Assert.Equal(2, (await ActAsync(clerk, Id(second), "recall")).GetProperty("recalls").GetInt32());
        Assert.Equal("noShow", (await ActAsync(clerk, Id(second), "recall")).GetProperty("status").GetString());

        clock.Advance(TimeSpan.FromMinutes(9));
        var metrics = await Http.Json(await clerk.GetAsync($"/api/v1/halls/{CityHall}/metrics"));
        Assert.Equal(3, metrics.GetProperty("issued").GetInt32());
        Assert.Equal(1, metrics.GetProperty("served").GetInt32());
        Assert.Equal(1, metrics.GetProperty("noShows").GetInt32());
        Assert.Equal(1, metrics.GetProperty("waiting").GetInt32());
        Assert.Equal(15.0, metrics.GetProperty("averageWaitMinutes").GetDouble()); // A001 waited 10, A002 20
        Assert.Equal(20.0, metrics.GetProperty("p90WaitMinutes").GetDouble());
        Assert.Equal(8.0, metrics.GetProperty("averageServiceMinutes").GetDouble());
        Assert.Equal(0.5, metrics.GetProperty("noShowRate").GetDouble());
        var desk1 = metrics.GetProperty("counters").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 1);
        Assert.Equal(20.0, desk1.GetProperty("openMinutes").GetDouble()); // signed in at 09:10, now 09:30
        Assert.Equal(11.0, desk1.GetProperty("busyMinutes").GetDouble()); // A001 09:10–09:20, A002 09:20–09:21
        Assert.Equal(0.55, desk1.GetProperty("utilisation").GetDouble());
        Assert.Equal(1, metrics.GetProperty("byHour").EnumerateArray().Single(h => h.GetProperty("hour").GetInt32() == 9).GetProperty("served").GetInt32());

        // The same tickets as a spreadsheet: one row each, phones masked.
        var csv = await clerk.GetAsync($"/api/v1/halls/{CityHall}/tickets.csv?from=2026-03-02&to=2026-03-02");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("日期,号码,业务分区", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Equal("2026-03-02,A001,综合受理,普通,手机取号,09:00:00,09:10:00,1,09:20:00,已办结,10.0,8.0,0,138****1234", lines[1]);
        Assert.Contains("已过号", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("13805431234", lines[1], StringComparison.Ordinal);
        await Http.Problem(await clerk.GetAsync($"/api/v1/halls/{CityHall}/tickets.csv?from=2026-03-02&to=2026-01-01"), HttpStatusCode.BadRequest);

        // Every ticket change is in the audit chain, and the chain holds.
        var audit = await Http.Json(await (await app.SignedIn("admin")).GetAsync("/api/v1/audit/verify"));
        Assert.True(audit.GetProperty("ok").GetBoolean());
        await Http.Problem(await phone.GetAsync($"/api/v1/halls/{CityHall}/metrics"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Calling_order_is_priority_then_appointment_time_then_ticket_time_and_counters_keep_to_their_groups()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(Opening);
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var phone = app.Anonymous();
        var citizen = await app.SignedIn("citizen");

        // Book 09:30 today for group A; group C's 09:30 slot holds three.
        var booked = await Http.Json(await citizen.PostAsJsonAsync($"/api/v1/halls/{CityHall}/appointments",
            new { group = "A", day = "2026-03-02", slot = "09:30", mobile = "13805431234" }), HttpStatusCode.Created);
        var checkIn = booked.GetProperty("checkInCode").GetString()!;
        Assert.Matches("^[0-9]{6}$", checkIn);
        for (var i = 0; i < 3; i++)
        {
            await Http.Json(await citizen.PostAsJsonAsync($"/api/v1/halls/{CityHall}/appointments", new { group = "C", day = "2026-03-02", slot = "09:30", mobile = "13805431234" }),
                HttpStatusCode.Created);
        }

        await Http.Problem(await citizen.PostAsJsonAsync($"/api/v1/halls/{CityHall}/appointments", new { group = "C", day = "2026-03-02", slot = "09:30", mobile = "13805431234" }),
            HttpStatusCode.Conflict, "appointment:slot-full");
        var slots = await Http.Json(await phone.GetAsync($"/api/v1/halls/{CityHall}/slots?group=C&day=2026-03-02"));
        Assert.Equal(0, slots.EnumerateArray().Single(s => s.GetProperty("start").GetString() == "09:30:00").GetProperty("left").GetInt32());
        // Cancelling one frees its place; the citizen's own list shows it cancelled; nobody else may cancel it.
        var mine = await Http.Json(await citizen.GetAsync("/api/v1/appointments"));
        var groupC = mine.EnumerateArray().First(a => a.GetProperty("group").GetString() == "C").GetProperty("id").GetString();
        await Http.Problem(await (await app.SignedIn("citizen2")).PostAsync($"/api/v1/appointments/{groupC}/cancel", null), HttpStatusCode.NotFound, "appointment:not-found");
        Assert.Equal("cancelled", (await Http.Json(await citizen.PostAsync($"/api/v1/appointments/{groupC}/cancel", null))).GetProperty("status").GetString());
        await Http.Problem(await citizen.PostAsync($"/api/v1/appointments/{groupC}/cancel", null), HttpStatusCode.Conflict, "appointment:not-booked");
        slots = await Http.Json(await phone.GetAsync($"/api/v1/halls/{CityHall}/slots?group=C&day=2026-03-02"));
        Assert.Equal(1, slots.EnumerateArray().Single(s => s.GetProperty("start").GetString() == "09:30:00").GetProperty("left").GetInt32());
        var bad = await Http.Problem(await citizen.PostAsJsonAsync($"/api/v1/halls/{CityHall}/appointments", new { group = "A", day = "2026-03-07", slot = "10:00", mobile = "123" }),
            HttpStatusCode.BadRequest, "appointment:invalid");
        Assert.True(bad.GetProperty("errors").TryGetProperty("day", out _)); // a Saturday
        Assert.True(bad.GetProperty("errors").TryGetProperty("mobile", out _));

        var a001 = await TakeAsync(phone, new { group = "A" });
        clock.Advance(TimeSpan.FromMinutes(1));
        var a002 = await TakeAsync(phone, new { group = "A" });
        clock.Advance(TimeSpan.FromMinutes(1));
        // Priority is given at the guide desk, not claimed on a phone.
        await TakeAsync(phone, new { group = "A", priority = "priority" }, HttpStatusCode.BadRequest);
        var guide = await app.SignedIn("guide");
        var a003 = await TakeAsync(guide, new { group = "A", priority = "priority" });
        Assert.Equal("guideDesk", a003.GetProperty("channel").GetString());
        clock.Advance(TimeSpan.FromMinutes(3));
        var a004 = await TakeAsync(phone, new { checkInCode = checkIn });
        Assert.Equal("appointment", a004.GetProperty("channel").GetString());
        await TakeAsync(phone, new { checkInCode = checkIn }, HttpStatusCode.Conflict); // checked in once
        // The guide picks the group from the item: 食品经营许可 is 市场监管's, group B.
        var b001 = await TakeAsync(guide, new { itemCode = "XK-SCJ-001" });
        Assert.Equal("B001", b001.GetProperty("number").GetString());

        var clerk = await AtCounterAsync(app, "clerk", 1);
        var counter1 = await CounterAsync(clerk, 1);
        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var t = (await CallNextAsync(clerk, counter1))!.Value;
            order.Add(t.GetProperty("number").GetString()!);
            await ActAsync(clerk, Id(t), "finish");
        }

        Assert.Equal(["A003", "A004", "A001", "A002"], order);

        // B001 waits, but a dedicated 工程建设 counter keeps to its group; the green channel takes a priority ticket of any group first.
        var steward = await AtCounterAsync(app, "steward", 8);
        Assert.Null(await CallNextAsync(steward, await CounterAsync(steward, 8)));
        var a005 = await TakeAsync(phone, new { group = "A" });
        var d001 = await TakeAsync(guide, new { group = "D", priority = "priority" });
        var green = await AtCounterAsync(app, "guide", 9);
        Assert.Equal(Id(d001), Id((await CallNextAsync(green, await CounterAsync(green, 9)))!.Value));

        // A general counter serves every group in ticket time: B001 before A005.
        var next = (await CallNextAsync(clerk, counter1))!.Value;
        Assert.Equal(Id(b001), Id(next));
        await ActAsync(clerk, Id(next), "finish");
        Assert.Equal(Id(a005), Id((await CallNextAsync(clerk, counter1))!.Value));

        // Transferred to the 企业开办 group, A005 reaches the B counter.
        var moved = await ActAsync(clerk, Id(a005), "transfer", new { group = "B" });
        Assert.Equal("transferred", moved.GetProperty("status").GetString());
        await ActAsync(clerk, Id(a005), "transfer", new { }, HttpStatusCode.BadRequest);
        var scj = await app.StaffClientAsync("counter.b", "371600-XSP", "371600", "IntakeClerk");
        var counter7 = await CounterAsync(scj, 7);
        await Http.Json(await scj.PostAsync($"/api/v1/counters/{counter7}/sign-in", null));
        Assert.Equal(Id(a005), Id((await CallNextAsync(scj, counter7))!.Value));
        Assert.Null(await CallNextAsync(clerk, counter1));
    }

    [Fact]
    public async Task A_thousand_concurrent_calls_across_fifty_counters_call_every_ticket_exactly_once()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, settings: new Dictionary<string, string?> { ["Intake:DeadlineJob"] = "false", ["Projects:DeadlineJob"] = "false" });
        var admin = await app.SignedIn("admin");
        // Open every day round the clock (a 24 小时自助区): the test runs whenever it is run.
        var hall = await Http.Json(await admin.PostAsJsonAsync("/api/v1/halls", new
        {
            name = "并发测试大厅", regionCode = "371600", openEveryDay = true, opensAt = "00:00", closesAt = "00:00", groups = new[] { new { code = "A", name = "综合受理", serviceMinutes = 10, slotCapacity = 0 } },
        }), HttpStatusCode.Created);
        var hallId = hall.GetProperty("id").GetString()!;
        var officers = new List<(HttpClient Client, string Counter)>();
        for (var n = 1; n <= 50; n++)
        {
            var counter = await Http.Json(await admin.PostAsJsonAsync($"/api/v1/halls/{hallId}/counters", new { number = n, kind = "general", departmentCode = "371600-XSP" }),
                HttpStatusCode.Created);
            var officer = await app.StaffClientAsync($"window{n:00}", "371600-XSP", "371600", "IntakeClerk");
            var id = counter.GetProperty("id").GetString()!;
            await Http.Json(await officer.PostAsync($"/api/v1/counters/{id}/sign-in", null));
            officers.Add((officer, id));
        }

        const int Tickets = 600;
        var phone = app.Anonymous();
        var issued = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Tickets), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            var t = await Http.Json(await phone.PostAsJsonAsync($"/api/v1/halls/{hallId}/tickets", new { group = "A" }, ct), HttpStatusCode.Created);
            issued.Add(Id(t));
        });
        Assert.Equal(Tickets, issued.Distinct().Count());

        // Fifty counters press "call next" twenty times each, all at once: 1,000 requests.
        var called = new System.Collections.Concurrent.ConcurrentBag<string>();
        var empty = 0;
        await Task.WhenAll(officers.Select(o => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var response = await o.Client.PostAsync($"/api/v1/counters/{o.Counter}/call-next", null);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    Interlocked.Increment(ref empty);
                    continue;
                }

                var ticket = (await Http.Json(response)).GetProperty("ticket");
                called.Add(Id(ticket));
                await Http.Json(await o.Client.PostAsJsonAsync($"/api/v1/tickets/{Id(ticket)}/finish", new { }));
            }
        })));

        Assert.Equal(1000, called.Count + empty);
        Assert.Equal(called.Count, called.Distinct().Count()); // nobody called twice
        Assert.Equal(Tickets, called.Count); // none lost
        Assert.Equal(issued.Order(), called.Order());
        var display = await Http.Json(await phone.GetAsync($"/api/v1/halls/{hallId}/display"));
        Assert.Equal(0, display.GetProperty("waiting")[0].GetProperty("waiting").GetInt32());
        Assert.True((await Http.Json(await admin.GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Holders_who_left_a_mobile_are_told_when_three_are_ahead_and_when_they_are_called()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(new RunningClock(Opening)));
        var phone = app.Anonymous();
        var tickets = new List<JsonElement>();
        for (var i = 1; i <= 5; i++)
        {
            tickets.Add(await TakeAsync(phone, new { group = "D", mobile = $"1390543000{i}" }));
        }

        var clerk = await AtCounterAsync(app, "clerk", 1);
        var counter = await CounterAsync(clerk, 1);
        var first = (await CallNextAsync(clerk, counter))!.Value;
        Assert.Equal("D001", first.GetProperty("number").GetString());
        await Http.Eventually(async () =>
        {
            var log = File.Exists(app.NotificationLog) ? await File.ReadAllTextAsync(app.NotificationLog) : "";
            return log.Contains("请 D001 号到滨州市市民服务中心 1 号窗口办理", StringComparison.Ordinal) && log.Contains("139****0001", StringComparison.Ordinal)
                && log.Contains("D005 号前面还有 3 人", StringComparison.Ordinal) && log.Contains("139****0005", StringComparison.Ordinal);
        }, "the called holder and the one with three ahead should get an SMS (masked in the log)");

        await ActAsync(clerk, Id(first), "finish");
        var second = (await CallNextAsync(clerk, counter))!.Value;
        await Http.Eventually(async () => (await File.ReadAllTextAsync(app.NotificationLog)).Contains("请 D002 号", StringComparison.Ordinal), "D002 is told it is called");
        var log = await File.ReadAllTextAsync(app.NotificationLog);
        Assert.Equal(1, log.Split("D005 号前面还有", StringSplitOptions.None).Length - 1); // once
        Assert.DoesNotContain("13905430005", log, StringComparison.Ordinal);
        Assert.Equal("D002", second.GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_new_day_starts_without_yesterdays_tickets_and_the_day_end_job_closes_them()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(Opening.AddHours(7)); // Monday 16:00
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock),
            settings: new Dictionary<string, string?> { ["Queue:DayEndJob"] = "false" });
        var phone = app.Anonymous();
        var a001 = await TakeAsync(phone, new { group = "A" });
        var a002 = await TakeAsync(phone, new { group = "A" });
        var clerk = await AtCounterAsync(app, "clerk", 1);
        var counter = await CounterAsync(clerk, 1);
        Assert.Equal(Id(a001), Id((await CallNextAsync(clerk, counter))!.Value));

        // Tuesday 09:00: yesterday's A002 is not called, whatever its place in time.
        clock.Advance(TimeSpan.FromHours(17));
        clerk = await app.SignedIn("clerk"); // yesterday's session has expired
        var guide = await AtCounterAsync(app, "guide", 2);
        Assert.Null(await CallNextAsync(guide, await CounterAsync(guide, 2)));
        var today = await TakeAsync(phone, new { group = "A" });
        Assert.Equal("A001", today.GetProperty("number").GetString());
        Assert.Equal(1, today.GetProperty("position").GetInt32());

        await using (var scope = app.Scope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Queue.Features.QueueDayEnd>().CloseEarlierDaysAsync(default));
        }

        Assert.Equal("noShow", (await Http.Json(await clerk.GetAsync($"/api/v1/tickets/{Id(a001)}"))).GetProperty("status").GetString());
        Assert.Equal("noShow", (await Http.Json(await clerk.GetAsync($"/api/v1/tickets/{Id(a002)}"))).GetProperty("status").GetString());
        Assert.Equal("closed", (await Http.Json(await clerk.GetAsync($"/api/v1/counters/{counter}"))).GetProperty("state").GetString());
        Assert.Equal("open", (await Http.Json(await guide.GetAsync($"/api/v1/counters/{await CounterAsync(guide, 2)}"))).GetProperty("state").GetString());
        var monday = await Http.Json(await clerk.GetAsync($"/api/v1/halls/{CityHall}/metrics?from=2026-03-02&to=2026-03-02"));
        Assert.Equal(60.0, monday.GetProperty("counters").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 1).GetProperty("openMinutes").GetDouble()); // 16:00 to closing at 17:00
        await using (var scope = app.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Queue.Features.QueueDayEnd>().CloseEarlierDaysAsync(default));
        }

        Assert.True((await Http.Json(await (await app.SignedIn("admin")).GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task An_officer_takes_a_break_resumes_and_signing_in_elsewhere_leaves_the_first_counter()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(Opening);
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var phone = app.Anonymous();
        await TakeAsync(phone, new { group = "A" });
        var clerk = await AtCounterAsync(app, "clerk", 1);
        var counter1 = await CounterAsync(clerk, 1);
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("onBreak", (await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter1}/break", null))).GetProperty("state").GetString());
        await Http.Problem(await clerk.PostAsync($"/api/v1/counters/{counter1}/call-next", null), HttpStatusCode.Conflict, "counter:not-open");
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal("open", (await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter1}/resume", null))).GetProperty("state").GetString());
        clock.Advance(TimeSpan.FromMinutes(15));

        // The break is not open time: 30 + 15 minutes open in the hour.
        var metrics = await Http.Json(await clerk.GetAsync($"/api/v1/halls/{CityHall}/metrics"));
        Assert.Equal(45.0, metrics.GetProperty("counters").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 1).GetProperty("openMinutes").GetDouble());

        // Signing in at counter 2 signs the officer out of counter 1; a busy counter keeps its officer.
        var counter2 = await CounterAsync(clerk, 2);
        await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter2}/sign-in", null));
        Assert.Equal("closed", (await Http.Json(await clerk.GetAsync($"/api/v1/counters/{counter1}"))).GetProperty("state").GetString());
        var called = (await CallNextAsync(clerk, counter2))!.Value;
        await Http.Problem(await clerk.PostAsync($"/api/v1/counters/{counter1}/sign-in", null), HttpStatusCode.Conflict, "counter:serving");
        await Http.Problem(await (await app.SignedIn("guide")).PostAsync($"/api/v1/counters/{counter2}/sign-in", null), HttpStatusCode.Conflict, "counter:occupied");
        await ActAsync(clerk, Id(called), "finish");
        Assert.Equal("closed", (await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter2}/sign-out", null))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Numbers_are_given_out_only_while_the_hall_is_open_and_a_hall_open_every_day_gives_them_on_sunday()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 8, 8, 30, 0, TimeSpan.FromHours(8)));
        void At(int day, int hour, int minute) => clock.Advance(new DateTimeOffset(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8)) - clock.GetUtcNow());
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var phone = app.Anonymous();

        // The city hall is open on working days 09:00–17:00: on Sunday, on Monday at 08:30 and at 17:00 it says so.
        async Task AssertClosedAsync()
        {
            var closed = await Http.Problem(await phone.PostAsJsonAsync($"/api/v1/halls/{CityHall}/tickets", new { group = "A" }), HttpStatusCode.Conflict, "ticket:hall-closed");
            Assert.Contains("工作日 09:00–17:00", closed.GetProperty("title").GetString(), StringComparison.Ordinal);
            var page = await phone.GetStringAsync($"/halls/{CityHall}/ticket");
            Assert.Contains("data-testid=\"hall-closed\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"take\"", page, StringComparison.Ordinal);
        }

        await AssertClosedAsync();
        At(9, 8, 30);
        await AssertClosedAsync();
        At(9, 9, 0);
        await TakeAsync(phone, new { group = "A" });
        Assert.Contains("data-testid=\"take\"", await phone.GetStringAsync($"/halls/{CityHall}/ticket"), StringComparison.Ordinal);
        At(9, 17, 0);
        await AssertClosedAsync();

        // A 24 小时自助区 open every day gives numbers on Sunday night; a closing before the opening is refused by name.
        At(15, 23, 30);
        var admin = await app.SignedIn("admin");
        var bad = await Http.Problem(await admin.PostAsJsonAsync("/api/v1/halls", new
        {
            name = "自助区", regionCode = "371600", opensAt = "18:00", closesAt = "08:00", groups = new[] { new { code = "A", name = "自助", serviceMinutes = 5, slotCapacity = 0 } },
        }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("closesAt", out _));
        var selfService = await Http.Json(await admin.PostAsJsonAsync("/api/v1/halls", new
        {
            name = "24 小时自助区", regionCode = "371600", openEveryDay = true, opensAt = "00:00", closesAt = "00:00",
            groups = new[] { new { code = "A", name = "自助", serviceMinutes = 5, slotCapacity = 0 } },
        }), HttpStatusCode.Created);
        Assert.Equal("每天 全天", selfService.GetProperty("hours").GetString());
        var sunday = await TakeAsync(phone, new { group = "A" }, hall: selfService.GetProperty("id").GetString()!);
        Assert.Equal("A001", sunday.GetProperty("number").GetString());
        await Http.Problem(await phone.PostAsJsonAsync($"/api/v1/halls/{CityHall}/tickets", new { group = "A" }), HttpStatusCode.Conflict, "ticket:hall-closed");
    }

    [Fact]
    public async Task The_ticket_page_shows_who_waits_before_a_number_is_taken_and_booking_offers_the_next_working_day()
    {
        await using var database = await fixture.NewDatabaseAsync();
        // Friday 2026-03-06, 10:00 in Binzhou: the next working day is Monday the 9th.
        var clock = new TestClock(new DateTimeOffset(2026, 3, 6, 2, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var phone = app.Anonymous();
        Assert.Contains("现在无人等候", await phone.GetStringAsync($"/halls/{CityHall}/ticket"), StringComparison.Ordinal);
        await TakeAsync(phone, new { group = "B" });
        await TakeAsync(phone, new { group = "B" });
        var page = await phone.GetStringAsync($"/halls/{CityHall}/ticket");
        Assert.Matches("data-testid=\"waiting-B\">前面等候 2 人，约 [0-9]+ 分钟", page);
        Assert.Matches("data-testid=\"waiting-A\">现在无人等候", page);

        var booking = await (await app.SignedIn("citizen")).GetStringAsync($"/halls/{CityHall}/book");
        Assert.Contains("name=\"day\" value=\"2026-03-09\"", booking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admins_notice_reaches_the_display_and_a_waiting_long_poll_and_only_admins_set_it()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database);
        var screen = app.Anonymous();
        var before = await Http.Json(await screen.GetAsync($"/api/v1/halls/{CityHall}/display"));
        Assert.Equal("", before.GetProperty("notice").GetString());
        Assert.Equal("09:00:00", before.GetProperty("opensAt").GetString());
        var poll = screen.GetAsync($"/api/v1/halls/{CityHall}/display?after={before.GetProperty("stamp").GetInt64()}&wait=25");

        await Http.Problem(await (await app.SignedIn("clerk")).PutAsJsonAsync($"/api/v1/halls/{CityHall}/notice", new { notice = "窗口调整" }), HttpStatusCode.Forbidden);
        var admin = await app.SignedIn("admin");
        var tooLong = await Http.Problem(await admin.PutAsJsonAsync($"/api/v1/halls/{CityHall}/notice", new { notice = new string('长', 201) }), HttpStatusCode.BadRequest);
        Assert.Contains("200", tooLong.GetProperty("errors").GetProperty("notice")[0].GetString(), StringComparison.Ordinal);
        Assert.False(poll.IsCompleted);

        var set = await Http.Json(await admin.PutAsJsonAsync($"/api/v1/halls/{CityHall}/notice", new { notice = "  今日 15:00 后不动产业务暂停取号 " }));
        Assert.Equal("今日 15:00 后不动产业务暂停取号", set.GetProperty("notice").GetString());
        Assert.Equal("今日 15:00 后不动产业务暂停取号", (await Http.Json(await poll)).GetProperty("notice").GetString());
        Assert.Contains("今日 15:00 后不动产业务暂停取号", await screen.GetStringAsync($"/halls/{CityHall}/display"), StringComparison.Ordinal);

        await Http.Json(await admin.PutAsJsonAsync($"/api/v1/halls/{CityHall}/notice", new { notice = "" }));
        Assert.Equal("", (await Http.Json(await screen.GetAsync($"/api/v1/halls/{CityHall}/display"))).GetProperty("notice").GetString());
    }

    [Fact]
    public async Task A_display_long_poll_answers_when_the_hall_changes_and_a_made_up_stamp_does_not_stall_it()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(new RunningClock(Opening)));
        var screen = app.Anonymous();
        var before = await Http.Json(await screen.GetAsync($"/api/v1/halls/{CityHall}/display"));
        var stamp = before.GetProperty("stamp").GetInt64();

        // A client claiming a stamp from the future waits out its time and gets the real view.
        var bogus = await Http.Json(await screen.GetAsync($"/api/v1/halls/{CityHall}/display?after={stamp + 1000}&wait=1"));
        Assert.Equal(stamp, bogus.GetProperty("stamp").GetInt64());

        var poll = screen.GetAsync($"/api/v1/halls/{CityHall}/display?after={stamp}&wait=25");
        await Task.Delay(300);
        Assert.False(poll.IsCompleted);
        await TakeAsync(app.Anonymous(), new { group = "B" });
        var changed = await Http.Json(await poll);
        Assert.True(changed.GetProperty("stamp").GetInt64() > stamp);
        Assert.Equal(1, changed.GetProperty("waiting").EnumerateArray().Single(w => w.GetProperty("group").GetString() == "B").GetProperty("waiting").GetInt32());
        await Http.Problem(await screen.GetAsync($"/api/v1/halls/{Guid.NewGuid()}/display?after=0&wait=5"), HttpStatusCode.NotFound, "hall:not-found");

        // The QR at the door opens the hall's ticket page on a phone.
        var png = Path.Combine(Path.GetTempPath(), $"hall-qr-{Guid.NewGuid():N}.png");
        var qr = await screen.GetAsync($"/api/v1/halls/{CityHall}/qr.png");
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        await File.WriteAllBytesAsync(png, await qr.Content.ReadAsByteArrayAsync());
        Assert.EndsWith($"/halls/{CityHall}/ticket", Tools.ReadQr(png), StringComparison.Ordinal);
        var page = await screen.GetStringAsync($"/halls/{CityHall}/ticket");
        Assert.Contains($"src=\"/api/v1/halls/{CityHall}/qr.png\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hall_set_up_and_tickets_refuse_bad_input_with_field_errors()
    {
        var admin = await fixture.App.SignedIn("admin");
        var bad = await Http.Problem(await admin.PostAsJsonAsync("/api/v1/halls", new { name = "", regionCode = "3716", groups = new[] { new { code = "ab", name = "" } } }),
            HttpStatusCode.BadRequest, "hall:invalid");
        foreach (var field in new[] { "name", "regionCode", "groups[0].code", "groups[0].name" })
        {
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var counter = await Http.Problem(await admin.PostAsJsonAsync($"/api/v1/halls/{CityHall}/counters", new { number = 1, kind = "dedicated", groups = UnknownGroup, departmentCode = "none" }),
            HttpStatusCode.BadRequest, "counter:invalid");
        foreach (var field in new[] { "number", "groups", "departmentCode" })
        {
            Assert.True(counter.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var phone = fixture.App.Anonymous();
        var ticket = await TakeAsync(phone, new { group = "Z", mobile = "12" }, HttpStatusCode.BadRequest);
        Assert.True(ticket.GetProperty("errors").TryGetProperty("mobile", out _));
        var group = await TakeAsync(phone, new { group = "Z" }, HttpStatusCode.BadRequest);
        Assert.Contains("A（综合受理）", group.GetProperty("errors").GetProperty("group")[0].GetString(), StringComparison.Ordinal);
        await Http.Problem(await phone.PostAsJsonAsync($"/api/v1/halls/{Guid.NewGuid()}/tickets", new { group = "A" }), HttpStatusCode.NotFound, "hall:not-found");
        await Http.Problem(await phone.PostAsync($"/api/v1/halls/{CityHall}/tickets", new StringContent("{", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.App.SignedIn("clerk")).PostAsJsonAsync("/api/v1/halls", new { name = "x" })).StatusCode);

        // Admins open staff accounts (a hall's counter officers) over the API; the new officer can sign in.
        var userName = "window." + Guid.NewGuid().ToString("N")[..8];
        var created = await Http.Json(await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            userName, displayName = "新窗口员", password = "Window#2026-new", departmentCode = "371600-XSP", roles = ClerkRole,
        }), HttpStatusCode.Created);
        Assert.Equal(userName, created.GetProperty("userName").GetString());
        var officer = await fixture.App.SignedIn(userName, "Window#2026-new");
        Assert.Equal("371600-XSP", (await Http.Json(await officer.GetAsync("/api/v1/auth/me"))).GetProperty("departmentCode").GetString());
        await Http.Problem(await admin.PostAsJsonAsync("/api/v1/staff", new { userName, displayName = "重名", password = "Window#2026-new", roles = ClerkRole }),
            HttpStatusCode.Conflict, "account:exists");
        var refused = await Http.Problem(await admin.PostAsJsonAsync("/api/v1/staff", new { userName = "x1", roles = ApplicantRole, departmentCode = "none" }),
            HttpStatusCode.BadRequest, "account:invalid");
        foreach (var field in new[] { "displayName", "password", "roles", "departmentCode" })
        {
            Assert.True(refused.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.App.SignedIn("clerk")).PostAsJsonAsync("/api/v1/staff", new { userName = "x2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.PostAsync($"/api/v1/counters/{Guid.NewGuid()}/call-next", null)).StatusCode);
    }
}

public sealed class QueueTestsOnSqlite(SqliteFixture fixture) : QueueTests(fixture), IClassFixture<SqliteFixture>;

public sealed class QueueTestsOnPostgres(PostgresFixture fixture) : QueueTests(fixture), IClassFixture<PostgresFixture>;
