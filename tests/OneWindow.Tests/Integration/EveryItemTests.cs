using OneWindow.Modules.Accounts.Features;
using OneWindow.Platform.Identity;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 23: every demo item can be taken from submission to completion by the demo accounts (rules, a clerk's 即办, a 独任审批师,
/// or reviewer and approver), and the qualifications decide who may do what: a clerk holding 即办 decides a 即办件 at the counter,
/// one without it cannot; a 独任审批师 accepts and decides alone and is named on the licence.
/// </summary>
public abstract class EveryItemTests(AppFixture fixture)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>A value each field type accepts, for the applicant given.</summary>
    private static string Officer(string department, string role) =>
        AccountsDemoData.Staff.First(s => s.DepartmentCode == department && s.Roles.Contains(role)).UserName;

    /// <summary>The counter of the item's region (the city's hall, a county's, a township centre's), holding 即办.</summary>
    private static string ClerkOf(string region) =>
        AccountsDemoData.Staff.First(s => s.RegionCode == region && s.Roles.Contains(Roles.IntakeClerk) && s.Qualifications?.Contains(Qualifications.Immediate) == true).UserName;

    [Fact]
    public async Task Every_demo_item_goes_from_submission_to_completion_with_the_demo_accounts()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 30, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var citizen = await app.SignedIn("citizen");
        var enterprise = await app.SignedIn("enterprise");
        var files = new Dictionary<HttpClient, string> { [citizen] = await Applications.UploadAsync(citizen), [enterprise] = await Applications.UploadAsync(enterprise) };
        var officers = new Dictionary<string, HttpClient>();
        async Task<HttpClient> As(string user) => officers.TryGetValue(user, out var c) ? c : officers[user] = await app.SignedIn(user);

        var items = new List<string>();
        for (var page = 1; ; page++)
        {
            var listed = await Http.Json(await app.Anonymous().GetAsync($"/api/v1/items?pageSize=100&page={page}"));
            items.AddRange(listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            if (items.Count >= listed.GetProperty("total").GetInt32())
            {
                break;
            }
        }

        // 69 city items, 15 in each county, 5 in each of three township centres (ADR 0026).
        Assert.True(items.Count >= 69 + (2 * 15) + (3 * 5), $"the demo catalogue has {items.Count} items");
        var ways = new Dictionary<string, int>();
        foreach (var code in items)
        {
            var item = await Http.Json(await app.Anonymous().GetAsync($"/api/v1/items/{code}"));
            var isEnterprise = item.GetProperty("applicantType").GetString() == "enterprise";
            var applicant = isEnterprise ? enterprise : citizen;
            var file = files[applicant];
            var form = item.GetProperty("form").GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => Applications.ValueFor(f, isEnterprise, file));
            var created = await Http.Json(await applicant.PostAsJsonAsync("/api/v1/cases", new
            {
                itemCode = code,
                applicant = isEnterprise
                    ? (object)new { kind = "enterprise", uscc = Applications.EnterpriseUscc, name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" }
                    : new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
                form,
                materials = item.GetProperty("materials").EnumerateArray().Select(m => new { materialCode = m.GetProperty("code").GetString(), fileId = file }).ToArray(),
            }), HttpStatusCode.Created);
            var id = created.GetProperty("id").GetString()!;
            var department = item.GetProperty("department").GetString()!;
            var clerk = await As(ClerkOf(item.GetProperty("region").GetString()!));
            var sole = item.GetProperty("flow").GetString() == "soleApprover";
            string way;
            if (created.GetProperty("status").GetString() == "approved")
            {
                way = "秒批";
                await Applications.ActAsync(clerk, id, "complete", new { delivery = "counter" });
            }
            else if (item.GetProperty("caseType").GetString() == "immediate" && sole)
            {
                way = "即办";
                await Applications.ActAsync(clerk, id, "decide-at-counter", new { opinion = "当场准予" });
            }
            else
            {
                way = sole ? "独任" : "三级";
                await Applications.ActAsync(clerk, id, "accept");
                if (!sole)
                {
                    await Applications.ActAsync(await As(Officer(department, Roles.Reviewer)), id, "review", new { opinion = "符合条件", recommendation = "approve" });
                }

                await Applications.ActAsync(await As(Officer(department, Roles.Approver)), id, "approve", new { opinion = "准予" });
                await Applications.ActAsync(clerk, id, "complete", new { delivery = "counter" });
            }

            var done = await Http.Json(await applicant.GetAsync($"/api/v1/cases/{id}"));
            Assert.True(done.GetProperty("status").GetString() == "completed", $"{code} ({way}) ended {done.GetProperty("status").GetString()}");
            ways[way] = ways.GetValueOrDefault(way) + 1;
        }

        // The demo shows each way: at least 10 items decided by rules would need the rules to pass for these applicants (the
        // enterprise holds no business licence yet); every way is taken at least once.
        Assert.True(ways.GetValueOrDefault("秒批") >= 5, string.Join(", ", ways.Select(w => $"{w.Key} {w.Value}")));
        Assert.True(ways.GetValueOrDefault("即办") >= 1 && ways.GetValueOrDefault("独任") >= 1 && ways.GetValueOrDefault("三级") >= 1, string.Join(", ", ways.Select(w => $"{w.Key} {w.Value}")));
    }

    [Fact]
    public async Task A_clerk_holding_immediate_decides_at_the_counter_one_without_cannot_and_a_sole_approver_decides_alone_and_is_named_on_the_licence()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database);
        var citizen = await app.SignedIn("citizen");
        var file = await Applications.UploadAsync(citizen);

        // 结婚登记 (QR-MZJ-001, 即办件): the clerk without 即办 is refused, naming it; the clerk holding it decides and hands out at once.
        var marriage = await Applications.SubmitAsync(citizen, new
        {
            itemCode = "QR-MZJ-001",
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = await Applications.FormAsync(app, "QR-MZJ-001", file),
            materials = (await Applications.MaterialCodesAsync(citizen, "QR-MZJ-001")).Select(c => new { materialCode = c, fileId = file }).ToArray(),
        });
        var refused = await Applications.ActAsync(await app.SignedIn("clerk2"), marriage, "decide-at-counter", new { }, HttpStatusCode.Forbidden);
        Assert.Contains("即办", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("submitted", (await Http.Json(await citizen.GetAsync($"/api/v1/cases/{marriage}"))).GetProperty("status").GetString());
        var decided = await Applications.ActAsync(await app.SignedIn("clerk"), marriage, "decide-at-counter", new { opinion = "双方自愿，符合结婚条件，当场登记" });
        Assert.Equal("completed", decided.GetProperty("status").GetString());
        var actions = decided.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        Assert.Contains("CaseAccepted", actions);
        Assert.Contains("CaseApproved", actions);
        Assert.Contains("CaseCompleted", actions);
        // A 承诺件 is not decided at the counter.
        var ordinary = await Applications.SubmitBusinessRegistrationAsync(citizen);
        await Applications.ActAsync(await app.SignedIn("clerk"), ordinary, "decide-at-counter", new { }, HttpStatusCode.Conflict);

        // 个体工商户设立登记 (独任审批): 赵审批 is its 独任审批师 — accepts and decides alone; his name is on the licence record.
        var approver = await app.SignedIn("approver.scj");
        await Applications.ActAsync(approver, ordinary, "accept");
        await Applications.ActAsync(approver, ordinary, "approve", new { opinion = "经审查符合登记条件，准予登记" });
        await Http.Eventually(async () =>
        {
            var licence = (await Http.Json(await citizen.GetAsync("/api/v1/licenses"))).EnumerateArray().FirstOrDefault(l => l.GetProperty("caseId").GetString() == ordinary);
            return licence.ValueKind == JsonValueKind.Object && licence.GetProperty("decidedBy").GetString() == "赵审批（市场监管）";
        }, "the licence should name the sole approver");
        // An approver without the qualification for the item does not accept (住建's approver, 食品经营许可 of 市场监管 is not his anyway).
        var other = await Applications.SubmitBusinessRegistrationAsync(citizen);
        await Applications.ActAsync(await app.SignedIn("approver.gaj"), other, "accept", null, HttpStatusCode.NotFound);
    }
}

public sealed class EveryItemTestsOnSqlite(SqliteFixture fixture) : EveryItemTests(fixture), IClassFixture<SqliteFixture>;

public sealed class EveryItemTestsOnPostgres(PostgresFixture fixture) : EveryItemTests(fixture), IClassFixture<PostgresFixture>;
