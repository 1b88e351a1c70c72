namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 24 (ADR 0025), 政邮商: a case completed by post yields a shipment with a waybill whose barcode scans to its number; the
/// carrier's staff record the trail the applicant follows; the month's settlement sums the fees by band less the quality deductions;
/// a 上门办 pickup leads to a case taken at the 政邮商 window with the pickup linked.
/// </summary>
public abstract class DeliveryTests(AppFixture fixture)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly string[] Settled = ["county", "city", "beyond"];

    private static async Task<string> MarriageAsync(TestApp app, HttpClient citizen, string file) =>
        await Applications.SubmitAsync(citizen, new
        {
            itemCode = "QR-MZJ-001",
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = await Applications.FormAsync(app, "QR-MZJ-001", file),
            materials = (await Applications.MaterialCodesAsync(citizen, "QR-MZJ-001")).Select(c => new { materialCode = c, fileId = file }).ToArray(),
        });

    private static async Task<JsonElement> ShipmentOfAsync(HttpClient client, string caseId)
    {
        JsonElement found = default;
        await Http.Eventually(async () =>
        {
            var page = await Http.Json(await client.GetAsync($"/api/v1/shipments?case={caseId}"));
            found = page.GetProperty("items").EnumerateArray().FirstOrDefault();
            return found.ValueKind == JsonValueKind.Object;
        }, "completing the case by post should create its shipment");
        return found;
    }

    private static async Task<JsonElement> ScanAsync(HttpClient postal, string shipment, string status, string place = "滨州邮区中心") =>
        await Http.Json(await postal.PostAsJsonAsync($"/api/v1/shipments/{shipment}/scan", new { status, place }));

    [Fact]
    public async Task A_case_completed_by_post_yields_a_scannable_waybill_the_carrier_records_the_trail_and_the_month_settles_by_band()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var citizen = await app.SignedIn("citizen");
        var clerk = await app.SignedIn("clerk");
        var postal = await app.SignedIn("postal");
        var file = await Applications.UploadAsync(citizen);

        // A wrong address is refused by field, and nothing is decided.
        var first = await MarriageAsync(app, citizen, file);
        var wrong = await Applications.ActAsync(clerk, first, "decide-at-counter",
            new { delivery = "post", address = new { recipient = "李明", mobile = "13805431234", regionCode = "371699", line = "黄河五路 597 号" } }, HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("address.regionCode", out _));
        Assert.Equal("submitted", (await Http.Json(await citizen.GetAsync($"/api/v1/cases/{first}"))).GetProperty("status").GetString());

        // Three results by post: within the hall's county (滨城区), within the city (惠民县), beyond (济南市历下区); one with no address yet.
        var to = new[] { ("371602", "市中街道黄河五路 597 号"), ("371621", "孙武街道乐安大街 8 号"), ("370102", "泉城路 1 号") };
        var cases = new List<string> { first };
        for (var i = 1; i < 4; i++)
        {
            cases.Add(await MarriageAsync(app, citizen, file));
        }

        for (var i = 0; i < 3; i++)
        {
            await Applications.ActAsync(clerk, cases[i], "decide-at-counter",
                new { delivery = "post", address = new { recipient = "李明", mobile = "13805431234", regionCode = to[i].Item1, line = to[i].Item2 } });
        }

        await Applications.ActAsync(clerk, cases[3], "decide-at-counter", new { delivery = "post" });
        var shipments = new List<JsonElement>();
        foreach (var c in cases)
        {
            shipments.Add(await ShipmentOfAsync(citizen, c));
        }

        Assert.Equal(["county", "city", "beyond"], shipments.Take(3).Select(s => s.GetProperty("band").GetString()));
        Assert.Equal([12m, 16m, 20m], shipments.Take(3).Select(s => s.GetProperty("fee").GetDecimal()));
        Assert.Contains("滨城区", shipments[0].GetProperty("addressLine").GetString());
        Assert.Equal("awaitingPickup", shipments[0].GetProperty("status").GetString());
        Assert.Equal("addressNeeded", shipments[3].GetProperty("status").GetString());
        Assert.Contains(shipments[0].GetProperty("items").EnumerateArray(), i => i.GetString()!.Contains("决定书", StringComparison.Ordinal));

        // The waybill PDF's barcode scans (zbarimg) to the waybill number.
        var waybill = shipments[0].GetProperty("waybillNumber").GetString()!;
        Assert.Matches("^EA[0-9]{9}CN$", waybill);
        var folder = Directory.CreateTempSubdirectory("waybill").FullName;
        var pdf = Path.Combine(folder, "waybill.pdf");
        var response = await postal.GetAsync($"/api/v1/shipments/{shipments[0].GetProperty("id").GetString()}/waybill.pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        Tools.Run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, Path.Combine(folder, "page"));
        Assert.Equal(waybill, Tools.Run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Scode128.enable", Path.Combine(folder, "page.png")).Trim());
        Assert.Contains("李明", Tools.Run("pdftotext", pdf, "-"));

        // Only the carrier's staff record scans; they confirm the missing address by phone first.
        var ids = shipments.Select(s => s.GetProperty("id").GetString()!).ToList();
        await Http.Problem(await clerk.PostAsJsonAsync($"/api/v1/shipments/{ids[0]}/scan", new { status = "pickedUp", place = "窗口" }), HttpStatusCode.Forbidden);
        await Http.Problem(await postal.PostAsJsonAsync($"/api/v1/shipments/{ids[3]}/scan", new { status = "pickedUp", place = "政邮商窗口" }), HttpStatusCode.Conflict, "shipment:no-address");
        var addressed = await Http.Json(await postal.PostAsJsonAsync($"/api/v1/shipments/{ids[3]}/address",
            new { recipient = "李明", mobile = "13805431234", regionCode = "371602", line = "渤海七路 9 号" }));
        Assert.Equal("awaitingPickup", addressed.GetProperty("status").GetString());
        await Http.Problem(await postal.PostAsJsonAsync($"/api/v1/shipments/{ids[0]}/scan", new { status = "delivered", place = "收件人家中" }), HttpStatusCode.Conflict, "shipment:bad-step");

        // Monday: all three picked up; Tuesday the county piece is signed for in time; Friday the city piece (due Wednesday) late, the far one lost.
        foreach (var id in ids.Take(3))
        {
            await ScanAsync(postal, id, "pickedUp", "滨州市政务服务中心政邮商窗口");
        }

        await ScanAsync(postal, ids[1], "inTransit");
        clock.Advance(TimeSpan.FromDays(1));
        postal = await app.SignedIn("postal");
        await ScanAsync(postal, ids[0], "delivered", "滨城区市中街道");
        clock.Advance(TimeSpan.FromDays(3));
        (postal, citizen, clerk) = (await app.SignedIn("postal"), await app.SignedIn("citizen"), await app.SignedIn("clerk"));
        await ScanAsync(postal, ids[1], "delivered", "惠民县孙武街道");
        await ScanAsync(postal, ids[2], "lost", "济南邮区中心");
        await Http.Problem(await postal.PostAsJsonAsync($"/api/v1/shipments/{ids[0]}/scan", new { status = "returned", place = "滨城区" }), HttpStatusCode.Conflict, "shipment:finished");

        // The applicant sees the trail; another citizen does not see the piece at all.
        var mine = await Http.Json(await citizen.GetAsync($"/api/v1/shipments/{ids[0]}"));
        Assert.Equal(["已揽收", "已签收"], mine.GetProperty("trail").EnumerateArray().Select(t => t.GetProperty("statusLabel").GetString()));
        Assert.Equal("13805431234", mine.GetProperty("mobile").GetString());
        await Http.Problem(await (await app.SignedIn("citizen2")).GetAsync($"/api/v1/shipments/{ids[0]}"), HttpStatusCode.NotFound);

        // The month's settlement: ¥12 in time, ¥16 less 20% for lateness, ¥20 lost and not paid.
        var settlement = await Http.Json(await (await app.SignedIn("supervisor")).GetAsync("/api/v1/settlements/2026-03?carrier=ems"));
        var bands = settlement.GetProperty("bands").EnumerateArray().ToDictionary(b => b.GetProperty("band").GetString()!);
        Assert.Equal(Settled, bands.Keys);
        Assert.Equal(12m, bands["county"].GetProperty("net").GetDecimal());
        Assert.Equal(1, bands["city"].GetProperty("late").GetInt32());
        Assert.Equal(12.8m, bands["city"].GetProperty("net").GetDecimal());
        Assert.Equal(1, bands["beyond"].GetProperty("lost").GetInt32());
        Assert.Equal(0m, bands["beyond"].GetProperty("net").GetDecimal());
        Assert.Equal(3, settlement.GetProperty("pieces").GetInt32());
        Assert.Equal(48m, settlement.GetProperty("gross").GetDecimal());
        Assert.Equal(24.8m, settlement.GetProperty("net").GetDecimal());
        var xlsx = await postal.GetAsync("/api/v1/settlements/2026-03?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var printed = await postal.GetAsync("/api/v1/settlements/2026-03?format=pdf");
        await File.WriteAllBytesAsync(Path.Combine(folder, "settlement.pdf"), await printed.Content.ReadAsByteArrayAsync());
        Assert.Contains("24.80", Tools.Run("pdftotext", Path.Combine(folder, "settlement.pdf"), "-"));
        await Http.Problem(await clerk.GetAsync("/api/v1/settlements/2026-03"), HttpStatusCode.Forbidden);
        await Http.Problem(await postal.GetAsync("/api/v1/settlements/2026-13"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_doorstep_pickup_leads_to_a_case_accepted_at_the_postal_window_with_the_pickup_linked()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database);
        var citizen = await app.SignedIn("citizen");
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd");
        var bad = await Http.Problem(await citizen.PostAsJsonAsync("/api/v1/pickups", new { itemCode = "XK-SCJ-004", mobile = "13805431234", regionCode = "371602", line = "黄河五路 597 号", day, slot = "noon" }),
            HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("slot", out _));
        var booked = await Http.Json(await citizen.PostAsJsonAsync("/api/v1/pickups",
            new { itemCode = "XK-SCJ-004", mobile = "13805431234", regionCode = "371602", line = "黄河五路 597 号", day, slot = "am", note = "下午三点前在家" }));
        var id = booked.GetProperty("id").GetString()!;
        Assert.Equal("portal", booked.GetProperty("bookedVia").GetString());
        var materials = booked.GetProperty("materials").EnumerateObject().Select(m => m.Name).ToList();
        Assert.NotEmpty(materials); // the agent's 一次性告知 list
        await Http.Problem(await (await app.SignedIn("citizen2")).GetAsync($"/api/v1/pickups/{id}"), HttpStatusCode.NotFound);

        // The agent takes it, checks every material at the door, and hands them in at the 政邮商 window.
        var postal = await app.SignedIn("postal");
        await Http.Problem(await citizen.PostAsync($"/api/v1/pickups/{id}/take", null), HttpStatusCode.Forbidden);
        await Http.Json(await postal.PostAsync($"/api/v1/pickups/{id}/take", null));
        var incomplete = await Http.Problem(await postal.PostAsJsonAsync($"/api/v1/pickups/{id}/collect", new { checks = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        Assert.Contains("checks", incomplete.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var collected = await Http.Json(await postal.PostAsJsonAsync($"/api/v1/pickups/{id}/collect",
            new { checks = materials.Select(m => new { materialCode = m, present = true, note = (string?)null }).ToArray() }));
        Assert.Equal("collected", collected.GetProperty("status").GetString());

        // Not yet at the window: the clerk cannot take a case from it.
        var clerk = await app.SignedIn("clerk");
        var file = await Applications.UploadAsync(clerk);
        object Application(string channel) => new
        {
            itemCode = "XK-SCJ-004", channel, pickup = id,
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = new Dictionary<string, object> { ["applicantName"] = "李明", ["residentId"] = "371602199003151236", ["mobile"] = "13805431234", ["address"] = "滨州市滨城区黄河五路 597 号" },
            materials = new[] { new { materialCode = "application", fileId = file }, new { materialCode = "premises", fileId = file } },
        };
        var early = await Http.Problem(await clerk.PostAsJsonAsync("/api/v1/cases", Application("postal")), HttpStatusCode.BadRequest);
        Assert.Contains("尚未交到窗口", early.GetProperty("errors").GetProperty("pickup")[0].GetString());
        await Http.Json(await postal.PostAsync($"/api/v1/pickups/{id}/hand-in", null));
        await Http.Problem(await clerk.PostAsJsonAsync("/api/v1/cases", Application("counter")), HttpStatusCode.BadRequest);

        // At the window: taken with channel 政邮商, accepted, and the pickup shows the case.
        var caseId = await Applications.SubmitAsync(clerk, Application("postal"));
        var accepted = await Applications.ActAsync(clerk, caseId, "accept");
        Assert.Equal("postal", accepted.GetProperty("channel").GetString());
        JsonElement pickup = default;
        await Http.Eventually(async () =>
        {
            pickup = await Http.Json(await citizen.GetAsync($"/api/v1/pickups/{id}"));
            return pickup.GetProperty("status").GetString() == "accepted";
        }, "the accepted case should link back to the pickup");
        Assert.Equal(accepted.GetProperty("number").GetString(), pickup.GetProperty("caseNumber").GetString());
        await Http.Problem(await clerk.PostAsJsonAsync("/api/v1/cases", Application("postal")), HttpStatusCode.BadRequest);
    }
}

public sealed class DeliveryTestsOnSqlite(SqliteFixture fixture) : DeliveryTests(fixture), IClassFixture<SqliteFixture>;

public sealed class DeliveryTestsOnPostgres(PostgresFixture fixture) : DeliveryTests(fixture), IClassFixture<PostgresFixture>;
