using OneWindow.Modules.Projects.Features;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 6, must-shows 3 and 4: a construction project through its four stages, a joint review that
/// stops its sub-cases' clocks for exactly its days, the whole-process limit reported and warned on,
/// and the project steward who sees it all and receives its alerts.
/// </summary>
public abstract class ProjectTests(AppFixture fixture)
{
    // Monday 2 March 2026, 09:00 in China.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, (string Reviewer, string Approver)> Officers = new()
    {
        ["371600-ZRJ"] = ("reviewer.zrj", "approver.zrj"), ["371600-ZJJ"] = ("reviewer.zjj", "approver.zjj"), ["371600-HBJ"] = ("reviewer.hbj", "approver.hbj"),
    };

    private sealed record Run(TestApp App, TestClock Clock);

    private static async Task<string> ProjectIdAsync(HttpClient client, string code)
    {
        var list = await Http.Json(await client.GetAsync("/api/v1/projects?q=" + code));
        return list.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    /// <summary>The steward applies for a stage with every material its 一件事 asks for; the clerk accepts it.</summary>
    private static async Task<JsonElement> ApplyAndAcceptAsync(Run run, string projectId, int stage)
    {
        var steward = await run.App.SignedIn("steward");
        var code = $"GCJS-{stage}";
        var bundle = await Http.Json(await steward.GetAsync($"/api/v1/bundles/{code}"));
        var file = await Applications.UploadAsync(steward);
        var materials = bundle.GetProperty("materials").EnumerateArray().Where(m => m.GetProperty("askedOfApplicant").GetBoolean())
            .Select(m => new { materialCode = m.GetProperty("code").GetString(), fileId = file }).ToArray();
        var projectType = bundle.GetProperty("form").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "projectType")
            .GetProperty("options")[0].GetString()!;
        var applied = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/projects/{projectId}/stages/{stage}/applications",
            new { form = new Dictionary<string, object> { ["projectType"] = projectType }, materials }), HttpStatusCode.Created);
        var id = applied.GetProperty("id").GetString()!;
        return await Http.Json(await (await run.App.SignedIn("clerk")).PostAsync($"/api/v1/bundle-applications/{id}/accept", null));
    }

    /// <summary>Each sub-case reviewed and approved by its department.</summary>
    private static async Task DecideAllAsync(Run run, JsonElement application)
    {
        foreach (var sub in application.GetProperty("subCases").EnumerateArray())
        {
            var (reviewer, approver) = Officers[sub.GetProperty("department").GetString()!];
            var id = sub.GetProperty("id").GetString()!;
            await Applications.ActAsync(await run.App.SignedIn(reviewer), id, "review", new { opinion = "符合要求", recommendation = "approve" });
            await Applications.ActAsync(await run.App.SignedIn(approver), id, "approve", new { opinion = "准予许可" });
        }
    }

    private static async Task<IReadOnlyList<string>> InboxAsync(TestApp app, string userName)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return [.. (await scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.IInbox>().RecentAsync(userId, 200)).Select(m => m.Body)];
    }

    private static async Task<int> ScanAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ProjectDeadlines>().RunAsync(default);
    }

    [Fact]
    public async Task A_project_goes_through_four_stages_a_joint_review_stops_the_clocks_and_the_steward_is_told()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(Start);
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock),
            settings: new Dictionary<string, string?> { ["Intake:DeadlineJob"] = "false", ["Projects:DeadlineJob"] = "false" });
        var run = new Run(app, clock);

        var steward = await app.SignedIn("steward");
        var projectId = await ProjectIdAsync(steward, "2611-371600-04-01-000001");
        var project = await Http.Json(await steward.GetAsync($"/api/v1/projects/{projectId}"));
        Assert.Equal("lowRisk", project.GetProperty("riskClass").GetString());
        Assert.Equal(15, project.GetProperty("limitDays").GetInt32());
        Assert.Equal("赵管家（项目管家）", project.GetProperty("steward").GetProperty("name").GetString());
        Assert.Equal(4, project.GetProperty("stages").GetArrayLength());

        // Stage 1; stage 2 cannot start before it is decided. A deficiency reaches the steward.
        var stage1 = await ApplyAndAcceptAsync(run, projectId, 1);
        var early = await steward.PostAsJsonAsync($"/api/v1/projects/{projectId}/stages/2/applications", new { form = new { }, materials = Array.Empty<object>() });
        await Http.Problem(early, HttpStatusCode.Conflict, "project:stage-closed");
        var siteCase = stage1.GetProperty("subCases")[0].GetProperty("id").GetString()!;
        await Applications.ActAsync(await app.SignedIn("reviewer.zrj"), siteCase, "request-supplement",
            new { items = new[] { new { materialCode = "application", reason = "申请表缺建设单位盖章" } } });
        var redo = await Applications.UploadAsync(steward, "盖章后的申请表.pdf");
        await Http.Json(await steward.PostAsJsonAsync($"/api/v1/bundle-applications/{stage1.GetProperty("id").GetString()}/supplement",
            new { materials = new[] { new { materialCode = "application", fileId = redo } } }));
        await DecideAllAsync(run, stage1);

        // Stage 2: one joint review meeting for its three items stops their clocks for exactly the review days.
        var stage2 = await ApplyAndAcceptAsync(run, projectId, 2);
        var subCases = stage2.GetProperty("subCases").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        var clerk = await app.SignedIn("clerk");
        var dueBefore = new Dictionary<string, string>();
        foreach (var id in subCases)
        {
            dueBefore[id] = (await Http.Json(await clerk.GetAsync($"/api/v1/cases/{id}"))).GetProperty("dueDate").GetString()!;
        }

        var review = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/projects/{projectId}/joint-reviews", new
        {
            kind = "meeting", title = "工程建设许可阶段联合评审（规划、消防、环评）", scheduledOn = "2026-03-03", location = "市民服务中心三楼联合评审室",
            latitude = 37.3812, longitude = 118.0120, caseIds = subCases,
        }), HttpStatusCode.Created);
        Assert.Equal(3, review.GetProperty("departments").GetArrayLength());
        var reviewId = review.GetProperty("id").GetString()!;
        await Applications.ActAsync(await app.SignedIn("reviewer.zjj"), subCases[1], "review", new { opinion = "x", recommendation = "approve" }, HttpStatusCode.Conflict);

        clock.Advance(TimeSpan.FromDays(2)); // Monday → Wednesday: two working days in the special procedure
        var photo = await Applications.UploadAsync(await app.SignedIn("reviewer.zrj"), "现场照片.pdf");
        foreach (var reviewer in new[] { "reviewer.zrj", "reviewer.zjj", "reviewer.hbj" })
        {
            var officer = await app.SignedIn(reviewer);
            await Http.Json(await officer.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/opinions",
                new { opinion = "原则同意，按意见修改后报送", verdict = "revise", fileIds = reviewer == "reviewer.zrj" ? new[] { photo } : [] }));
            if (reviewer == "reviewer.zrj")
            {
                // Not everyone has spoken yet: no conclusion.
                await Http.Problem(await (await app.SignedIn("steward")).PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/conclude", new { conclusion = "x", verdict = "pass" }),
                    HttpStatusCode.Conflict, "joint-review:opinions-missing");
            }
        }

        steward = await app.SignedIn("steward");
        var concluded = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/conclude",
            new { conclusion = "三部门意见一致，修改完善后予以许可", verdict = "revise" }));
        Assert.Equal("2026-03-04", concluded.GetProperty("concludedOn").GetString());
        clerk = await app.SignedIn("clerk");
        foreach (var id in subCases)
        {
            var c = await Http.Json(await clerk.GetAsync($"/api/v1/cases/{id}"));
            var moved = DateOnly.Parse(c.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(DateOnly.Parse(dueBefore[id], System.Globalization.CultureInfo.InvariantCulture).AddDays(2), moved);
            var procedure = c.GetProperty("procedures")[0];
            Assert.Equal("联合评审", procedure.GetProperty("kind").GetString());
            Assert.Contains("修改完善后予以许可", procedure.GetProperty("conclusion").GetString(), StringComparison.Ordinal);
        }

        await DecideAllAsync(run, stage2);
        project = await Http.Json(await steward.GetAsync($"/api/v1/projects/{projectId}"));
        Assert.Equal(2, project.GetProperty("pausedDays").GetInt32());

        // Stage 3 drags on: 12 of the 15 working days used → 预警 for the project, sent to the steward.
        var stage3 = await ApplyAndAcceptAsync(run, projectId, 3);
        clock.Advance(TimeSpan.FromDays(17)); // Wednesday 03-04 → Saturday 03-21: 12 working days
        Assert.Equal(1, await ScanAsync(app));
        Assert.Equal(0, await ScanAsync(app));
        steward = await app.SignedIn("steward");
        project = await Http.Json(await steward.GetAsync($"/api/v1/projects/{projectId}"));
        Assert.Equal("warning", project.GetProperty("deadlineState").GetString());
        Assert.True(project.GetProperty("usedDays").GetInt32() >= 12);
        await DecideAllAsync(run, stage3);

        var stage4 = await ApplyAndAcceptAsync(run, projectId, 4);
        await DecideAllAsync(run, stage4);
        project = await Http.Json(await steward.GetAsync($"/api/v1/projects/{projectId}"));
        Assert.All(project.GetProperty("stages").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("application").GetProperty("decidedOn").GetString())));
        Assert.Null(project.GetProperty("dueDate").GetString());

        // The steward was told of the deficiency, the joint review, each decided stage and the limit warning.
        IReadOnlyList<string> inbox = [];
        await Http.Eventually(async () => (inbox = await InboxAsync(app, "steward")).Count(m => m.Contains("已审批完成", StringComparison.Ordinal)) == 4,
            "the steward was not told of each decided stage");
        Assert.Contains(inbox, m => m.Contains("缺建设单位盖章", StringComparison.Ordinal));
        Assert.Contains(inbox, m => m.Contains("已安排联合评审", StringComparison.Ordinal));
        Assert.Contains(inbox, m => m.Contains("全流程审批时限预警", StringComparison.Ordinal));

        // The owner sees their project; another enterprise does not. Coverage and completion report.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn("enterprise")).GetAsync($"/api/v1/projects/{projectId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("enterprise2")).GetAsync($"/api/v1/projects/{projectId}")).StatusCode);
        var report = await Http.Json(await (await app.SignedIn("admin")).GetAsync("/api/v1/projects/stewards"));
        Assert.Equal(1.0, report.GetProperty("coverage").GetDouble());
        Assert.Equal(1, report.GetProperty("stewards")[0].GetProperty("completed").GetInt32());
        Assert.True((await Http.Json(await app.Anonymous().GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_later_stage_pre_reviewed_before_the_land_is_obtained_is_granted_once_the_land_licence_exists()
    {
        var run = new Run(fixture.App, new TestClock(Start));
        var steward = await fixture.App.SignedIn("steward");
        var projectId = await ProjectIdAsync(steward, "2611-371600-04-01-000002");
        var stage1 = await ApplyAndAcceptAsync(run, projectId, 1);

        // 拿地即开工: stage 2 while stage 1 runs, as a pre-review.
        var file = await Applications.UploadAsync(steward);
        var bundle = await Http.Json(await steward.GetAsync("/api/v1/bundles/GCJS-2"));
        var materials = bundle.GetProperty("materials").EnumerateArray().Where(m => m.GetProperty("askedOfApplicant").GetBoolean())
            .Select(m => new { materialCode = m.GetProperty("code").GetString(), fileId = file }).ToArray();
        var form = new Dictionary<string, object> { ["projectType"] = "工业项目" };
        var applied = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/projects/{projectId}/stages/2/applications",
            new { form, materials, preReview = true }), HttpStatusCode.Created);
        var stage2 = await Http.Json(await (await fixture.App.SignedIn("clerk")).PostAsync($"/api/v1/bundle-applications/{applied.GetProperty("id").GetString()}/accept", null));
        var planning = stage2.GetProperty("subCases").EnumerateArray().Single(s => s.GetProperty("itemCode").GetString() == "XK-ZRJ-002").GetProperty("id").GetString()!;
        await Applications.ActAsync(await fixture.App.SignedIn("reviewer.zrj"), planning, "review", new { opinion = "预审意见：方案符合规划条件", recommendation = "approve" });
        var waiting = await Applications.ActAsync(await fixture.App.SignedIn("approver.zrj"), planning, "approve", new { opinion = "准予" }, HttpStatusCode.Conflict);
        Assert.Equal("urn:onewindow:case:awaits-land", waiting.GetProperty("type").GetString());
        Assert.Contains("建设用地规划许可证", waiting.GetProperty("title").GetString(), StringComparison.Ordinal);

        // Stage 1 decided: its 建设用地规划许可证 is issued to the owner, and the pre-reviewed item may now be granted.
        await DecideAllAsync(run, stage1);
        var owner = await fixture.App.SignedIn("enterprise2");
        await Http.Eventually(async () => (await Http.Json(await owner.GetAsync("/api/v1/licenses"))).EnumerateArray()
            .Any(l => l.GetProperty("type").GetString() == "LandUsePlanningPermit"), "the land licence was not issued");
        var granted = await Applications.ActAsync(await fixture.App.SignedIn("approver.zrj"), planning, "approve", new { opinion = "准予" });
        Assert.Equal("approved", granted.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_projects_and_reviews_get_field_errors()
    {
        var clerk = await fixture.App.SignedIn("clerk");
        var bad = await clerk.PostAsJsonAsync("/api/v1/projects", new { code = "123", name = "x", ownerUscc = "bad", investment = -1 });
        var errors = (await Http.Problem(bad, HttpStatusCode.BadRequest, "project:invalid")).GetProperty("errors");
        foreach (var field in new[] { "code", "name", "ownerName", "ownerUscc", "ownerMobile", "location", "investment", "riskClass" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var created = await Http.Json(await clerk.PostAsJsonAsync("/api/v1/projects", new
        {
            code = "2611-371600-04-01-000099", name = "测试仓储项目", ownerName = "滨州市黄河餐饮管理有限公司", ownerUscc = Applications.EnterpriseUscc,
            ownerMobile = "15305431111", location = "滨州市滨城区", investment = 800, riskClass = "industrial",
        }), HttpStatusCode.Created);
        Assert.Equal(45, created.GetProperty("limitDays").GetInt32());
        var id = created.GetProperty("id").GetString();
        await Http.Problem(await clerk.PostAsJsonAsync("/api/v1/projects", new
        {
            code = "2611-371600-04-01-000099", name = "重复", ownerName = "滨州市黄河餐饮管理有限公司", ownerUscc = Applications.EnterpriseUscc,
            ownerMobile = "15305431111", location = "滨州市", investment = 1, riskClass = "general",
        }), HttpStatusCode.BadRequest, "project:invalid");
        var review = await clerk.PostAsJsonAsync($"/api/v1/projects/{id}/joint-reviews", new { kind = "siteVisit", title = "踏勘", scheduledOn = "2020-01-01", caseIds = new[] { Guid.NewGuid() } });
        var reviewErrors = (await Http.Problem(review, HttpStatusCode.BadRequest, "joint-review:invalid")).GetProperty("errors");
        Assert.True(reviewErrors.TryGetProperty("scheduledOn", out _));
        Assert.True(reviewErrors.TryGetProperty("caseIds", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.App.SignedIn("enterprise")).PostAsJsonAsync("/api/v1/projects", new { code = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_projects_stages_and_reviews_carry_its_region_code()
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>();
        var projects = await db.Set<OneWindow.Modules.Projects.Domain.ConstructionProject>().ToDictionaryAsync(p => p.Id, p => p.RegionCode);
        var stages = await db.Set<OneWindow.Modules.Projects.Domain.ProjectStage>().ToListAsync();
        Assert.NotEmpty(stages);
        Assert.All(stages, s => Assert.Equal(projects[s.ProjectId], s.RegionCode));
        Assert.All(await db.Set<OneWindow.Modules.Projects.Domain.JointReview>().ToListAsync(), r => Assert.Equal(projects[r.ProjectId], r.RegionCode));
    }

    [Fact]
    public async Task A_joint_review_draws_experts_reproducibly_never_one_who_must_recuse_and_waits_for_their_opinions()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(Start);
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock),
            settings: new Dictionary<string, string?> { ["Intake:DeadlineJob"] = "false", ["Projects:DeadlineJob"] = "false" });
        var run = new Run(app, clock);
        var steward = await app.SignedIn("steward");
        var experts = await Http.Json(await steward.GetAsync("/api/v1/experts?pageSize=200"));
        Assert.Equal(50, experts.GetProperty("total").GetInt32());
        Assert.Equal(6, experts.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Distinct().Count());

        // The central kitchen (owner 黄河餐饮): three structural experts designed it and must recuse.
        var projectId = await ProjectIdAsync(steward, "2611-371600-04-01-000001");
        var stage1 = await ApplyAndAcceptAsync(run, projectId, 1);
        var review = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/projects/{projectId}/joint-reviews", new
        {
            kind = "meeting", title = "立项用地规划阶段专家评审", scheduledOn = "2026-03-03", location = "市民服务中心三楼联合评审室",
            caseIds = stage1.GetProperty("subCases").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray(),
        }), HttpStatusCode.Created);
        var reviewId = review.GetProperty("id").GetString()!;
        var invalid = await Http.Problem(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/expert-draws", new { field = "astrology", count = 40 }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("field", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("count", out _));

        var draw = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/expert-draws", new { field = "structure", count = 3 }), HttpStatusCode.Created);
        var recused = draw.GetProperty("recused").EnumerateArray().ToList();
        Assert.Equal(3, recused.Count);
        Assert.All(recused, r => Assert.Equal("曾参与本项目", r.GetProperty("reason").GetString()));
        var eligible = draw.GetProperty("eligible").EnumerateArray().Select(e => e.GetGuid()).ToList();
        var drawn = draw.GetProperty("drawn").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, drawn.Count);
        Assert.DoesNotContain(drawn, d => recused.Any(r => r.GetProperty("expertId").GetGuid() == d));

        // Anyone with the seed and the eligible list recomputes the same experts (HMAC-SHA256(seed, id), lowest first).
        var seed = Convert.FromHexString(draw.GetProperty("seed").GetString()!);
        var recomputed = eligible.OrderBy(id => Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(seed, System.Text.Encoding.UTF8.GetBytes(id.ToString("D")))),
            StringComparer.Ordinal).Take(3).ToList();
        Assert.Equal(recomputed, drawn);
        var stored = await Http.Json(await steward.GetAsync($"/api/v1/expert-draws/{draw.GetProperty("id").GetString()}"));
        Assert.Equal(draw.GetProperty("seed").GetString(), stored.GetProperty("seed").GetString());
        Assert.Equal(drawn, stored.GetProperty("drawn").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));

        // Those drawn are not drawn again; too few left is said plainly.
        await Http.Problem(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/expert-draws", new { field = "structure", count = 4 }), HttpStatusCode.Conflict, "expert-draw:too-few");

        // The departments and the three experts give opinions before the conclusion.
        foreach (var department in review.GetProperty("departments").EnumerateArray().Select(d => d.GetString()!))
        {
            await Http.Json(await (await app.SignedIn(Officers[department].Reviewer)).PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/opinions",
                new { opinion = "同意", verdict = "pass" }));
        }

        steward = await app.SignedIn("steward");
        await Http.Problem(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/conclude", new { conclusion = "通过", verdict = "pass" }),
            HttpStatusCode.Conflict, "joint-review:opinions-missing");
        var stranger = eligible.First(e => !drawn.Contains(e));
        await Http.Problem(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/expert-opinions", new { expertId = stranger, opinion = "同意", verdict = "pass" }),
            HttpStatusCode.BadRequest);
        JsonElement last = default;
        foreach (var expert in drawn)
        {
            last = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/expert-opinions", new { expertId = expert, opinion = "结构方案可行", verdict = "pass" }));
        }

        Assert.Equal(3, last.GetProperty("opinions").EnumerateArray().Count(o => o.GetProperty("department").GetString()!.StartsWith("expert:", StringComparison.Ordinal)));
        await Http.Json(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{reviewId}/conclude", new { conclusion = "部门和专家意见一致，通过", verdict = "pass" }));

        // 惠民县绳网制品's project: its own structural engineers recuse (same employer).
        var rope = await ProjectIdAsync(steward, "2611-371600-04-01-000002");
        var ropeStage = await ApplyAndAcceptAsync(run, rope, 1);
        steward = await app.SignedIn("steward");
        var ropeReview = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/projects/{rope}/joint-reviews", new
        {
            kind = "siteVisit", title = "产业园选址现场踏勘", scheduledOn = "2026-03-03", location = "惠民县经济开发区",
            caseIds = ropeStage.GetProperty("subCases").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray(),
        }), HttpStatusCode.Created);
        var ropeDraw = await Http.Json(await steward.PostAsJsonAsync($"/api/v1/joint-reviews/{ropeReview.GetProperty("id").GetString()}/expert-draws", new { field = "structure", count = 5 }),
            HttpStatusCode.Created);
        Assert.Equal(2, ropeDraw.GetProperty("recused").EnumerateArray().Count(r => r.GetProperty("reason").GetString() == "与建设单位为同一单位"));
        Assert.All(ropeDraw.GetProperty("drawn").EnumerateArray(), e => Assert.NotEqual("91371621MA3D1F7PX2", e.GetProperty("employerCode").GetString()));
    }
}

public sealed class ProjectTestsOnSqlite(SqliteFixture fixture) : ProjectTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ProjectTestsOnPostgres(PostgresFixture fixture) : ProjectTests(fixture), IClassFixture<PostgresFixture>;
