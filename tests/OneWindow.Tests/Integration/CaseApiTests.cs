namespace OneWindow.Tests.Integration;

/// <summary>Issue 4 (API slice): the case lifecycle over HTTP, per provider.</summary>
public abstract class CaseApiTests(AppFixture fixture)
{
    private static readonly string[] NotDeferrable = ["application"];

    private static readonly string[] Premises = ["premises"];

    private static Task<string> Submit(HttpClient client, object application, string? key = null) => Applications.SubmitAsync(client, application, key);

    private static Task<JsonElement> Act(HttpClient client, string id, string action, object? body = null, HttpStatusCode expect = HttpStatusCode.OK) =>
        Applications.ActAsync(client, id, action, body, expect);

    private TestApp App => fixture.App;

    [Fact]
    public async Task The_whole_lifecycle_through_the_api_with_a_timeline_the_applicant_can_see()
    {
        var enterprise = await App.SignedIn("enterprise");
        var id = await Submit(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
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
            var inbox = await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.IInbox>().RecentAsync(userId, 50);
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
        var application = await Applications.EnterpriseAsync(enterprise, "XK-SCJ-006");
        var first = await Submit(enterprise, application, key);
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Submit(enterprise, application, key)));
        Assert.All(results, r => Assert.Equal(first, r));

        // A retry that would no longer pass (here: the item is missing) is still answered with its case.
        Assert.Equal(first, await Submit(enterprise, new { itemCode = "" }, key));
        // The key is the submitter's: the same key from a counter clerk is another case.
        var clerk = await App.SignedIn("clerk");
        Assert.NotEqual(first, await Submit(clerk, await Applications.EnterpriseAsync(clerk, "XK-SCJ-006"), key));
    }

    [Fact]
    public async Task Submissions_arriving_together_get_distinct_numbers_and_a_raced_key_still_yields_one_case()
    {
        // Submissions committed together (group commit) each get their own number; four copies of one
        // Idempotency-Key in the same burst make one case between them.
        var enterprise = await App.SignedIn("enterprise");
        var application = await Applications.EnterpriseAsync(enterprise, "XK-SCJ-006");
        var shared = Guid.NewGuid().ToString();
        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Submit(enterprise, application, i < 4 ? shared : Guid.NewGuid().ToString())));
        Assert.Single(ids.Take(4).Distinct());
        Assert.Equal(13, ids.Distinct().Count());
        var numbers = new List<string>();
        foreach (var id in ids.Distinct())
        {
            numbers.Add((await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{id}"))).GetProperty("number").GetString()!);
        }

        Assert.Equal(13, numbers.Distinct().Count());
        Assert.True((await Http.Json(await App.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
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
    public async Task Another_departments_reviewer_does_not_even_see_the_case_and_a_stale_decision_gets_409()
    {
        var enterprise = await App.SignedIn("enterprise");
        var id = await Submit(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        await Act(await App.SignedIn("clerk"), id, "accept");
        await Act(await App.SignedIn("reviewer.zjj"), id, "review", new { opinion = "x", recommendation = "approve" }, HttpStatusCode.NotFound);
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
        var enterprise = await App.SignedIn("enterprise");
        var id = await Submit(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        var problem = await Act(clerk, id, "accept-with-deferral", new { deferred = NotDeferrable, pledgeDueDate = "2099-01-01" }, HttpStatusCode.BadRequest);
        Assert.Equal("urn:onewindow:case:deferral-invalid", problem.GetProperty("type").GetString());
        Assert.Contains("不可容缺", problem.GetProperty("errors").GetProperty("deferred")[0].GetString(), StringComparison.Ordinal);

        await Act(clerk, id, "accept");
        var paused = await Act(await App.SignedIn("reviewer.scj"), id, "request-supplement",
            new { items = new[] { new { materialCode = "premises", reason = "租赁合同缺少出租方签章" } } });
        Assert.Equal("supplementing", paused.GetProperty("status").GetString());
        var file = await Applications.UploadAsync(enterprise, "租赁合同（已盖章）.pdf");
        var resumed = await Act(enterprise, id, "supplement", new { materials = new[] { new { materialCode = "premises", fileId = file } } });
        Assert.Equal("accepted", resumed.GetProperty("status").GetString());
        await Act(clerk, id, "accept", expect: HttpStatusCode.Conflict);
        var view = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal(file, view.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("materialCode").GetString() == "premises").GetProperty("fileId").GetString());
    }

    [Fact]
    public async Task A_case_missing_a_required_material_cannot_be_accepted_outright()
    {
        var enterprise = await App.SignedIn("enterprise");
        var id = await Submit(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005", "premises", "layout"));
        var problem = await Act(await App.SignedIn("clerk"), id, "accept", expect: HttpStatusCode.BadRequest);
        Assert.Equal("urn:onewindow:case:materials-incomplete", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("materials.premises", out _));
        Assert.True(errors.TryGetProperty("materials.layout", out _));

        // 容缺 covers the deferrable premises proof, not the floor plan.
        var deferral = await Act(await App.SignedIn("clerk"), id, "accept-with-deferral", new { deferred = Premises, pledgeDueDate = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd") }, HttpStatusCode.BadRequest);
        Assert.True(deferral.GetProperty("errors").TryGetProperty("materials.layout", out _));
    }

    [Fact]
    public async Task Staff_see_their_queue_by_due_date_and_applicants_only_their_own_cases()
    {
        var enterprise = await App.SignedIn("enterprise");
        var id = await Submit(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-008"));
        var number = (await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{id}"))).GetProperty("number").GetString()!;

        var clerkTodo = await Http.Json(await (await App.SignedIn("clerk")).GetAsync($"/api/v1/cases?view=todo&q={number}"));
        Assert.Equal(id, clerkTodo.GetProperty("items")[0].GetProperty("id").GetString());
        var reviewerTodo = await Http.Json(await (await App.SignedIn("reviewer.scj")).GetAsync($"/api/v1/cases?view=todo&q={number}"));
        Assert.Equal(0, reviewerTodo.GetProperty("total").GetInt32());

        var mine = await Http.Json(await enterprise.GetAsync("/api/v1/cases?sort=-submitted"));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        var others = await Http.Json(await (await App.SignedIn("enterprise2")).GetAsync("/api/v1/cases"));
        Assert.DoesNotContain(others.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);

        // The queue's CSV export carries the same list, readable by spreadsheet programs (UTF-8 with BOM).
        var csv = await (await App.SignedIn("clerk")).GetAsync($"/workbench/cases?handler=csv&view=all&q={number}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("办件编号,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(number + ",XK-SCJ-008,小餐饮经营许可", lines.Single(l => l.StartsWith(number, StringComparison.Ordinal)), StringComparison.Ordinal);

        var bad = await Http.Problem(await enterprise.GetAsync("/api/v1/cases?status=nope&sort=x"), HttpStatusCode.BadRequest, "case:invalid-query");
        Assert.True(bad.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("sort", out _));
    }

    [Fact]
    public async Task A_clerk_withdraws_an_application_only_with_a_reason_and_confirmation_and_the_applicant_without()
    {
        var clerk = await App.SignedIn("clerk");
        var citizen = await App.SignedIn("citizen");
        var id = await Applications.SubmitBusinessRegistrationAsync(citizen);
        var refused = await Act(clerk, id, "withdraw", new { }, HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _), refused.ToString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("confirmed", out _), refused.ToString());
        Assert.Equal("submitted", (await Http.Json(await citizen.GetAsync($"/api/v1/cases/{id}"))).GetProperty("status").GetString());

        var withdrawn = await Act(clerk, id, "withdraw", new { reason = "申请人提交书面撤回申请", confirmed = true });
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("窗口代为撤回", withdrawn.GetProperty("statusLabel").GetString());
        await using (var scope = App.Scope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>().Set<OneWindow.Platform.Audit.AuditEntry>()
                .AsNoTracking().Where(e => e.SubjectId == id && e.Action == "CaseWithdrawn").ToListAsync();
            Assert.Single(entries);
            Assert.Equal("刘窗口", entries[0].ActorName);
            Assert.Contains("申请人提交书面撤回申请", entries[0].Data, StringComparison.Ordinal);
        }

        // The applicant withdraws their own without having to explain.
        var own = await Applications.SubmitBusinessRegistrationAsync(citizen);
        Assert.Equal("申请人撤回", (await Act(citizen, own, "withdraw", new { })).GetProperty("statusLabel").GetString());
    }
}

public sealed class CaseApiTestsOnSqlite(SqliteFixture fixture) : CaseApiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CaseApiTestsOnPostgres(PostgresFixture fixture) : CaseApiTests(fixture), IClassFixture<PostgresFixture>;
