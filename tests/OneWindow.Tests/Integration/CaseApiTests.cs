namespace OneWindow.Tests.Integration;

/// <summary>Issue 4 (API slice): the case lifecycle over HTTP, per provider.</summary>
public abstract class CaseApiTests(AppFixture fixture)
{
    private static readonly string[] NotDeferrable = ["application"];

    private TestApp App => fixture.App;

    private static object EnterpriseApplication(string itemCode, object? form = null) => new
    {
        itemCode,
        applicant = new { kind = "enterprise", uscc = "91371602MA3C8K2L6B", name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" },
        form = form ?? new Dictionary<string, object>
        {
            ["enterpriseName"] = "滨州市黄河餐饮管理有限公司", ["uscc"] = "91371602MA3C8K2L6B", ["legalRepName"] = "李明",
            ["legalRepId"] = "371602199003151236", ["mobile"] = "15305431111", ["address"] = "滨州市滨城区黄河五路 597 号",
        },
        materials = Array.Empty<object>(),
    };

    private static async Task<string> Submit(HttpClient client, object application, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(application) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var json = await Http.Json(await client.SendAsync(request), HttpStatusCode.Created);
        Assert.Equal("submitted", json.GetProperty("status").GetString());
        return json.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> Act(HttpClient client, string id, string action, object? body = null, HttpStatusCode expect = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/{action}", body ?? new { });
        return expect == HttpStatusCode.OK ? await Http.Json(response) : await Http.Problem(response, expect);
    }

    [Fact]
    public async Task The_whole_lifecycle_through_the_api_with_a_timeline_the_applicant_can_see()
    {
        var enterprise = await App.SignedIn("enterprise");
        var id = await Submit(enterprise, EnterpriseApplication("XK-SCJ-005"));
        var clerk = await App.SignedIn("clerk");
        var accepted = await Act(clerk, id, "accept");
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("dueDate").GetString()));
        Assert.StartsWith("371600-", accepted.GetProperty("number").GetString(), StringComparison.Ordinal);

        await Act(await App.SignedIn("reviewer.scj"), id, "review", new { opinion = "材料齐全，现场核查符合要求", recommendation = "approve" });
        await Act(await App.SignedIn("approver.scj"), id, "approve", new { opinion = "准予许可" });
        var done = await Act(clerk, id, "complete", new { delivery = "post" });
        Assert.Equal("completed", done.GetProperty("status").GetString());

        var mine = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal(["CaseSubmitted", "CaseAccepted", "CaseReviewed", "CaseApproved", "CaseCompleted"],
            mine.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.SignedIn("enterprise2")).GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.True((await Http.Json(await App.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());

        // The applicant is told each step (not the internal review), in the inbox and by SMS with the number masked in the log.
        var userId = (await Http.Json(await enterprise.GetAsync("/api/v1/auth/me"))).GetProperty("userId").GetString()!;
        var number = mine.GetProperty("number").GetString()!;
        await Http.Eventually(async () =>
        {
            await using var scope = App.Scope();
            var inbox = await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.Inbox>().RecentAsync(userId, 50);
            return inbox.Count(m => m.Body.Contains(number, StringComparison.Ordinal)) == 4 && inbox.Any(m => m.Body.Contains("已办结", StringComparison.Ordinal));
        }, "the applicant was not told about submission, acceptance, approval and completion");
        var log = await File.ReadAllTextAsync(App.NotificationLog);
        Assert.Contains("153****1111", log, StringComparison.Ordinal);
        Assert.DoesNotContain("15305431111", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrying_with_the_same_idempotency_key_returns_the_same_case()
    {
        var enterprise = await App.SignedIn("enterprise");
        var key = Guid.NewGuid().ToString();
        var first = await Submit(enterprise, EnterpriseApplication("XK-SCJ-006", new Dictionary<string, object>
        {
            ["enterpriseName"] = "滨州市黄河餐饮管理有限公司", ["uscc"] = "91371602MA3C8K2L6B", ["legalRepName"] = "李明",
            ["legalRepId"] = "371602199003151236", ["mobile"] = "15305431111", ["address"] = "滨州市滨城区黄河五路 597 号",
        }), key);
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Submit(enterprise, EnterpriseApplication("XK-SCJ-006"), key)));
        Assert.All(results, r => Assert.Equal(first, r));
    }

    [Fact]
    public async Task Bad_applications_get_field_errors_and_unknown_items_404()
    {
        var citizen = await App.SignedIn("citizen");
        var response = await citizen.PostAsJsonAsync("/api/v1/cases", new
        {
            itemCode = "XK-SCJ-005",
            applicant = new { kind = "person", idNumber = "371602199003151235", name = "李", mobile = "1" },
            form = new Dictionary<string, object> { ["uscc"] = "bad" },
            materials = new[] { new { materialCode = "nope", fileId = Guid.NewGuid() } },
        });
        var errors = (await Http.Problem(response, HttpStatusCode.BadRequest, "case:invalid")).GetProperty("errors");
        foreach (var field in new[] { "applicant.kind", "applicant.idNumber", "applicant.name", "applicant.mobile", "form.uscc", "form.enterpriseName", "materials[0].materialCode" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        await Http.Problem(await citizen.PostAsJsonAsync("/api/v1/cases", new { itemCode = "NOPE" }), HttpStatusCode.NotFound, "catalog:item-not-found");

        // Only counter clerks and helpers submit for an applicant, whatever channel they claim.
        var reviewer = await App.SignedIn("reviewer.scj");
        var onBehalf = await reviewer.PostAsJsonAsync("/api/v1/cases", new { itemCode = "XK-SCJ-005", channel = "assisted" });
        Assert.True((await Http.Problem(onBehalf, HttpStatusCode.BadRequest, "case:invalid")).GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().PostAsJsonAsync("/api/v1/cases", new { itemCode = "XK-SCJ-005" })).StatusCode);
    }

    [Fact]
    public async Task Another_departments_reviewer_gets_403_and_a_stale_decision_gets_409()
    {
        var id = await Submit(await App.SignedIn("enterprise"), EnterpriseApplication("XK-SCJ-005"));
        await Act(await App.SignedIn("clerk"), id, "accept");
        await Act(await App.SignedIn("reviewer.zjj"), id, "review", new { opinion = "x", recommendation = "approve" }, HttpStatusCode.Forbidden);
        await Act(await App.SignedIn("reviewer.scj"), id, "review", new { opinion = "同意", recommendation = "approve" });

        var approver = await App.SignedIn("approver.scj");
        var both = await Task.WhenAll(
            approver.PostAsJsonAsync($"/api/v1/cases/{id}/approve", new { opinion = "准予" }),
            approver.PostAsJsonAsync($"/api/v1/cases/{id}/deny", new { reason = "不符合条件" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task A_supplement_pauses_the_clock_and_a_non_deferrable_material_cannot_be_deferred()
    {
        var clerk = await App.SignedIn("clerk");
        var id = await Submit(await App.SignedIn("enterprise"), EnterpriseApplication("XK-SCJ-005"));
        var problem = await Act(clerk, id, "accept-with-deferral", new { deferred = NotDeferrable, pledgeDueDate = "2099-01-01" }, HttpStatusCode.BadRequest);
        Assert.Equal("urn:onewindow:case:deferral-invalid", problem.GetProperty("type").GetString());
        Assert.Contains("不可容缺", problem.GetProperty("errors").GetProperty("deferred")[0].GetString(), StringComparison.Ordinal);

        await Act(clerk, id, "accept");
        var paused = await Act(await App.SignedIn("reviewer.scj"), id, "request-supplement",
            new { items = new[] { new { materialCode = "premises", reason = "租赁合同缺少出租方签章" } } });
        Assert.Equal("supplementing", paused.GetProperty("status").GetString());
        var resumed = await Act(await App.SignedIn("enterprise"), id, "supplement");
        Assert.Equal("accepted", resumed.GetProperty("status").GetString());
        await Act(clerk, id, "accept", expect: HttpStatusCode.Conflict);
    }
}

public sealed class CaseApiTestsOnSqlite(SqliteFixture fixture) : CaseApiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CaseApiTestsOnPostgres(PostgresFixture fixture) : CaseApiTests(fixture), IClassFixture<PostgresFixture>;
