using System.Security.Cryptography;
using System.Text;
using OneWindow.Modules.Marketplace.Features;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 24 (ADR 0025), the 中介超市: a random draw anyone can recompute from the revealed seed without the server's code, never
/// drawing a blacklisted intermediary; an expired qualification suspends; 竞价 picks the lowest qualified bid; an objection during 公示
/// holds the contract; a rating moves the intermediary's public score.
/// </summary>
public abstract class MarketplaceTests(AppFixture fixture)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly string[] QualifiedSurveyors = ["滨州市黄河测绘有限公司", "山东渤海勘测规划设计有限公司", "惠民县鼎信测绘有限公司", "滨州市经纬空间信息有限公司", "滨州市华宇测绘有限公司"];

    private static readonly string[] SurveyorAccounts = ["agency01", "agency02", "agency03", "agency05", "agency06", "agency07"];

    private static readonly Dictionary<string, string?> NoExpiryJob = new() { ["Marketplace:ExpiryJob"] = "false" };

    private static JsonElement.ArrayEnumerator Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private static async Task<JsonElement> PublishAsync(HttpClient buyer, string serviceType, string method, decimal budget, DateTimeOffset now, HttpStatusCode expect = HttpStatusCode.OK) =>
        await Http.Json(await buyer.PostAsJsonAsync("/api/v1/purchases", new
        {
            serviceType, method, budget, title = "街道中介服务采购测试项目", scope = "按行业标准完成服务并提交成果报告",
            deadline = DateOnly.FromDateTime(now.AddDays(40).Date).ToString("yyyy-MM-dd"), signUpUntil = now.AddDays(2),
        }), expect);

    private static async Task<Dictionary<string, string>> AgencyIdsAsync(TestApp app)
    {
        var all = Items(await Http.Json(await app.Anonymous().GetAsync("/api/v1/intermediaries?pageSize=100")));
        return all.ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("id").GetString()!);
    }

    /// <summary>The draw's rule, written here from the published text: HMAC-SHA256 keyed by the seed's bytes over the id, lowest hex first.</summary>
    private static string Hmac(string seed, string id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(seed), Encoding.ASCII.GetBytes(id)));

    [Fact]
    public async Task A_random_draw_is_recomputed_from_the_revealed_seed_a_blacklisted_intermediary_is_never_drawn_and_an_expired_qualification_suspends()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock), settings: NoExpiryJob);
        var buyer = await app.SignedIn("buyer.shizhong");
        var published = await PublishAsync(buyer, "surveying", "draw", 150_000m, clock.GetUtcNow());
        var id = published.GetProperty("id").GetString()!;
        var commitment = published.GetProperty("seedCommitment").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", commitment);
        Assert.Equal(JsonValueKind.Null, published.GetProperty("seed").ValueKind);
        Assert.Equal("township", published.GetProperty("buyerKind").GetString());

        // Six qualified surveyors sign up; the blacklisted one (串通) is refused, naming why.
        var ids = await AgencyIdsAsync(app);
        foreach (var agency in SurveyorAccounts)
        {
            await Http.Json(await (await app.SignedIn(agency)).PostAsync($"/api/v1/purchases/{id}/sign-up", null));
        }

        var refused = await Http.Problem(await (await app.SignedIn("agency04")).PostAsync($"/api/v1/purchases/{id}/sign-up", null),
            HttpStatusCode.UnprocessableEntity, "purchase:not-qualified");
        Assert.Contains("黑名单", refused.GetProperty("title").GetString());
        var before = await Http.Json(await app.Anonymous().GetAsync($"/api/v1/purchases/{id}"));
        Assert.Equal(6, before.GetProperty("signUpCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("seed").ValueKind);

        // One of them is found to have colluded before the close: blacklisted, it is set aside at the draw; five remain.
        var colluder = ids["惠民县宏图测绘有限公司"];
        var admin = await app.SignedIn("admin");
        var breached = await Http.Json(await admin.PostAsJsonAsync($"/api/v1/intermediaries/{colluder}/breaches", new { kind = "collusion", note = "与其他报名机构串通，经核查属实" }));
        Assert.Equal("blacklisted", breached.GetProperty("status").GetString());
        await Http.Problem(await (await app.SignedIn("agency01")).PostAsync($"/api/v1/purchases/{id}/close", null), HttpStatusCode.Forbidden);
        var closed = await Http.Json(await buyer.PostAsync($"/api/v1/purchases/{id}/close", null));
        Assert.Equal("publicised", closed.GetProperty("status").GetString());

        // The seed is revealed and matches the commitment; the winner is recomputed here from the seed and the qualified ids.
        var seed = closed.GetProperty("seed").GetString()!;
        Assert.Equal(commitment, Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(seed))));
        var qualified = QualifiedSurveyors.Select(n => ids[n]).ToList();
        var expected = qualified.OrderBy(i => Hmac(seed, i), StringComparer.Ordinal).ToList();
        Assert.Equal(expected[0], closed.GetProperty("winnerId").GetString());
        var ranking = closed.GetProperty("draw").GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("intermediaryId").GetString()!).ToList();
        Assert.Equal(expected, ranking);
        Assert.DoesNotContain(colluder, ranking);
        Assert.Contains("黑名单", closed.GetProperty("draw").GetProperty("excluded").GetProperty("惠民县宏图测绘有限公司").GetString());

        // An expired qualification suspends its intermediary (the daily check), and it can no longer sign up.
        var lapsed = ids["山东国地房地产土地评估有限公司"];
        Assert.Equal("verified", (await Http.Json(await app.Anonymous().GetAsync($"/api/v1/intermediaries/{lapsed}"))).GetProperty("status").GetString());
        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Intermediaries>().SuspendExpiredAsync(CancellationToken.None) >= 1);
        }

        var suspended = await Http.Json(await app.Anonymous().GetAsync($"/api/v1/intermediaries/{lapsed}"));
        Assert.Equal("suspended", suspended.GetProperty("status").GetString());
        Assert.Contains("过期", suspended.GetProperty("statusReason").GetString());
        var land = (await PublishAsync(buyer, "landAppraisal", "draw", 50_000m, clock.GetUtcNow())).GetProperty("id").GetString();
        await Http.Problem(await (await app.SignedIn("agency20")).PostAsync($"/api/v1/purchases/{land}/sign-up", null), HttpStatusCode.UnprocessableEntity, "purchase:not-qualified");
    }

    [Fact]
    public async Task A_bid_picks_the_lowest_qualified_price_an_objection_holds_the_contract_and_a_rating_moves_the_public_score()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock), settings: NoExpiryJob);
        var buyer = await app.SignedIn("buyer.huimin");
        var now = clock.GetUtcNow();

        // 直接选取 only below the threshold, naming the field.
        var tooBig = await Http.Problem(await buyer.PostAsJsonAsync("/api/v1/purchases", new
        {
            serviceType = "costConsulting", method = "direct", budget = 150_000m, title = "县住建局造价咨询", scope = "造价咨询", deadline = "2026-04-30", reason = "熟悉项目",
        }), HttpStatusCode.BadRequest);
        Assert.True(tooBig.GetProperty("errors").TryGetProperty("method", out _));

        var id = (await PublishAsync(buyer, "costConsulting", "bid", 50_000m, now)).GetProperty("id").GetString()!;
        await Http.Problem(await (await app.SignedIn("agency15")).PostAsJsonAsync($"/api/v1/purchases/{id}/bid", new { price = 60_000m }), HttpStatusCode.BadRequest);
        await Http.Json(await (await app.SignedIn("agency15")).PostAsJsonAsync($"/api/v1/purchases/{id}/bid", new { price = 42_000m }));
        clock.Advance(TimeSpan.FromMinutes(5));
        await Http.Json(await (await app.SignedIn("agency16")).PostAsJsonAsync($"/api/v1/purchases/{id}/bid", new { price = 39_000m }));
        clock.Advance(TimeSpan.FromMinutes(5));
        await Http.Json(await (await app.SignedIn("agency17")).PostAsJsonAsync($"/api/v1/purchases/{id}/bid", new { price = 39_000m }));
        await Http.Problem(await (await app.SignedIn("agency15")).PostAsync($"/api/v1/purchases/{id}/sign-up", null), HttpStatusCode.Conflict, "purchase:bid-needed");
        var sealedBids = await Http.Json(await app.Anonymous().GetAsync($"/api/v1/purchases/{id}"));
        Assert.Equal(0, sealedBids.GetProperty("signUps").GetArrayLength());

        var closed = await Http.Json(await buyer.PostAsync($"/api/v1/purchases/{id}/close", null));
        Assert.Equal("惠民县恒信造价咨询有限公司", closed.GetProperty("winnerName").GetString()); // 39,000, the earlier of the two equal bids
        Assert.Equal(39_000m, closed.GetProperty("winningPrice").GetDecimal());
        var winner = closed.GetProperty("winnerId").GetString()!;

        // 公示: no contract before it ends; an objection holds it even after.
        await Http.Problem(await buyer.PostAsJsonAsync($"/api/v1/purchases/{id}/contract", new { amount = 39_000m }), HttpStatusCode.Conflict, "purchase:in-publicity");
        var objected = await Http.Json(await (await app.SignedIn("agency15")).PostAsJsonAsync($"/api/v1/purchases/{id}/objection", new { reason = "中选机构报价低于成本，可能影响服务质量" }));
        Assert.Equal("held", objected.GetProperty("status").GetString());
        clock.Advance(TimeSpan.FromDays(7));
        buyer = await app.SignedIn("buyer.huimin"); // a week later: a new sign-in
        var held = await Http.Problem(await buyer.PostAsJsonAsync($"/api/v1/purchases/{id}/contract", new { amount = 39_000m }), HttpStatusCode.Conflict, "purchase:held");
        Assert.Contains("异议", held.GetProperty("title").GetString());
        await Http.Json(await buyer.PostAsJsonAsync($"/api/v1/purchases/{id}/objection/answer", new { upheld = false, reply = "报价经核实不低于成本，异议不成立" }));
        var contracted = await Http.Json(await buyer.PostAsJsonAsync($"/api/v1/purchases/{id}/contract", new { amount = 39_000m }));
        Assert.Equal("contracted", contracted.GetProperty("status").GetString());

        // Delivered by the winner, accepted and rated by the buyer: the public record's score moves.
        await Http.Problem(await (await app.SignedIn("agency15")).PostAsJsonAsync($"/api/v1/purchases/{id}/deliver", new { note = "造价咨询报告" }), HttpStatusCode.Forbidden);
        await Http.Json(await (await app.SignedIn("agency16")).PostAsJsonAsync($"/api/v1/purchases/{id}/deliver", new { note = "造价咨询报告一份" }));
        await Http.Json(await buyer.PostAsync($"/api/v1/purchases/{id}/accept", null));
        var before = await Http.Json(await app.Anonymous().GetAsync($"/api/v1/intermediaries/{winner}"));
        Assert.Equal(0, before.GetProperty("ratingCount").GetInt32());
        await Http.Json(await buyer.PostAsJsonAsync($"/api/v1/purchases/{id}/rate", new { onTime = 5, quality = 5, price = 4, comment = "按期完成" }));
        var after = await Http.Json(await app.Anonymous().GetAsync($"/api/v1/intermediaries/{winner}"));
        Assert.Equal(1, after.GetProperty("ratingCount").GetInt32());
        Assert.Equal(4.67m, after.GetProperty("score").GetDecimal());

        // The report counts it: by method, the saving against budget, on time.
        var report = await Http.Json(await app.Anonymous().GetAsync("/api/v1/purchases/report?from=2026-03-01&to=2026-03-31"));
        Assert.Equal(1, report.GetProperty("byMethod").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "bid").GetProperty("contracted").GetInt32());
        Assert.Equal(0.22m, report.GetProperty("averageSavingsRate").GetDecimal());
        Assert.Equal(1m, report.GetProperty("onTimeShare").GetDecimal());
    }
}

public sealed class MarketplaceTestsOnSqlite(SqliteFixture fixture) : MarketplaceTests(fixture), IClassFixture<SqliteFixture>;

public sealed class MarketplaceTestsOnPostgres(PostgresFixture fixture) : MarketplaceTests(fixture), IClassFixture<PostgresFixture>;
