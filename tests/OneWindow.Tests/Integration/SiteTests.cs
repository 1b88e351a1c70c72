namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 25 (ADR 0026), 百事通: the service and partner sites answer by item, by "open now" (Beijing time and the working calendar) and
/// by distance from a point or a place named by its address; a centre shows its hall's live queue; administrators keep the list.
/// </summary>
public abstract class SiteTests(AppFixture fixture)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static List<string> Names(JsonElement page) => [.. Items(page).Select(s => s.GetProperty("name").GetString()!)];

    [Fact]
    public async Task Sites_are_found_by_item_open_now_and_distance_and_an_administrator_keeps_them()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China)); // a Monday morning
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var anyone = app.Anonymous();
        var all = await Http.Json(await anyone.GetAsync("/api/v1/sites"));
        Assert.True(all.GetProperty("total").GetInt32() >= 20);
        Assert.Contains(Items(all), s => s.GetProperty("kind").GetString() == "townshipCentre");
        Assert.Contains(Items(all), s => s.GetProperty("kind").GetString() == "bank");

        // By item: the three centres implementing 个体工商户设立登记 and the partner sites handling it, not the hospitals.
        var business = Names(await Http.Json(await anyone.GetAsync("/api/v1/sites?item=XK-SCJ-004-371621")));
        Assert.Contains("滨州市市民服务中心", business);
        Assert.Contains("滨城区政务服务中心", business);
        Assert.Contains("惠民县政务服务中心", business);
        Assert.Contains("中国建设银行滨州分行营业部（政务服务专区）", business);
        Assert.DoesNotContain("滨州医学院附属医院（医保服务站）", business);

        // Open now: Monday 10:00 the centre is open; Sunday 10:00 it is not, the mall and the 24-hour area are.
        Assert.Contains("滨州市市民服务中心", Names(await Http.Json(await anyone.GetAsync("/api/v1/sites?openNow=true"))));
        clock.Advance(TimeSpan.FromDays(6));
        var sunday = Names(await Http.Json(await anyone.GetAsync("/api/v1/sites?openNow=true")));
        Assert.DoesNotContain("滨州市市民服务中心", sunday);
        Assert.Contains("万达广场政务服务驿站", sunday);
        Assert.Contains("滨州市市民服务中心 24 小时政务服务区", sunday);

        // Nearest: from 滨城区's centre's coordinates, or from words of its address.
        var near = Items(await Http.Json(await anyone.GetAsync("/api/v1/sites?near=37.4320,118.0200")));
        Assert.Equal("滨城区政务服务中心", near[0].GetProperty("name").GetString());
        Assert.Equal(0, near[0].GetProperty("distanceKm").GetDouble());
        Assert.True(near[1].GetProperty("distanceKm").GetDouble() >= near[0].GetProperty("distanceKm").GetDouble());
        Assert.Equal("滨城区政务服务中心", Items(await Http.Json(await anyone.GetAsync($"/api/v1/sites?near={Uri.EscapeDataString("黄河八路")}")))[0].GetProperty("name").GetString());
        await Http.Problem(await anyone.GetAsync($"/api/v1/sites?near={Uri.EscapeDataString("火星基地")}"), HttpStatusCode.BadRequest);

        // A centre with a hall shows its live queue; its page lists hours and items.
        var centre = Items(all).First(s => s.GetProperty("name").GetString() == "滨州市市民服务中心");
        var detail = await Http.Json(await anyone.GetAsync($"/api/v1/sites/{centre.GetProperty("id").GetString()}"));
        Assert.Equal(JsonValueKind.Number, detail.GetProperty("waiting").ValueKind);
        Assert.Equal("09:00-12:00,13:00-17:00", detail.GetProperty("hours").GetProperty("1").GetString());
        var page = await (await anyone.GetAsync($"/sites/{centre.GetProperty("id").GetString()}")).Content.ReadAsStringAsync();
        Assert.Contains("个体工商户设立登记", page);
        Assert.Contains("星期一", page);

        // Administrators keep the directory; a bad hours entry is refused by field.
        var site = new
        {
            kind = "telecom", name = "中国联通惠民营业厅", regionCode = "371621", address = "惠民县武定府路 88 号", lat = 37.49, lng = 117.51, phone = "0543-5321000",
            hours = new Dictionary<string, string> { ["1"] = "09:00-18:00", ["6"] = "9点到5点" }, items = new[] { "GG-YBJ-001-371621" }, terminals = 1,
        };
        await Http.Problem(await anyone.PostAsJsonAsync("/api/v1/sites", site), HttpStatusCode.Unauthorized);
        var admin = await app.SignedIn("admin");
        var bad = await Http.Problem(await admin.PostAsJsonAsync("/api/v1/sites", site), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("hours.6", out _));
        var made = await Http.Json(await admin.PostAsJsonAsync("/api/v1/sites", site with { hours = new Dictionary<string, string> { ["1"] = "09:00-18:00", ["6"] = "09:00-17:00" } }));
        Assert.Equal(["GG-YBJ-001"], made.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Contains("中国联通惠民营业厅", Names(await Http.Json(await anyone.GetAsync("/api/v1/sites?item=GG-YBJ-001&pageSize=200"))));
    }
}

public sealed class SiteTestsOnSqlite(SqliteFixture fixture) : SiteTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SiteTestsOnPostgres(PostgresFixture fixture) : SiteTests(fixture), IClassFixture<PostgresFixture>;
