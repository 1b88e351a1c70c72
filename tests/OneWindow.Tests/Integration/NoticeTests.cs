namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 20: the written notices the law requires (行政许可法 §32, §38, §40), issued at the step, sealed with the
/// department's e-seal, printable and downloadable, their QR checked on /verify like a licence's.
/// </summary>
public abstract class NoticeTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static async Task<JsonElement> NoticeAsync(HttpClient client, string caseId, string kind)
    {
        JsonElement found = default;
        await Http.Eventually(async () =>
        {
            var list = await Http.Json(await client.GetAsync($"/api/v1/cases/{caseId}/notices"));
            var match = list.EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind).ToList();
            if (match.Count > 0)
            {
                found = match[^1];
            }

            return match.Count > 0;
        }, $"no {kind} notice was issued");
        return found;
    }

    /// <summary>The PDF's text (pdftotext) and the link its QR code carries (rendered with pdftoppm, read with zbarimg).</summary>
    private static async Task<(string Text, string Link)> ReadAsync(HttpClient client, JsonElement notice)
    {
        var response = await client.GetAsync(notice.GetProperty("pdfUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var folder = Directory.CreateTempSubdirectory("onewindow-notice-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "notice.pdf");
            await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
            // Lines are joined: the PDF wraps paragraphs wherever the width runs out, dates included.
            var text = Tools.Run("pdftotext", "-enc", "UTF-8", pdf, "-").Replace("\n", "", StringComparison.Ordinal);
            Tools.Run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, Path.Combine(folder, "page"));
            return (text, Tools.ReadQr(Path.Combine(folder, "page.png")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string PayloadOf(string link)
    {
        var uri = new Uri(link);
        Assert.Equal("/verify", uri.AbsolutePath);
        return Uri.UnescapeDataString(uri.Query["?payload=".Length..]);
    }

    [Fact]
    public async Task Accepting_a_case_issues_a_sealed_acceptance_notice_whose_qr_verifies()
    {
        var citizen = await App.SignedIn("citizen");
        var id = await Applications.SubmitBusinessRegistrationAsync(citizen);
        var accepted = await Applications.ActAsync(await App.SignedIn("clerk"), id, "accept");
        var number = accepted.GetProperty("number").GetString()!;
        var due = DateOnly.Parse(accepted.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        // The applicant downloads it; the text carries the case number, the dates and the law's wording.
        var notice = await NoticeAsync(citizen, id, "acceptance");
        Assert.Equal("受理通知书", notice.GetProperty("title").GetString());
        var (text, link) = await ReadAsync(citizen, notice);
        Assert.Contains("受理通知书", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("个体工商户设立登记", text, StringComparison.Ordinal);
        Assert.Contains("第三十二条", text, StringComparison.Ordinal);
        Assert.Contains($"{due:yyyy年M月d日}前", text, StringComparison.Ordinal);
        Assert.Contains("滨州市市场监督管理局", text, StringComparison.Ordinal);
        Assert.DoesNotContain("371602199003151236", text, StringComparison.Ordinal);

        // Its QR opens /verify with the sealed string, which verifies as this notice, anonymously.
        var payload = PayloadOf(link);
        var check = await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/notices/verify", new { payload }));
        Assert.True(check.GetProperty("valid").GetBoolean(), check.ToString());
        Assert.Equal("issued", check.GetProperty("status").GetString());
        Assert.Equal(number, check.GetProperty("facts").GetProperty("caseNumber").GetString());
        Assert.Equal(notice.GetProperty("documentNumber").GetString(), check.GetProperty("facts").GetProperty("documentNumber").GetString());
        var page = await (await App.Anonymous().GetAsync(new Uri(link).PathAndQuery)).Content.ReadAsStringAsync();
        Assert.Contains("文书真实有效", page, StringComparison.Ordinal);
        Assert.Contains(number, page, StringComparison.Ordinal);

        // A changed character breaks the seal; garbage is a field error; someone else's account does not see the notices.
        var tampered = payload[..^3] + (payload[^3] == 'A' ? 'B' : 'A') + payload[^2..];
        var broken = await App.Anonymous().PostAsJsonAsync("/api/v1/notices/verify", new { payload = tampered });
        if (broken.StatusCode == HttpStatusCode.OK)
        {
            Assert.False((await Http.Json(broken)).GetProperty("valid").GetBoolean());
        }
        else
        {
            await Http.Problem(broken, HttpStatusCode.BadRequest); // the change broke the packing itself
        }

        await Http.Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/notices/verify", new { payload = "DN1:???" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.SignedIn("enterprise2")).GetAsync($"/api/v1/cases/{id}/notices")).StatusCode);
    }

    [Fact]
    public async Task A_supplement_request_issues_a_one_time_notice_listing_every_missing_material()
    {
        var enterprise = await App.SignedIn("enterprise");
        var id = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        var reasons = new[] { ("premises", "租赁合同缺少出租方签章"), ("layout", "平面布局图未标注操作间面积") };
        var paused = await Applications.ActAsync(await App.SignedIn("clerk"), id, "request-supplement",
            new { items = reasons.Select(r => new { materialCode = r.Item1, reason = r.Item2 }).ToArray() });
        var number = paused.GetProperty("number").GetString()!;

        var notice = await NoticeAsync(enterprise, id, "supplement");
        var (text, link) = await ReadAsync(await App.SignedIn("clerk"), notice);
        Assert.Contains("一次性告知", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.All(reasons, r => Assert.Contains(r.Item2, text, StringComparison.Ordinal));
        Assert.Contains("补正期间不计入办理时限", text, StringComparison.Ordinal);
        var check = await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/notices/verify", new { payload = PayloadOf(link) }));
        Assert.True(check.GetProperty("valid").GetBoolean(), check.ToString());
    }
}

public sealed class NoticeTestsOnSqlite(SqliteFixture fixture) : NoticeTests(fixture), IClassFixture<SqliteFixture>;

public sealed class NoticeTestsOnPostgres(PostgresFixture fixture) : NoticeTests(fixture), IClassFixture<PostgresFixture>;
