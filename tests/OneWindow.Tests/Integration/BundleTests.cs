using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Tests.Integration;

/// <summary>Issue 6: 一件事一次办 — one form, one material set, parallel sub-cases, one combined notice, joint issuance.</summary>
public abstract class BundleTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    /// <summary>The merged 企业开办 form, filled in once.</summary>
    public static readonly Dictionary<string, object> StartUpForm = new()
    {
        ["enterpriseName"] = "滨州市黄河餐饮管理有限公司", ["enterpriseType"] = "有限责任公司", ["registeredCapital"] = "100", ["legalRepName"] = "李明",
        ["legalRepId"] = "371602199003151236", ["mobile"] = "15305431111", ["address"] = "滨州市滨城区黄河五路 597 号",
        ["businessScope"] = "餐饮服务；食品销售", ["uscc"] = Applications.EnterpriseUscc, ["staffCount"] = "12",
    };

    private static readonly string[] StartUpDepartments = ["371600-SCJ", "371600-GAJ", "371600-SWJ", "371600-RSJ", "371600-GJJ"];

    private static readonly string[] OneItem = ["XK-SCJ-001"];

    private static readonly string[] FoodItems = ["XK-SCJ-001", "XK-SCJ-008"];

    private static readonly Dictionary<string, string> ApproverOf = new()
    {
        ["371600-SCJ"] = "approver.scj", ["371600-GAJ"] = "approver.gaj", ["371600-SWJ"] = "approver.swj", ["371600-RSJ"] = "approver.rsj",
        ["371600-GJJ"] = "approver.gjj",
    };

    /// <summary>The demo enterprise applies for 企业开办 online with the materials the merged list asks of it.</summary>
    public static async Task<JsonElement> ApplyForStartUpAsync(HttpClient enterprise, string? key = null, params string[] leaveOut)
    {
        var bundle = await Http.Json(await enterprise.GetAsync("/api/v1/bundles/QYKB"));
        var file = await Applications.UploadAsync(enterprise);
        var materials = bundle.GetProperty("materials").EnumerateArray().Where(m => m.GetProperty("askedOfApplicant").GetBoolean())
            .Select(m => m.GetProperty("code").GetString()!).Where(c => !leaveOut.Contains(c)).Select(c => new { materialCode = c, fileId = file });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bundle-applications")
        {
            Content = JsonContent.Create(new
            {
                bundleCode = "QYKB",
                applicant = new { kind = "enterprise", uscc = Applications.EnterpriseUscc, name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" },
                form = StartUpForm,
                materials = materials.ToArray(),
            }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await Http.Json(await enterprise.SendAsync(request), HttpStatusCode.Created);
    }

    private static string SubCase(JsonElement bundle, string department) =>
        bundle.GetProperty("subCases").EnumerateArray().Single(s => s.GetProperty("department").GetString() == department).GetProperty("id").GetString()!;

    private async Task OutboxSettledAsync() =>
        await Http.Eventually(async () =>
        {
            await using var scope = App.Scope();
            return !await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AnyAsync(m => m.ProcessedAt == null && m.FailedAt == null);
        }, "the outbox did not settle");

    private async Task<IReadOnlyList<string>> InboxAsync(HttpClient client)
    {
        var userId = (await Http.Json(await client.GetAsync("/api/v1/auth/me"))).GetProperty("userId").GetString()!;
        await using var scope = App.Scope();
        var inbox = await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.IInbox>().RecentAsync(userId, 200);
        return [.. inbox.Select(m => m.Body)];
    }

    [Fact]
    public async Task A_start_up_bundle_asks_each_field_once_runs_five_departments_in_parallel_and_issues_the_licences_together()
    {
        var enterprise = await App.SignedIn("enterprise");
        var definition = await Http.Json(await enterprise.GetAsync("/api/v1/bundles/QYKB"));
        var keys = definition.GetProperty("form").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Contains("registeredCapital", keys);
        Assert.Contains("uscc", keys);
        Assert.Equal(5, definition.GetProperty("items").GetArrayLength());
        Assert.Equal("joint", definition.GetProperty("issuance").GetString());
        // One material list: the application form once for all five items; the 营业执照 the others need comes from the bundle's own registration.
        var materials = definition.GetProperty("materials").EnumerateArray().ToList();
        Assert.Equal(5, materials.Single(m => m.GetProperty("code").GetString() == "application").GetProperty("forItems").GetArrayLength());
        var licence = materials.Single(m => m.GetProperty("code").GetString() == "businessLicense");
        Assert.Equal("XK-SCJ-001", licence.GetProperty("producedBy").GetString());
        Assert.False(licence.GetProperty("askedOfApplicant").GetBoolean());

        var created = await ApplyForStartUpAsync(enterprise);
        Assert.Equal("submitted", created.GetProperty("status").GetString());
        Assert.Matches(@"^371600-YJ-\d{8}-\d{6}$", created.GetProperty("number").GetString());
        Assert.Equal(StartUpDepartments.Order(), created.GetProperty("subCases").EnumerateArray().Select(s => s.GetProperty("department").GetString()!).Order());
        var id = created.GetProperty("id").GetString()!;

        // Each department received its own item's part of the one form.
        var seal = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{SubCase(created, "371600-GAJ")}"));
        Assert.False(seal.GetProperty("form").TryGetProperty("registeredCapital", out _));
        Assert.Equal(Applications.EnterpriseUscc, seal.GetProperty("form").GetProperty("uscc")[0].GetString());

        var clerk = await App.SignedIn("clerk");
        var accepted = await Http.Json(await clerk.PostAsync($"/api/v1/bundle-applications/{id}/accept", null));
        Assert.Equal("inProgress", accepted.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("dueDate").GetString()));
        Assert.All(accepted.GetProperty("subCases").EnumerateArray(), s => Assert.Equal("accepted", s.GetProperty("status").GetString()));
        await Http.Problem(await clerk.PostAsync($"/api/v1/bundle-applications/{id}/accept", null), HttpStatusCode.Conflict, "bundle-application:invalid-transition");

        // The registration is granted first, but its licence waits for the rest (十证联发).
        foreach (var department in StartUpDepartments)
        {
            await Applications.ActAsync(await App.SignedIn(ApproverOf[department]), SubCase(created, department), "approve", new { opinion = "准予" });
            await OutboxSettledAsync();
            var now = await Http.Json(await enterprise.GetAsync($"/api/v1/bundle-applications/{id}"));
            var last = department == StartUpDepartments[^1];
            Assert.Equal(last ? 1 : 0, now.GetProperty("licenses").GetArrayLength());
            Assert.Equal(last ? "decided" : "inProgress", now.GetProperty("status").GetString());
        }

        var issued = (await Http.Json(await enterprise.GetAsync($"/api/v1/bundle-applications/{id}"))).GetProperty("licenses")[0];
        Assert.Equal(SubCase(created, "371600-SCJ"), issued.GetProperty("caseId").GetString());
        Assert.Equal("营业执照", issued.GetProperty("typeName").GetString());

        // The applicant heard of the bundle as a whole, not of five sub-cases.
        var inbox = await InboxAsync(enterprise);
        var number = created.GetProperty("number").GetString()!;
        Assert.Contains(inbox, m => m.Contains(number, StringComparison.Ordinal) && m.Contains("已受理", StringComparison.Ordinal));
        Assert.Contains(inbox, m => m.Contains(number, StringComparison.Ordinal) && m.Contains("证照统一发放", StringComparison.Ordinal));
        var sealNumber = seal.GetProperty("number").GetString()!;
        Assert.DoesNotContain(inbox, m => m.Contains(sealNumber, StringComparison.Ordinal));

        foreach (var department in StartUpDepartments)
        {
            await Applications.ActAsync(clerk, SubCase(created, department), "complete", new { delivery = "counter" });
        }

        Assert.Equal("completed", (await Http.Json(await enterprise.GetAsync($"/api/v1/bundle-applications/{id}"))).GetProperty("status").GetString());
        Assert.True((await Http.Json(await App.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Two_departments_finding_problems_make_one_combined_notice_answered_once()
    {
        var enterprise = await App.SignedIn("enterprise");
        var created = await ApplyForStartUpAsync(enterprise);
        var id = created.GetProperty("id").GetString()!;
        await Http.Json(await (await App.SignedIn("clerk")).PostAsync($"/api/v1/bundle-applications/{id}/accept", null));

        await Applications.ActAsync(await App.SignedIn("approver.gaj"), SubCase(created, "371600-GAJ"), "request-supplement",
            new { items = new[] { new { materialCode = "application", reason = "印章刻制备案表缺法定代表人签字" } } });
        await Applications.ActAsync(await App.SignedIn("approver.swj"), SubCase(created, "371600-SWJ"), "request-supplement",
            new { items = new[] { new { materialCode = "application", reason = "涉税事项申请表未勾选发票票种" } } });

        var waiting = await Http.Json(await enterprise.GetAsync($"/api/v1/bundle-applications/{id}"));
        Assert.Equal("supplementing", waiting.GetProperty("status").GetString());
        var notice = waiting.GetProperty("notice").EnumerateArray().ToList();
        Assert.Equal(2, notice.Count);
        Assert.Equal(["公章刻制备案", "新办纳税人套餐式服务"], notice.Select(n => n.GetProperty("itemName").GetString()).Order());

        // The latest message carries the whole combined notice: both departments' problems in one.
        await OutboxSettledAsync();
        var inbox = await InboxAsync(enterprise);
        Assert.Contains(inbox, m => m.Contains("一次性告知", StringComparison.Ordinal) && m.Contains("缺法定代表人签字", StringComparison.Ordinal)
                                    && m.Contains("未勾选发票票种", StringComparison.Ordinal));

        // Nothing handed in: each wanted material is named; one upload then answers both departments.
        var empty = await Http.Problem(await enterprise.PostAsJsonAsync($"/api/v1/bundle-applications/{id}/supplement", new { materials = Array.Empty<object>() }),
            HttpStatusCode.BadRequest, "bundle-application:invalid-materials");
        Assert.True(empty.GetProperty("errors").TryGetProperty("materials.application", out _));
        var file = await Applications.UploadAsync(enterprise, "补正后的申请表.pdf");
        var answered = await Http.Json(await enterprise.PostAsJsonAsync($"/api/v1/bundle-applications/{id}/supplement",
            new { materials = new[] { new { materialCode = "application", fileId = file } } }));
        Assert.Equal("inProgress", answered.GetProperty("status").GetString());
        Assert.Empty(answered.GetProperty("notice").EnumerateArray());
        Assert.All(answered.GetProperty("subCases").EnumerateArray(), s => Assert.Equal("accepted", s.GetProperty("status").GetString()));
        var seal = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{SubCase(created, "371600-GAJ")}"));
        Assert.Contains(seal.GetProperty("materials").EnumerateArray(), m => m.GetProperty("fileId").GetString() == file);
    }

    [Fact]
    public async Task A_helper_who_applies_for_the_applicant_follows_the_bundle_and_hears_of_its_deficiencies()
    {
        // 帮办代办: the hall guide applies for the enterprise at the helper desk.
        var guide = await App.SignedIn("guide");
        var created = await ApplyForStartUpAsync(guide);
        var id = created.GetProperty("id").GetString()!;
        var view = await Http.Json(await guide.GetAsync($"/api/v1/bundle-applications/{id}"));
        Assert.Equal("王导服", view.GetProperty("helperName").GetString());
        Assert.Equal("assisted", view.GetProperty("channel").GetString());
        var mine = await Http.Json(await guide.GetAsync("/api/v1/bundle-applications?view=mine"));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);

        await Http.Json(await (await App.SignedIn("clerk")).PostAsync($"/api/v1/bundle-applications/{id}/accept", null));
        await Applications.ActAsync(await App.SignedIn("approver.rsj"), SubCase(created, "371600-RSJ"), "request-supplement",
            new { items = new[] { new { materialCode = "application", reason = "社保登记表缺参保人数" } } });
        await OutboxSettledAsync();
        await using (var scope = App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var guideId = await db.Users.Where(u => u.UserName == "guide").Select(u => u.Id).SingleAsync();
            var inbox = await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.IInbox>().RecentAsync(guideId, 50);
            Assert.Contains(inbox, m => m.Title == "帮办提醒" && m.Body.Contains("缺参保人数", StringComparison.Ordinal));
        }

        // The helper prepares the materials with the applicant and answers the notice for them.
        var file = await Applications.UploadAsync(guide, "补正后的社保登记表.pdf");
        var answered = await Http.Json(await guide.PostAsJsonAsync($"/api/v1/bundle-applications/{id}/supplement",
            new { materials = new[] { new { materialCode = "application", fileId = file } } }));
        Assert.Equal("inProgress", answered.GetProperty("status").GetString());

        // Another helper can be named; the applicant cannot name one.
        var reassigned = await Http.Json(await (await App.SignedIn("clerk")).PutAsJsonAsync($"/api/v1/bundle-applications/{id}/helper", new { userName = "steward" }));
        Assert.Equal("赵管家（项目管家）", reassigned.GetProperty("helperName").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.SignedIn("enterprise2")).PutAsJsonAsync($"/api/v1/bundle-applications/{id}/helper", new { userName = "guide" })).StatusCode);
    }

    [Fact]
    public async Task A_denial_stops_a_bundle_configured_to_stop_and_nothing_is_issued()
    {
        var enterprise = await App.SignedIn("enterprise");
        var created = await ApplyForStartUpAsync(enterprise);
        var id = created.GetProperty("id").GetString()!;
        await Http.Json(await (await App.SignedIn("clerk")).PostAsync($"/api/v1/bundle-applications/{id}/accept", null));
        await Applications.ActAsync(await App.SignedIn("approver.gaj"), SubCase(created, "371600-GAJ"), "approve", new { opinion = "准予" });
        await Applications.ActAsync(await App.SignedIn("approver.scj"), SubCase(created, "371600-SCJ"), "deny", new { reason = "企业名称与在先登记的名称近似" });

        var stopped = await Http.Json(await enterprise.GetAsync($"/api/v1/bundle-applications/{id}"));
        Assert.Equal("stopped", stopped.GetProperty("status").GetString());
        Assert.Contains("企业设立登记", stopped.GetProperty("stopReason").GetString(), StringComparison.Ordinal);
        var subCases = stopped.GetProperty("subCases").EnumerateArray().ToDictionary(s => s.GetProperty("department").GetString()!, s => s);
        Assert.Equal("denied", subCases["371600-SCJ"].GetProperty("status").GetString());
        Assert.Equal("企业名称与在先登记的名称近似", subCases["371600-SCJ"].GetProperty("reason").GetString());
        Assert.Equal("approved", subCases["371600-GAJ"].GetProperty("status").GetString());
        Assert.All(StartUpDepartments[2..], d => Assert.Equal("terminated", subCases[d].GetProperty("status").GetString()));
        await OutboxSettledAsync();
        Assert.Empty((await Http.Json(await enterprise.GetAsync($"/api/v1/bundle-applications/{id}"))).GetProperty("licenses").EnumerateArray());
        Assert.Contains(await InboxAsync(enterprise), m => m.Contains("已终止办理", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_bundle_applications_get_field_errors_and_a_retry_returns_the_same_application()
    {
        var enterprise = await App.SignedIn("enterprise");
        var key = Guid.NewGuid().ToString();
        var first = await ApplyForStartUpAsync(enterprise, key);
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ApplyForStartUpAsync(enterprise, key)));
        Assert.All(again, a => Assert.Equal(first.GetProperty("id").GetString(), a.GetProperty("id").GetString()));

        var bad = await enterprise.PostAsJsonAsync("/api/v1/bundle-applications", new
        {
            bundleCode = "QYKB",
            applicant = new { kind = "enterprise", uscc = Applications.EnterpriseUscc, name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" },
            form = new Dictionary<string, object> { ["enterpriseName"] = "x", ["registeredCapital"] = "-1" },
            materials = new[] { new { materialCode = "businessLicense", fileId = Guid.NewGuid() } },
        });
        var errors = (await Http.Problem(bad, HttpStatusCode.BadRequest, "bundle-application:invalid")).GetProperty("errors");
        foreach (var field in new[] { "form.registeredCapital", "form.legalRepName", "form.uscc", "materials[0].materialCode" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        await Http.Problem(await enterprise.PostAsJsonAsync("/api/v1/bundle-applications", new { bundleCode = "NOPE" }), HttpStatusCode.NotFound, "bundle:not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.SignedIn("enterprise2")).GetAsync($"/api/v1/bundle-applications/{first.GetProperty("id").GetString()}")).StatusCode);
        var mine = await Http.Json(await enterprise.GetAsync("/api/v1/bundle-applications?view=mine"));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == first.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Admins_define_bundles_of_published_items_with_clear_errors_and_conflicts()
    {
        var admin = await App.SignedIn("admin");
        var bad = await admin.PutAsJsonAsync("/api/v1/bundles/TEST-ONE", new { name = "单个事项", leadDepartment = "371600-SCJ", items = OneItem, committedDays = 3 });
        var errors = (await Http.Problem(bad, HttpStatusCode.BadRequest, "bundle:invalid")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items", out _));

        var saved = await Http.Json(await admin.PutAsJsonAsync("/api/v1/bundles/TEST-FOOD", new
        {
            name = "开餐馆一件事", leadDepartment = "371600-SCJ", items = FoodItems, committedDays = 5, issuance = "each",
        }));
        Assert.Equal(2, saved.GetProperty("items").GetArrayLength());
        var stale = await admin.PutAsJsonAsync("/api/v1/bundles/TEST-FOOD", new
        {
            name = "开餐馆一件事", leadDepartment = "371600-SCJ", items = FoodItems, committedDays = 4, version = saved.GetProperty("version").GetInt32() + 5,
        });
        await Http.Problem(stale, HttpStatusCode.Conflict, "bundle:changed");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.SignedIn("clerk")).PutAsJsonAsync("/api/v1/bundles/TEST-FOOD", new { name = "x" })).StatusCode);
    }
}

public sealed class BundleTestsOnSqlite(SqliteFixture fixture) : BundleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class BundleTestsOnPostgres(PostgresFixture fixture) : BundleTests(fixture), IClassFixture<PostgresFixture>;
