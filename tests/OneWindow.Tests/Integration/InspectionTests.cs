namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 24 (ADR 0025), 远程勘验: an inspection of an ordinary case stops its clock, records the session, the recording, the applicant's
/// live location and timestamped photos, and issues a report sealed with the department's e-seal whose QR code verifies like a
/// licence — and fails when one character is changed.
/// </summary>
public abstract class InspectionTests(AppFixture fixture)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static async Task<JsonElement> WithVersionAsync(HttpClient client, string url, object body, HttpStatusCode expect = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return expect == HttpStatusCode.OK ? await Http.Json(response) : await Http.Problem(response, expect);
    }

    [Fact]
    public async Task A_remote_inspection_report_is_sealed_its_qr_verifies_and_a_one_character_change_fails()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, China));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var enterprise = await app.SignedIn("enterprise");
        var caseId = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        await Applications.ActAsync(await app.SignedIn("clerk"), caseId, "accept");
        var reviewer = await app.SignedIn("reviewer.scj");

        // Only the case's department arranges it; a remote one needs a https session link.
        var site = new { caseId, mode = "remote", siteAddress = "滨州市滨城区黄河五路 597 号 中央厨房", lat = 37.4320, lng = 118.0200, videoLink = "https://meet.example.cn/ky-0302" };
        await Http.Problem(await (await app.SignedIn("reviewer.zjj")).PostAsJsonAsync("/api/v1/inspections", site), HttpStatusCode.Forbidden);
        var badLink = await Http.Problem(await reviewer.PostAsJsonAsync("/api/v1/inspections", site with { videoLink = "ftp://x" }), HttpStatusCode.BadRequest);
        Assert.True(badLink.GetProperty("errors").TryGetProperty("videoLink", out _));
        var opened = await Http.Json(await reviewer.PostAsJsonAsync("/api/v1/inspections", site));
        var id = opened.GetProperty("id").GetString()!;
        Assert.Equal("remote", opened.GetProperty("mode").GetString());
        var km = opened.GetProperty("distanceSavedKm").GetDouble();
        Assert.InRange(km, 8, 20); // the city hall to 滨城区 and back
        var points = opened.GetProperty("checklistPoints").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains("经营场所与申请材料一致", points);
        var paused = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{caseId}"));
        Assert.Equal("远程勘验", paused.GetProperty("procedures").EnumerateArray().Last().GetProperty("kind").GetString());
        await Http.Problem(await (await app.SignedIn("reviewer.zjj")).GetAsync($"/api/v1/inspections/{id}"), HttpStatusCode.NotFound);

        // Not concluded before the session is on record.
        var checklist = points.Select(p => new { point = p, ok = true, note = "符合" }).ToArray();
        await WithVersionAsync(reviewer, $"/api/v1/inspections/{id}/conclude", new { conclusion = "passed", findings = "经远程视频勘验，现场与申请一致", checklist }, HttpStatusCode.Conflict);

        // The officer uploads the recording and a photo; the applicant's phone reports where it is; the applicant cannot add photos.
        var recording = await Applications.UploadAsync(reviewer, "录像.pdf");
        var photo = await Applications.UploadAsync(reviewer, "照片.pdf");
        await Http.Json(await reviewer.PostAsJsonAsync($"/api/v1/inspections/{id}/evidence", new
        {
            recordingFileId = recording, photos = new[] { new { fileId = photo, takenAt = clock.GetUtcNow(), lat = 37.4321, lng = 118.0201, caption = "后厨操作间" } },
        }));
        await Http.Problem(await enterprise.PostAsJsonAsync($"/api/v1/inspections/{id}/evidence", new { photos = new[] { new { fileId = photo, takenAt = clock.GetUtcNow(), lat = 37.4, lng = 118.0 } } }),
            HttpStatusCode.Forbidden);
        await Http.Json(await enterprise.PostAsJsonAsync($"/api/v1/inspections/{id}/evidence", new { location = new { lat = 37.43205, lng = 118.02003 } }));

        // The checklist is answered point by point; then the report is sealed and the case's clock resumes.
        var wrong = await WithVersionAsync(reviewer, $"/api/v1/inspections/{id}/conclude", new { conclusion = "passed", findings = "现场与申请一致", checklist = checklist.Take(1).ToArray() },
            HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("checklist", out _));
        var concluded = await WithVersionAsync(reviewer, $"/api/v1/inspections/{id}/conclude", new { conclusion = "passed", findings = "经远程视频勘验，现场布局、设施与申请一致", checklist });
        Assert.Matches("^KY20260302[0-9]{4}$", concluded.GetProperty("reportNumber").GetString());
        var resumed = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{caseId}"));
        Assert.Contains("符合要求", resumed.GetProperty("procedures").EnumerateArray().Last().GetProperty("conclusion").GetString());

        // The PDF's QR code opens /verify with the sealed string; the verifier says what it is and who sealed it.
        var folder = Directory.CreateTempSubdirectory("inspection").FullName;
        var pdf = Path.Combine(folder, "report.pdf");
        await File.WriteAllBytesAsync(pdf, await (await enterprise.GetAsync($"/api/v1/inspections/{id}/report.pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("远程勘验报告", Tools.Run("pdftotext", pdf, "-"));
        Tools.Run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, Path.Combine(folder, "page"));
        var link = Tools.ReadQr(Path.Combine(folder, "page.png"));
        Assert.Contains("/verify?payload=", link);
        var payload = Uri.UnescapeDataString(link[(link.IndexOf("payload=", StringComparison.Ordinal) + 8)..]);
        var verified = await Http.Json(await app.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload }));
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("inspectionReport", verified.GetProperty("kind").GetString());
        Assert.Equal("滨州市市场监督管理局", verified.GetProperty("document").GetProperty("issuerName").GetString());
        Assert.Equal(concluded.GetProperty("reportNumber").GetString(), verified.GetProperty("document").GetProperty("documentNumber").GetString());
        var page = await (await app.Anonymous().GetAsync($"/verify?payload={Uri.EscapeDataString(payload)}")).Content.ReadAsStringAsync();
        Assert.Contains("远程勘验报告", page);
        Assert.Contains("盖章机关", page);

        // One character changed: the seal no longer holds.
        var i = payload.Length / 2;
        var altered = payload[..i] + (payload[i] == 'A' ? 'B' : 'A') + payload[(i + 1)..];
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload = altered });
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var refused = await Http.Json(response);
            Assert.False(refused.GetProperty("valid").GetBoolean());
            Assert.Equal("invalid", refused.GetProperty("status").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // The travel saved is summed.
        var saved = await Http.Json(await reviewer.GetAsync("/api/v1/inspections/distance-saved?from=2026-03-01&to=2026-03-31"));
        Assert.Equal(1, saved.GetProperty("remote").GetInt32());
        Assert.Equal(km, saved.GetProperty("kmSaved").GetDouble());
    }
}

public sealed class InspectionTestsOnSqlite(SqliteFixture fixture) : InspectionTests(fixture), IClassFixture<SqliteFixture>;

public sealed class InspectionTestsOnPostgres(PostgresFixture fixture) : InspectionTests(fixture), IClassFixture<PostgresFixture>;
