namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 25 (ADR 0026), items per level: a county implements a city item with its own department and officers; the county's hall
/// accepts it and a county officer decides it; the city's counter and officers have no part in it.
/// </summary>
public abstract class ReachTests(AppFixture fixture)
{
    [Fact]
    public async Task A_county_item_is_accepted_at_the_county_hall_and_decided_by_a_county_officer()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database);
        var item = await Http.Json(await app.Anonymous().GetAsync("/api/v1/items/XK-SCJ-004-371602"));
        Assert.Equal("371602", item.GetProperty("region").GetString());
        Assert.Equal("371602-SCJ", item.GetProperty("department").GetString());
        Assert.Equal("个体工商户设立登记", item.GetProperty("name").GetString());
        Assert.Equal("XK-SCJ-004", item.GetProperty("basicCode").GetString());
        var where = item.GetProperty("implementations").EnumerateArray().Select(i => i.GetProperty("region").GetString()).ToList();
        Assert.Equal(["371600", "371602", "371621"], where); // the guide's 在哪里办
        var township = await Http.Json(await app.Anonymous().GetAsync("/api/v1/items/GG-RSJ-002-371602001"));
        Assert.Equal("371602001-BMZX", township.GetProperty("department").GetString());
        Assert.Equal("滨城区市中街道便民服务中心", township.GetProperty("departmentName").GetString());

        // 李明 (滨城区) applies online for 滨城区's implementation.
        var citizen = await app.SignedIn("citizen");
        var file = await Applications.UploadAsync(citizen);
        var id = await Applications.SubmitAsync(citizen, new
        {
            itemCode = "XK-SCJ-004-371602",
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = await Applications.FormAsync(app, "XK-SCJ-004-371602", file),
            materials = (await Applications.MaterialCodesAsync(citizen, "XK-SCJ-004-371602")).Select(c => new { materialCode = c, fileId = file }).ToArray(),
        });

        // The city's counter cannot take it; 滨城区's can. The city's officers cannot decide it; 滨城区 市场监管局's approver does.
        var cityClerk = await (await app.SignedIn("clerk")).PostAsync($"/api/v1/cases/{id}/accept", null);
        Assert.True(cityClerk.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"the city's clerk got {(int)cityClerk.StatusCode}");
        var accepted = await Applications.ActAsync(await app.SignedIn("clerk.bincheng"), id, "accept");
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("371602-SCJ", accepted.GetProperty("department").GetString());
        var cityApprover = await (await app.SignedIn("approver.scj")).PostAsJsonAsync($"/api/v1/cases/{id}/approve", new { opinion = "准予" });
        Assert.True(cityApprover.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"the city's approver got {(int)cityApprover.StatusCode}");
        var granted = await Applications.ActAsync(await app.SignedIn("approver.bincheng.scj"), id, "approve", new { opinion = "符合条件，准予登记" });
        Assert.Equal("approved", granted.GetProperty("status").GetString());
        var done = await Applications.ActAsync(await app.SignedIn("clerk.bincheng"), id, "complete", new { delivery = "counter" });
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Contains(done.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("actor").GetString() == "鲍审批（滨城市场监管）");
    }

    [Fact]
    public async Task A_county_item_is_accepted_at_another_countys_counter_under_an_agreement_and_one_outside_any_agreement_is_refused()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database);
        var clerk = await app.SignedIn("clerk.bincheng");
        var file = await Applications.UploadAsync(clerk);
        async Task<HttpResponseMessage> SubmitAsync(string item, string region) => await clerk.PostAsJsonAsync("/api/v1/cases", new
        {
            itemCode = item, acceptingRegion = region,
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = await Applications.FormAsync(app, item, file),
            materials = (await Applications.MaterialCodesAsync(clerk, item)).Select(c => new { materialCode = c, fileId = file }).ToArray(),
        });

        // 惠民县's 个体工商户设立登记 at 滨城区's counter (滨城区—惠民县 跨县通办): 滨城区 accepts, 惠民县 decides, 滨城区 hands out.
        var created = await Http.Json(await SubmitAsync("XK-SCJ-004-371621", "371602"), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var accepted = await Applications.ActAsync(clerk, id, "accept");
        Assert.Equal("371602", accepted.GetProperty("acceptingRegion").GetString());
        Assert.Equal("371621-SCJ", accepted.GetProperty("department").GetString());
        var forHuimin = await Http.Json(await (await app.SignedIn("clerk.huimin")).GetAsync("/api/v1/cases?pageSize=100"));
        Assert.Contains(forHuimin.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        await Applications.ActAsync(await app.SignedIn("approver.huimin.scj"), id, "approve", new { opinion = "准予登记" });
        var done = await Applications.ActAsync(clerk, id, "complete", new { delivery = "counter" });
        Assert.Equal("completed", done.GetProperty("status").GetString());

        // The city's 不动产首次登记 is in no agreement with 滨城区: refused, naming why; a counter cannot accept for another region.
        var refused = await Http.Problem(await SubmitAsync("QR-ZRJ-001", "371602"), HttpStatusCode.UnprocessableEntity, "case:no-agreement");
        Assert.Contains("跨域通办协议", refused.GetProperty("title").GetString());
        var wrong = await Http.Problem(await SubmitAsync("XK-SCJ-004-371621", "371600"), HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("acceptingRegion", out _));

        // The agreements are public: within the city, and with 沧州市 (河北省) for five items.
        var agreements = (await Http.Json(await app.Anonymous().GetAsync("/api/v1/agreements"))).EnumerateArray().ToList();
        var crossProvince = agreements.Single(a => a.GetProperty("scope").GetString() == "other");
        Assert.Equal("130900", crossProvince.GetProperty("regionB").GetString());
        Assert.Equal(5, crossProvince.GetProperty("itemCodes").GetArrayLength());
    }
}

public sealed class ReachTestsOnSqlite(SqliteFixture fixture) : ReachTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ReachTestsOnPostgres(PostgresFixture fixture) : ReachTests(fixture), IClassFixture<PostgresFixture>;
