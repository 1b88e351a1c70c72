using OneWindow.Modules.Supervision.Features;
using OneWindow.Platform.Data;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 23 (ADR 0024): 审管联动 (a grant reaches the supervising department, is claimed or auto-claimed, and a ban recorded there
/// refuses the next application), 告知承诺 (approved at once without the pledged materials; a false pledge revokes, marks and
/// blocks), and 秒批 (decided by rules within the request, explained; a failing fact goes to a person).
/// </summary>
public abstract class SupervisionTests(AppFixture fixture)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly string[] Nonsense = ["Nonsense"];

    private static readonly string[] FoodKind = ["FoodBusinessLicense"];

    private static readonly string[] BusinessKind = ["BusinessLicense"];

    private static readonly string[] PledgedFoodMaterials = ["premises", "foodSafetyRules", "healthCert"];

    private static JsonElement.ArrayEnumerator Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private static async Task<JsonElement> WithVersionAsync(HttpClient client, string url, object body, int version, HttpStatusCode expect = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        var response = await client.SendAsync(request);
        return expect == HttpStatusCode.OK ? await Http.Json(response) : await Http.Problem(response, expect);
    }

    /// <summary>The demo enterprise's food business licence application, through acceptance, review and approval; returns the case id.</summary>
    private static async Task<string> GrantedFoodLicenceAsync(TestApp app, HttpClient enterprise, string item = "XK-SCJ-005")
    {
        var id = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, item));
        await Applications.ActAsync(await app.SignedIn("clerk"), id, "accept");
        await Applications.ActAsync(await app.SignedIn("reviewer.scj"), id, "review", new { opinion = "现场核查符合要求", recommendation = "approve" });
        await Applications.ActAsync(await app.SignedIn("approver.scj"), id, "approve", new { opinion = "准予许可" });
        return id;
    }

    /// <summary>Waits for the case's licence and returns its id and 扫码亮证 string.</summary>
    private static async Task<(string Id, string Payload)> LicenceOfAsync(HttpClient holder, string caseId)
    {
        (string, string) found = default;
        await Http.Eventually(async () =>
        {
            var licence = (await Http.Json(await holder.GetAsync("/api/v1/licenses"))).EnumerateArray().FirstOrDefault(l => l.GetProperty("caseId").GetString() == caseId);
            if (licence.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var id = licence.GetProperty("id").GetString()!;
            found = (id, (await Http.Json(await holder.GetAsync($"/api/v1/licenses/{id}/qr"))).GetProperty("payload").GetString()!);
            return true;
        }, "the grant should issue a licence");
        return found;
    }

    private static async Task<JsonElement> SupervisionItemOfAsync(HttpClient inspector, string caseId)
    {
        JsonElement item = default;
        await Http.Eventually(async () =>
        {
            item = Items(await Http.Json(await inspector.GetAsync("/api/v1/supervision/items?pageSize=200"))).FirstOrDefault(i => i.GetProperty("caseId").GetString() == caseId);
            return item.ValueKind == JsonValueKind.Object && item.GetProperty("licenseNumber").ValueKind == JsonValueKind.String;
        }, "the grant should reach the supervising department with its licence");
        return item;
    }

    private static async Task<bool> InboxHasAsync(TestApp app, string userName, string title)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var inbox = await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.IInbox>().RecentAsync(id, 50);
        return inbox.Any(m => m.Title.StartsWith(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grant_reaches_the_supervising_department_an_unclaimed_one_is_auto_claimed_and_a_ban_refuses_the_next_application()
    {
        await using var database = await fixture.NewDatabaseAsync();
        // Monday 2026-03-02: the claim limit (3 working days) is Thursday 2026-03-05.
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?> { ["Supervision:AutoClaimJob"] = "false" });
        var enterprise = await app.SignedIn("enterprise");
        var granted = await GrantedFoodLicenceAsync(app, enterprise);
        var (licenceId, payload) = await LicenceOfAsync(enterprise, granted);

        // The supervising department's officer sees it whole: holder, item, licence, key facts, the claim limit.
        var inspector = await app.SignedIn("inspector.scj");
        var item = await SupervisionItemOfAsync(inspector, granted);
        var itemId = item.GetProperty("id").GetString()!;
        Assert.Equal(Applications.EnterpriseUscc, item.GetProperty("holderCode").GetString());
        Assert.Equal("XK-SCJ-005", item.GetProperty("itemCode").GetString());
        Assert.Equal("pushed", item.GetProperty("status").GetString());
        Assert.Equal("2026-03-05", item.GetProperty("claimBy").GetString());
        Assert.Equal("滨州市黄河餐饮管理有限公司", item.GetProperty("facts").GetProperty("企业名称").GetString());
        Assert.True(await InboxHasAsync(app, "inspector.scj", "审管联动：新的审批结果待认领"));

        // Another department's officer does not see it; staff outside supervision are refused; the 政务办 supervisor reads it masked and cannot claim.
        var other = await app.SignedIn("inspector.zjj");
        Assert.DoesNotContain(Items(await Http.Json(await other.GetAsync("/api/v1/supervision/items"))), i => i.GetProperty("id").GetString() == itemId);
        await Http.Problem(await other.PostAsJsonAsync($"/api/v1/supervision/items/{itemId}/claim", new { }), HttpStatusCode.NotFound);
        await Http.Problem(await (await app.SignedIn("clerk")).GetAsync("/api/v1/supervision/items"), HttpStatusCode.Forbidden);
        var supervisor = await app.SignedIn("supervisor");
        var seen = Items(await Http.Json(await supervisor.GetAsync("/api/v1/supervision/items?department=371600-SCJ"))).Single(i => i.GetProperty("id").GetString() == itemId);
        Assert.NotEqual(Applications.EnterpriseUscc, seen.GetProperty("holderCode").GetString());
        await Http.Problem(await supervisor.PostAsJsonAsync($"/api/v1/supervision/items/{itemId}/claim", new { }), HttpStatusCode.Forbidden);
        await Http.Problem(await inspector.GetAsync("/api/v1/supervision/items?status=lost"), HttpStatusCode.BadRequest);

        // Feedback before the claim is refused; the claim is once.
        await Http.Problem(await inspector.PostAsJsonAsync($"/api/v1/supervision/items/{itemId}/feedback", new { measure = "warning", reason = "经营场所卫生条件差" }), HttpStatusCode.Conflict);
        var claimed = await Http.Json(await inspector.PostAsJsonAsync($"/api/v1/supervision/items/{itemId}/claim", new { }));
        Assert.Equal("claimed", claimed.GetProperty("status").GetString());
        await Http.Problem(await inspector.PostAsJsonAsync($"/api/v1/supervision/items/{itemId}/claim", new { }), HttpStatusCode.Conflict);

        // A second grant is left unclaimed: past Thursday it is claimed for the department and counted on the board.
        var unclaimed = await GrantedFoodLicenceAsync(app, enterprise, "XK-SCJ-012");
        var late = (await SupervisionItemOfAsync(inspector, unclaimed)).GetProperty("id").GetString()!;
        clock.Advance(TimeSpan.FromDays(3));
        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AutoClaimJob>().ClaimOverdueAsync(CancellationToken.None)); // Thursday: still in time
        }

        // Friday: everything still unclaimed (this grant, and the demo's grants of the working day before) is claimed for its department.
        clock.Advance(TimeSpan.FromDays(1));
        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AutoClaimJob>().ClaimOverdueAsync(CancellationToken.None) >= 1);
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AutoClaimJob>().ClaimOverdueAsync(CancellationToken.None));
        }

        inspector = await app.SignedIn("inspector.scj");
        Assert.Equal("autoClaimed", (await Http.Json(await inspector.GetAsync($"/api/v1/supervision/items/{late}"))).GetProperty("status").GetString());
        var mine = Items(await Http.Json(await inspector.GetAsync("/api/v1/supervision/items?pageSize=200"))).ToList();
        Assert.DoesNotContain(mine, i => i.GetProperty("status").GetString() == "pushed");
        var board = await Http.Json(await (await app.SignedIn("supervisor")).GetAsync("/api/v1/supervision/board"));
        var scj = board.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("department").GetString() == "371600-SCJ");
        Assert.Equal(mine.Count, scj.GetProperty("pushed").GetInt32());
        Assert.Equal(1, scj.GetProperty("claimedOnTime").GetInt32());
        Assert.Equal(mine.Count - 1, scj.GetProperty("autoClaimed").GetInt32());
        Assert.True(scj.GetProperty("claimedOnTimeRate").GetDouble() < 1);
        Assert.Contains(board.GetProperty("autoClaimedList").EnumerateArray(), i => i.GetProperty("id").GetString() == late);
        await Http.Eventually(() => InboxHasAsync(app, "head.scj", "审管联动通报"), "the department head should hear of the auto-claim");

        // Measures: field errors first; 暂停 suspends the licence (and is not pushed back as a new item); 行业禁入 records a ban.
        var invalid = await Http.Problem(await inspector.PostAsJsonAsync($"/api/v1/supervision/items/{itemId}/feedback", new { measure = "ban", reason = "x" }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("banYears", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("reason", out _));
        await Http.Problem(await inspector.PostAsJsonAsync($"/api/v1/supervision/items/{itemId}/feedback", new { measure = "ban", reason = "使用过期原料", banYears = 3, bannedItemKinds = Nonsense }),
            HttpStatusCode.BadRequest);
        var suspended = await Http.Json(await inspector.PostAsJsonAsync($"/api/v1/supervision/items/{itemId}/feedback", new { measure = "suspend", reason = "后厨使用过期原料，责令停业整顿" }));
        Assert.Single(suspended.GetProperty("feedback")[0].GetProperty("licensesChanged").EnumerateArray());
        var verified = await Http.Json(await app.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload }));
        Assert.Equal("suspended", verified.GetProperty("status").GetString());
        var banned = await WithVersionAsync(inspector, $"/api/v1/supervision/items/{itemId}/feedback",
            new { measure = "ban", reason = "整顿期间继续使用过期原料，情节严重", banYears = 3 }, suspended.GetProperty("version").GetInt32());
        Assert.Equal(FoodKind, banned.GetProperty("feedback")[1].GetProperty("bannedItemKinds").EnumerateArray().Select(k => k.GetString()));
        await WithVersionAsync(inspector, $"/api/v1/supervision/items/{itemId}/feedback", new { measure = "warning", reason = "重复提交" }, suspended.GetProperty("version").GetInt32(),
            HttpStatusCode.Conflict);
        await Http.Eventually(() => InboxHasAsync(app, "approver.scj", "监管结果反馈：行业禁入"), "the approval side should hear of the ban");
        Assert.DoesNotContain(Items(await Http.Json(await inspector.GetAsync("/api/v1/supervision/items?pageSize=200"))), i => i.GetProperty("trigger").GetString() == "suspended");
        Assert.NotNull(licenceId);

        // The banned enterprise's next application for a food business licence (another item, the same kind) is refused, naming the ban.
        enterprise = await app.SignedIn("enterprise");
        var refused = await Http.Problem(await enterprise.PostAsJsonAsync("/api/v1/cases", await Applications.EnterpriseAsync(enterprise, "XK-SCJ-008")),
            HttpStatusCode.UnprocessableEntity, "case:banned");
        Assert.Contains("行业禁入", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(Items(await Http.Json(await inspector.GetAsync("/api/v1/supervision/items"))).First(i => i.GetProperty("id").GetString() == itemId).GetProperty("caseNumber").GetString()!,
            refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Someone else applying online in the banned enterprise's name learns nothing of the ban: only that they cannot apply for it.
        var stranger = await app.SignedIn("enterprise2");
        var notTheirs = await Http.Problem(await stranger.PostAsJsonAsync("/api/v1/cases", await Applications.EnterpriseAsync(stranger, "XK-SCJ-008")), HttpStatusCode.BadRequest);
        Assert.DoesNotContain("行业禁入", notTheirs.GetRawText(), StringComparison.Ordinal);

        // A food production licence is another kind: not banned.
        await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-012"));

        // A ban on business licences reaches every item of a 一件事 too: 企业开办 (its 企业设立登记 yields one) is refused as a whole.
        await WithVersionAsync(inspector, $"/api/v1/supervision/items/{itemId}/feedback",
            new { measure = "ban", reason = "以虚假材料骗取登记", banYears = 1, bannedItemKinds = BusinessKind }, banned.GetProperty("version").GetInt32());
        var file = await Applications.UploadAsync(enterprise);
        var bundle = await Http.Problem(await enterprise.PostAsJsonAsync("/api/v1/bundle-applications", new
        {
            bundleCode = "QYKB",
            applicant = new { kind = "enterprise", uscc = Applications.EnterpriseUscc, name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" },
            form = new Dictionary<string, object>(Applications.EnterpriseForm) { ["enterpriseType"] = "有限责任公司", ["registeredCapital"] = "100", ["businessScope"] = "餐饮服务" },
            materials = new[] { new { materialCode = "application", fileId = file }, new { materialCode = "articles", fileId = file }, new { materialCode = "premises", fileId = file } },
        }), HttpStatusCode.UnprocessableEntity, "case:banned");
        Assert.Contains("企业设立登记", bundle.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pledge_application_is_approved_at_once_without_the_pledged_materials_and_a_false_pledge_revokes_marks_and_blocks()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var enterprise = await app.SignedIn("enterprise");

        // An item without 告知承诺 refuses the pledge, by field.
        var notAllowed = await Http.Problem(await enterprise.PostAsJsonAsync("/api/v1/cases",
            Pledged(await Applications.EnterpriseAsync(enterprise, "XK-SCJ-006"))), HttpStatusCode.BadRequest);
        Assert.True(notAllowed.GetProperty("errors").TryGetProperty("pledgeApproval", out _));

        // 食品经营许可（新办）: the pledge replaces 经营场所使用证明, 食品安全管理制度, 健康证明; the rest is uploaded. Granted in the request.
        var application = Pledged(await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005", "premises", "foodSafetyRules", "healthCert"));
        var created = await Http.Json(await enterprise.PostAsJsonAsync("/api/v1/cases", application), HttpStatusCode.Created);
        Assert.Equal("approved", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString()!;
        var view = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal(PledgedFoodMaterials, view.GetProperty("pledge").GetProperty("materialCodes").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("告知承诺书", view.GetProperty("pledge").GetProperty("letter").GetString(), StringComparison.Ordinal);
        Assert.Equal("rules", view.GetProperty("decision").GetProperty("by").GetString());
        var (_, payload) = await LicenceOfAsync(enterprise, id);
        Assert.True((await Http.Json(await app.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload }))).GetProperty("valid").GetBoolean());

        // A post-check task for the supervising department, due in 30 working days.
        var inspector = await app.SignedIn("inspector.scj");
        JsonElement check = default;
        await Http.Eventually(async () =>
        {
            check = Items(await Http.Json(await inspector.GetAsync("/api/v1/post-checks?department=371600-SCJ"))).FirstOrDefault(p => p.GetProperty("caseId").GetString() == id);
            return check.ValueKind == JsonValueKind.Object;
        }, "a 告知承诺 grant should open a post-check");
        Assert.Equal("open", check.GetProperty("status").GetString());
        Assert.Contains("从业人员健康证明", check.GetProperty("pledgedMaterials").EnumerateArray().Select(m => m.GetString()));
        var supervised = await SupervisionItemOfAsync(inspector, id);
        Assert.True(supervised.GetProperty("pledgeApproval").GetBoolean());
        var checkId = check.GetProperty("id").GetString()!;
        var missing = await Http.Problem(await inspector.PostAsJsonAsync($"/api/v1/post-checks/{checkId}/result", new { findings = "" }), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("passed", out _));
        Assert.True(missing.GetProperty("errors").TryGetProperty("findings", out _));
        await Http.Problem(await (await app.SignedIn("inspector.zjj")).PostAsJsonAsync($"/api/v1/post-checks/{checkId}/result", new { passed = false, findings = "无" }), HttpStatusCode.NotFound);

        // 承诺不实: the licence is revoked, the applicant marked, the approval side told.
        var failed = await Http.Json(await inspector.PostAsJsonAsync($"/api/v1/post-checks/{checkId}/result", new { passed = false, findings = "现场核查：经营场所租赁合同系伪造，从业人员无健康证明" }));
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        await Http.Problem(await inspector.PostAsJsonAsync($"/api/v1/post-checks/{checkId}/result", new { passed = true, findings = "再次核查" }), HttpStatusCode.Conflict);
        var verified = await Http.Json(await app.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload }));
        Assert.Equal("revoked", verified.GetProperty("status").GetString());
        await Http.Eventually(() => InboxHasAsync(app, "approver.scj", "监管结果反馈：告知承诺核查不实"), "the approval side should hear of the false pledge");

        // The next 告知承诺 application is refused with the reason; without the pledge the enterprise may still apply.
        var blocked = await Http.Problem(await enterprise.PostAsJsonAsync("/api/v1/cases", Pledged(await Applications.EnterpriseAsync(enterprise, "XK-SCJ-008", "premises", "healthCert"))),
            HttpStatusCode.UnprocessableEntity, "case:pledge-blocked");
        Assert.Contains(view.GetProperty("number").GetString()!, blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-008"));
    }

    /// <summary>The application with 告知承诺 signed.</summary>
    private static Dictionary<string, object?> Pledged(object application)
    {
        var json = JsonSerializer.SerializeToElement(application);
        var d = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        d["pledgeApproval"] = true;
        return d;
    }

    [Fact]
    public async Task An_instant_application_is_approved_by_the_rules_in_the_request_explained_and_a_failing_fact_goes_to_a_person()
    {
        await using var database = await fixture.NewDatabaseAsync();
        // 李明 (born 1990-03-15) is 35 on this day.
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var citizen = await app.SignedIn("citizen");
        var file = await Applications.UploadAsync(citizen);
        object Application(string status) => new
        {
            itemCode = "GG-RSJ-002",
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = new Dictionary<string, object>
            {
                ["applicantName"] = "李明", ["residentId"] = "371602199003151236", ["mobile"] = "13805431234", ["address"] = "滨州市滨城区黄河五路 597 号", ["employmentStatus"] = status,
            },
            materials = new[] { new { materialCode = "application", fileId = file } },
        };

        var created = await Http.Json(await citizen.PostAsJsonAsync("/api/v1/cases", Application("失业")), HttpStatusCode.Created);
        Assert.Equal("approved", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString()!;
        var view = await Http.Json(await citizen.GetAsync($"/api/v1/cases/{id}"));
        var decision = view.GetProperty("decision");
        Assert.Equal("rules", decision.GetProperty("by").GetString());
        var rules = decision.GetProperty("rules").EnumerateArray().ToList();
        Assert.True(rules.Count >= 4);
        Assert.All(rules, r => Assert.True(r.GetProperty("passed").GetBoolean()));
        Assert.Contains(rules, r => r.GetProperty("facts").TryGetProperty("applicant.age", out var age) && age.GetString() == "35");
        Assert.Contains(rules, r => r.GetProperty("facts").TryGetProperty("form.employmentStatus", out var s) && s.GetString() == "失业");
        await Http.Eventually(async () =>
        {
            var timeline = (await Http.Json(await citizen.GetAsync($"/api/v1/cases/{id}"))).GetProperty("timeline").EnumerateArray().ToList();
            return timeline.Any(t => t.GetProperty("action").GetString() == "CaseApproved" && t.GetProperty("actor").GetString() == "系统（秒批）");
        }, "the audit chain should show the system's grant");
        var page = await citizen.GetStringAsync($"/cases/{id}");
        Assert.Contains("系统审批（规则全部满足）", page, StringComparison.Ordinal);

        // 在校生: the rule on the employment status fails; the case waits for a person, the failed rule on it.
        var student = await Http.Json(await citizen.PostAsJsonAsync("/api/v1/cases", Application("在校生")), HttpStatusCode.Created);
        Assert.Equal("submitted", student.GetProperty("status").GetString());
        var pending = await Http.Json(await citizen.GetAsync($"/api/v1/cases/{student.GetProperty("id").GetString()}"));
        Assert.Equal("officer", pending.GetProperty("decision").GetProperty("by").GetString());
        var failed = pending.GetProperty("decision").GetProperty("rules").EnumerateArray().Where(r => !r.GetProperty("passed").GetBoolean()).ToList();
        Assert.Single(failed);
        Assert.Equal("在校生", failed[0].GetProperty("facts").GetProperty("form.employmentStatus").GetString());
        var studentId = student.GetProperty("id").GetString()!;
        await Applications.ActAsync(await app.SignedIn("clerk"), studentId, "accept");
        var decided = await Applications.ActAsync(await app.SignedIn("approver.rsj"), studentId, "approve", new { opinion = "经核实为应届毕业生，准予办理" });
        Assert.Equal("approved", decided.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Instant_rules_are_versioned_with_the_item_checked_by_field_and_tried_on_a_sample_before_publishing()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database);
        var admin = await app.SignedIn("admin");
        var item = await Http.Json(await admin.GetAsync("/api/v1/items/GG-YBJ-002"));
        Assert.NotEmpty(item.GetProperty("instantRules").EnumerateArray());

        // A rule on a field the form does not have is refused, by field, and nothing changes.
        var document = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(item.GetRawText())!;
        var bad = new Dictionary<string, object?>(document.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value)))
        {
            ["instantRules"] = new[] { new { name = "月收入不低于", fact = "form.salary", op = "ge", value = "3000" } },
        };
        var refused = await Http.Problem(await admin.PutAsJsonAsync("/api/v1/items/GG-YBJ-002/draft", bad), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("instantRules[0].fact", out _));

        // Tried on a sample before publishing: a 15-year-old fails the age rule, the default sample passes.
        var rules = new[] { new { name = "年满 16 周岁", fact = "applicant.age", op = "ge", value = (string?)"16" }, new { name = "填写了地址", fact = "form.address", op = "present", value = (string?)null },
            new { name = "无失信记录", fact = "credit.marks", op = "le", value = (string?)"0" } };
        var young = await Http.Json(await admin.PostAsJsonAsync("/api/v1/items/GG-YBJ-002/instant-rules/test",
            new { rules, sample = new { applicantKind = "person", idNumber = "371602201103151231", form = new { address = "滨城区" } } }));
        Assert.False(young.GetProperty("passed").GetBoolean());
        Assert.False(young.GetProperty("rules")[0].GetProperty("passed").GetBoolean());
        Assert.Equal("15", young.GetProperty("rules")[0].GetProperty("facts").GetProperty("applicant.age").GetString());
        Assert.True(young.GetProperty("rules")[1].GetProperty("passed").GetBoolean());
        await Http.Problem(await admin.PostAsJsonAsync("/api/v1/items/GG-YBJ-002/instant-rules/test", new { rules = new[] { new { name = "x", fact = "nothing", op = "eq", value = "1" } } }),
            HttpStatusCode.BadRequest);
        await Http.Problem(await (await app.SignedIn("clerk")).PostAsJsonAsync("/api/v1/items/GG-YBJ-002/instant-rules/test", new { }), HttpStatusCode.Forbidden);

        // Saved as a draft, the rules are a new version; the published version decides until the draft is published.
        var changed = new Dictionary<string, object?>(bad) { ["instantRules"] = rules };
        var draft = await Http.Json(await admin.PutAsJsonAsync("/api/v1/items/GG-YBJ-002/draft", changed));
        Assert.Equal(3, draft.GetProperty("instantRules").GetArrayLength());
        Assert.Equal(2, (await Http.Json(await app.Anonymous().GetAsync("/api/v1/items/GG-YBJ-002"))).GetProperty("instantRules").GetArrayLength());
        await Http.Json(await admin.PostAsync("/api/v1/items/GG-YBJ-002/publish", null));
        Assert.Equal(3, (await Http.Json(await app.Anonymous().GetAsync("/api/v1/items/GG-YBJ-002"))).GetProperty("instantRules").GetArrayLength());
    }
}

public sealed class SupervisionTestsOnSqlite(SqliteFixture fixture) : SupervisionTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SupervisionTestsOnPostgres(PostgresFixture fixture) : SupervisionTests(fixture), IClassFixture<PostgresFixture>;
