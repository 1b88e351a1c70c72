namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 7, must-show 4: 好差评 at a served ticket, one per service event; 非常不满意 opens a rectification
/// with a deadline in working days, visible to the counter's department (and to the supervisor), carried
/// through 核实 → 整改 → 反馈; the satisfaction rate counts 基本满意 and better.
/// </summary>
public abstract class RatingTests(AppFixture fixture)
{
    // Monday 2 March 2026, 10:00 in China: five working days later is Monday 9 March.
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private const string CityHall = "0193a000-0000-7000-8000-000000371600";

    /// <summary>A ticket taken on a phone and served at counter <paramref name="number"/>; its id and phone secret.</summary>
    private static async Task<(string Id, string Code)> ServedTicketAsync(HttpClient officer, HttpClient phone, string counterId)
    {
        var ticket = await Http.Json(await phone.PostAsJsonAsync($"/api/v1/halls/{CityHall}/tickets", new { group = "A" }), HttpStatusCode.Created);
        var called = await Http.Json(await officer.PostAsync($"/api/v1/counters/{counterId}/call-next", null));
        var id = called.GetProperty("ticket").GetProperty("id").GetString()!;
        Assert.Equal(ticket.GetProperty("id").GetString(), id);
        await Http.Json(await officer.PostAsJsonAsync($"/api/v1/tickets/{id}/finish", new { }));
        return (id, ticket.GetProperty("accessCode").GetString()!);
    }

    [Fact]
    public async Task A_very_dissatisfied_rating_opens_a_rectification_with_a_deadline_that_the_department_sees_and_closes()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(Morning);
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var phone = app.Anonymous();
        var clerk = await app.SignedIn("clerk");
        var counters = await Http.Json(await clerk.GetAsync($"/api/v1/halls/{CityHall}/counters"));
        var counter = counters[0].GetProperty("id").GetString()!;
        await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter}/sign-in", null));

        // Not yet served: nothing to rate.
        var waiting = await Http.Json(await phone.PostAsJsonAsync($"/api/v1/halls/{CityHall}/tickets", new { group = "A" }), HttpStatusCode.Created);
        await Http.Problem(await phone.PostAsJsonAsync("/api/v1/ratings", new
        {
            subjectType = "ticket", subjectId = waiting.GetProperty("id").GetString(), level = 5, accessCode = waiting.GetProperty("accessCode").GetString(),
        }), HttpStatusCode.Conflict, "rating:not-served");
        var called = await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter}/call-next", null));
        await Http.Json(await clerk.PostAsJsonAsync($"/api/v1/tickets/{called.GetProperty("ticket").GetProperty("id").GetString()}/finish", new { }));

        var (good, goodCode) = await ServedTicketAsync(clerk, phone, counter);
        var rated = await Http.Json(await phone.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "ticket", subjectId = good, level = 5, accessCode = goodCode }), HttpStatusCode.Created);
        Assert.Equal("非常满意", rated.GetProperty("levelLabel").GetString());
        Assert.Equal(JsonValueKind.Null, rated.GetProperty("rectification").ValueKind);
        // One rating per service event.
        await Http.Problem(await phone.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "ticket", subjectId = good, level = 1, comment = "再评一次", accessCode = goodCode }),
            HttpStatusCode.Conflict, "rating:already-rated");

        // The counter's officer never rates their own service, not even the one just finished: the counter's pad does,
        // as a kiosk paired by a one-time code and running without the officer's session (HallPageTests).
        var (own, ownCode) = await ServedTicketAsync(clerk, phone, counter);
        await Http.Problem(await clerk.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "ticket", subjectId = own, level = 5 }), HttpStatusCode.NotFound, "rating:subject-not-found");
        var byHolder = await Http.Json(await phone.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "ticket", subjectId = own, level = 4, accessCode = ownCode }), HttpStatusCode.Created);
        Assert.Equal("满意", byHolder.GetProperty("levelLabel").GetString());
        clock.Advance(TimeSpan.FromMinutes(11));

        var (bad, badCode) = await ServedTicketAsync(clerk, phone, counter);
        // Without the phone secret nobody rates it; a bad rating asks for the reason.
        await Http.Problem(await phone.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "ticket", subjectId = bad, level = 1, comment = "x" }),
            HttpStatusCode.NotFound, "rating:subject-not-found");
        var noReason = await Http.Problem(await phone.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "ticket", subjectId = bad, level = 1, accessCode = badCode }),
            HttpStatusCode.BadRequest, "rating:invalid");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("comment", out _));
        var invalid = await Http.Problem(await phone.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "ticket", subjectId = "x", level = 7 }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("level", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("subjectId", out _));

        // Two ratings of one event at the same moment: one wins.
        var race = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => phone.PostAsJsonAsync("/api/v1/ratings",
            new { subjectType = "ticket", subjectId = bad, level = 1, comment = "等候时间太长，窗口人员态度冷淡", accessCode = badCode })));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], race.Select(r => r.StatusCode).Order());
        var verdict = await Http.Json(race.Single(r => r.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created);
        Assert.Equal("非常不满意", verdict.GetProperty("levelLabel").GetString());
        var rectification = verdict.GetProperty("rectification");
        Assert.Equal("2026-03-09", rectification.GetProperty("dueDate").GetString());
        var rectificationId = rectification.GetProperty("id").GetString()!;

        // The counter's department (市审批局) sees it with its deadline; another department does not; the supervisor does.
        var list = await Http.Json(await clerk.GetAsync("/api/v1/rectifications"));
        var open = list.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(rectificationId, open.GetProperty("id").GetString());
        Assert.Equal("371600-XSP", open.GetProperty("department").GetString());
        Assert.Equal("verifying", open.GetProperty("status").GetString());
        Assert.Equal("2026-03-09", open.GetProperty("dueDate").GetString());
        Assert.Contains("A004", open.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Http.Json(await (await app.SignedIn("reviewer.scj")).GetAsync("/api/v1/rectifications"))).GetProperty("total").GetInt32());
        Assert.Equal(1, (await Http.Json(await (await app.SignedIn("supervisor")).GetAsync("/api/v1/rectifications?department=371600-XSP"))).GetProperty("total").GetInt32());
        await Http.Problem(await (await app.SignedIn("reviewer.scj")).PostAsJsonAsync($"/api/v1/rectifications/{rectificationId}/verify", new { note = "核实", founded = true }),
            HttpStatusCode.NotFound, "rectification:not-found");

        // The department's officers are told in their inbox.
        await Http.Eventually(async () =>
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>();
            var clerkId = await db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync();
            var inbox = await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.IInbox>().RecentAsync(clerkId, 20);
            return inbox.Any(m => m.Title == "整改交办" && m.Body.Contains("2026-03-09", StringComparison.Ordinal));
        }, "the rated department's officers should be told of the rectification");

        // 核实 → 交办 → 整改 → 反馈; a stale version is refused.
        // The rated officer cannot 核实 his own rating (he would call it 不属实); a colleague of the department does.
        await Http.Problem(await clerk.PostAsJsonAsync($"/api/v1/rectifications/{rectificationId}/verify", new { note = "不属实", founded = false }),
            HttpStatusCode.Forbidden, "rectification:own-rating");
        var verified = await Http.Json(await (await app.SignedIn("guide")).PostAsJsonAsync($"/api/v1/rectifications/{rectificationId}/verify", new { note = "调取录像核实，等候 40 分钟属实", founded = true }));
        Assert.Equal("assigning", verified.GetProperty("status").GetString());
        Assert.Equal("rating", verified.GetProperty("source").GetString());
        var badAssign = await Http.Problem(await clerk.PostAsJsonAsync($"/api/v1/rectifications/{rectificationId}/assign", new { department = "371600-NONE", workingDays = 0 }),
            HttpStatusCode.BadRequest, "rectification:invalid");
        Assert.True(badAssign.GetProperty("errors").TryGetProperty("department", out _));
        Assert.True(badAssign.GetProperty("errors").TryGetProperty("workingDays", out _));
        var assigned = await Http.Json(await (await app.SignedIn("supervisor")).PostAsJsonAsync($"/api/v1/rectifications/{rectificationId}/assign",
            new { department = "371600-XSP", person = "王导服", workingDays = 3, note = "由大厅负责人牵头整改" }));
        Assert.Equal("rectifying", assigned.GetProperty("status").GetString());
        Assert.Equal("王导服", assigned.GetProperty("assignedTo").GetString());
        using (var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rectifications/{rectificationId}/rectify") { Content = JsonContent.Create(new { note = "增开窗口" }) })
        {
            stale.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
            await Http.Problem(await clerk.SendAsync(stale), HttpStatusCode.Conflict);
        }

        await Http.Problem(await clerk.PostAsJsonAsync($"/api/v1/rectifications/{rectificationId}/feedback", new { note = "已反馈" }), HttpStatusCode.Conflict, "rectification:wrong-state");
        await Http.Json(await clerk.PostAsJsonAsync($"/api/v1/rectifications/{rectificationId}/rectify", new { note = "高峰时段增开两个综合窗口，对窗口人员进行服务规范培训" }));
        var closed = await Http.Json(await clerk.PostAsJsonAsync($"/api/v1/rectifications/{rectificationId}/feedback", new { note = "已电话回访评价人，说明整改情况，评价人表示认可" }));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(0, (await Http.Json(await clerk.GetAsync("/api/v1/rectifications"))).GetProperty("total").GetInt32());
        Assert.Equal(1, (await Http.Json(await clerk.GetAsync("/api/v1/rectifications?status=all"))).GetProperty("total").GetInt32());

        // Satisfaction rate = (非常满意 + 满意 + 基本满意) / all: two of three.
        var summary = await Http.Json(await clerk.GetAsync("/api/v1/ratings/summary"));
        Assert.Equal(3, summary.GetProperty("total").GetInt32());
        Assert.Equal(0.6667, summary.GetProperty("satisfactionRate").GetDouble());
        Assert.True((await Http.Json(await (await app.SignedIn("admin")).GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Cases_are_rated_by_their_applicant_once_completed_and_a_work_order_nobody_has_is_not_found()
    {
        var enterprise = await fixture.App.SignedIn("enterprise");
        var id = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        await Http.Problem(await enterprise.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "case", subjectId = id, level = 4 }), HttpStatusCode.Conflict, "rating:not-completed");
        var clerk = await fixture.App.SignedIn("clerk");
        await Applications.ActAsync(clerk, id, "accept");
        await Applications.ActAsync(await fixture.App.SignedIn("reviewer.scj"), id, "review", new { opinion = "符合要求", recommendation = "approve" });
        await Applications.ActAsync(await fixture.App.SignedIn("approver.scj"), id, "approve", new { opinion = "准予许可" });
        await Applications.ActAsync(clerk, id, "complete", new { delivery = "counter" });
        await Http.Problem(await (await fixture.App.SignedIn("citizen")).PostAsJsonAsync("/api/v1/ratings", new { subjectType = "case", subjectId = id, level = 4 }),
            HttpStatusCode.NotFound, "rating:subject-not-found");
        var rated = await Http.Json(await enterprise.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "case", subjectId = id, level = 2, comment = "一次性告知不清楚" }),
            HttpStatusCode.Created);
        // The owning department (市场监管局) gets the rectification, not the counter that accepted the case.
        var rectification = rated.GetProperty("rectification").GetProperty("id").GetString();
        var scj = await Http.Json(await (await fixture.App.SignedIn("head.scj")).GetAsync("/api/v1/rectifications"));
        Assert.Contains(scj.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == rectification && r.GetProperty("levelLabel").GetString() == "不满意");
        // 12345 orders are rated through the Hotline module (HotlineTests); one that does not exist is not found.
        await Http.Problem(await enterprise.PostAsJsonAsync("/api/v1/ratings", new { subjectType = "workOrder", subjectId = Guid.NewGuid(), level = 4 }),
            HttpStatusCode.NotFound, "rating:subject-not-found");
    }
}

public sealed class RatingTestsOnSqlite(SqliteFixture fixture) : RatingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RatingTestsOnPostgres(PostgresFixture fixture) : RatingTests(fixture), IClassFixture<PostgresFixture>;
