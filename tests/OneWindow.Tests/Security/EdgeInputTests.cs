using System.IO.Compression;
using System.Text;

namespace OneWindow.Tests.Security;

/// <summary>Issue 17, must-show 7: exports do not execute, imports do not explode, edge dates are client errors, never 500.</summary>
public abstract class EdgeInputTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private const string CityHall = "0193a000-0000-7000-8000-000000371600";

    [Theory]
    [InlineData("/api/v1/calendar/due-date?from=9999-12-31&workingDays=5")]
    [InlineData("/api/v1/calendar/due-date?from=0001-01-01&workingDays=5")]
    [InlineData("/api/v1/calendar/due-date?from=2026-02-12&workingDays=2147483647")]
    [InlineData("/api/v1/ratings/summary?from=0001-01-01&to=9999-12-31")]
    [InlineData("/api/v1/ratings/summary?from=9999-12-31&to=0001-01-01")]
    [InlineData("/api/v1/halls/" + CityHall + "/metrics?from=0001-01-01&to=9999-12-31")]
    [InlineData("/api/v1/halls/" + CityHall + "/tickets.csv?from=0001-01-01&to=9999-12-31")]
    [InlineData("/halls/" + CityHall + "/dashboard?from=0001-01-01&to=9999-12-31")]
    [InlineData("/halls/" + CityHall + "/dashboard?from=9999-12-31&to=9999-12-31")]
    public async Task Edge_dates_are_answered_with_a_client_error_or_a_result_never_a_500(string url)
    {
        var admin = App.CreateClient();
        (await admin.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "OneWindow#2026" })).EnsureSuccessStatusCode();
        var response = await admin.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_clean_install_registers_applicants_before_any_administrator_exists()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var clean = new TestApp(database, demo: false);
        await Http.Json(await clean.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "person", userName = "first.citizen", password = "Password123", name = "首位市民", identityCode = People.ResidentId(), mobile = People.Mobile(),
        }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_formula_in_an_applicants_name_is_exported_as_text()
    {
        var clerk = await App.SignedIn("clerk");
        var file = await Applications.UploadAsync(clerk);
        var id = People.ResidentId();
        const string name = "=cmd|' /C calc'!A0";
        await Applications.SubmitAsync(clerk, new
        {
            itemCode = "XK-SCJ-004",
            applicant = new { kind = "person", idNumber = id, name, mobile = People.Mobile() },
            form = new Dictionary<string, object> { ["applicantName"] = "公式", ["residentId"] = id, ["mobile"] = "13805431234", ["address"] = "滨州市滨城区黄河五路 1 号" },
            materials = new[] { new { materialCode = "application", fileId = file }, new { materialCode = "premises", fileId = file } },
        });
        var browser = App.CreateClient();
        (await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "clerk", password = "OneWindow#2026" })).EnsureSuccessStatusCode();
        var csv = await browser.GetStringAsync("/workbench/cases?handler=csv&view=all&q=" + Uri.EscapeDataString("cmd"));
        var line = csv.Split("\r\n").Single(l => l.Contains("cmd|", StringComparison.Ordinal));
        Assert.Contains(",'=cmd|' /C calc'!A0,", line, StringComparison.Ordinal);
        Assert.DoesNotContain(",=cmd", line, StringComparison.Ordinal);
    }

    /// <summary>A 1 MB XLSX whose sheet expands to 1 GB: refused from its zip directory before anything is expanded.</summary>
    private static byte[] XlsxBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[]
                     {
                         ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"""),
                     })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 1024; i++)
            {
                sheet.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(part, "file", name);
        return form;
    }

    [Fact]
    public async Task An_xlsx_bomb_is_refused_quickly_and_a_malformed_xlsx_fails_its_job_with_a_clear_message()
    {
        var admin = await App.SignedIn("admin");
        var bomb = XlsxBomb();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length}");
        var before = GC.GetTotalMemory(forceFullCollection: false);
        var refused = await Http.Problem(await admin.PostAsync("/api/v1/catalog/import", Upload(bomb, "bomb.xlsx")), HttpStatusCode.BadRequest);
        Assert.Contains("解压后", refused.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        await Http.Problem(await admin.PostAsync("/api/v1/catalog/import-jobs", Upload(bomb, "bomb.xlsx")), HttpStatusCode.BadRequest);
        Assert.True(GC.GetTotalMemory(forceFullCollection: false) - before < 200L * 1024 * 1024, "the bomb was expanded in memory");

        // Not even a zip: refused on upload.
        await Http.Problem(await admin.PostAsync("/api/v1/catalog/import-jobs", Upload(Encoding.UTF8.GetBytes("not a zip at all"), "broken.xlsx")),
            HttpStatusCode.BadRequest);

        // A zip that is no spreadsheet: the job ends as failed, with a sentence a person understands.
        using var junk = new MemoryStream();
        using (var zip = new ZipArchive(junk, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var w = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            await w.WriteAsync("这不是表格");
        }

        var job = await Http.Json(await admin.PostAsync("/api/v1/catalog/import-jobs", Upload(junk.ToArray(), "broken.xlsx")), HttpStatusCode.Accepted);
        var jobId = job.GetProperty("id").GetString();
        JsonElement state = default;
        await Http.Eventually(async () =>
        {
            state = await Http.Json(await admin.GetAsync($"/api/v1/catalog/import-jobs/{jobId}"));
            return state.GetProperty("status").GetString() is not ("queued" or "running" or "Queued" or "Running");
        }, "the malformed import stayed queued");
        Assert.Contains("failed", state.GetProperty("status").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("xlsx", state.GetProperty("error").GetString()!, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class EdgeInputTestsOnSqlite(SqliteFixture fixture) : EdgeInputTests(fixture), IClassFixture<SqliteFixture>;

public sealed class EdgeInputTestsOnPostgres(PostgresFixture fixture) : EdgeInputTests(fixture), IClassFixture<PostgresFixture>;
