namespace OneWindow.Tests.Integration;

/// <summary>The platform's HTTP surface, run once per provider.</summary>
public abstract class PlatformApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Health_names_the_database_provider()
    {
        var json = await Http.Json(await App.Anonymous().GetAsync("/health"));
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Equal(fixture.Provider, json.GetProperty("database").GetString());
    }

    [Theory]
    [InlineData("2026-02-12", "5", "2026-02-26")]
    [InlineData("2025-09-30", "1", "2025-10-09")]
    [InlineData("2022-12-30", "1", "2023-01-03")]
    public async Task Due_date_counts_working_days(string from, string days, string expected)
    {
        var json = await Http.Json(await App.Anonymous().GetAsync($"/api/v1/calendar/due-date?from={from}&workingDays={days}"));
        Assert.Equal(expected, json.GetProperty("dueDate").GetString());
    }

    [Theory]
    [InlineData("from=2026-02-30&workingDays=5", "from")]
    [InlineData("from=yesterday&workingDays=5", "from")]
    [InlineData("workingDays=5", "from")]
    [InlineData("from=2026-02-12&workingDays=-1", "workingDays")]
    [InlineData("from=2026-02-12&workingDays=99999999999", "workingDays")]
    [InlineData("from=2026-02-12&workingDays=abc", "workingDays")]
    [InlineData("from=2026-02-12", "workingDays")]
    public async Task Bad_due_date_queries_get_field_errors_in_chinese(string query, string field)
    {
        var json = await Http.Problem(await App.Anonymous().GetAsync("/api/v1/calendar/due-date?" + query), HttpStatusCode.BadRequest, "validation");
        var messages = json.GetProperty("errors").GetProperty(field);
        Assert.True(Http.HasChinese(messages[0].GetString()));
    }

    [Fact]
    public async Task A_due_date_in_an_unpublished_year_is_422_not_a_guess()
    {
        var json = await Http.Problem(await App.Anonymous().GetAsync("/api/v1/calendar/due-date?from=2040-03-01&workingDays=3"),
            HttpStatusCode.UnprocessableEntity, "calendar:year-missing");
        Assert.Contains("2040", json.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_year_is_served_and_unknown_year_is_404()
    {
        var json = await Http.Json(await App.Anonymous().GetAsync("/api/v1/calendar/2026"));
        Assert.Contains(json.GetProperty("days").EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-10-01" && d.GetProperty("isOffDay").GetBoolean());
        await Http.Problem(await App.Anonymous().GetAsync("/api/v1/calendar/2044"), HttpStatusCode.NotFound, "calendar:year-not-found");
    }

    [Theory]
    [InlineData("residentId", "371602199003151236", true)]
    [InlineData("residentId", "371602199003151235", false)]
    [InlineData("uscc", "91371602MA3C8K2L6B", true)]
    [InlineData("uscc", "91371602MA3C8K2I6B", false)]
    [InlineData("mobile", "13805431234", true)]
    public async Task Identity_codes_are_validated_with_chinese_messages(string kind, string value, bool valid)
    {
        var json = await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/identity/validate", new { kind, value }));
        Assert.Equal(valid, json.GetProperty("valid").GetBoolean());
        if (!valid)
        {
            Assert.True(Http.HasChinese(json.GetProperty("errors")[0].GetString()));
        }
    }

    [Fact]
    public async Task Resident_id_details_include_birth_date_sex_and_region()
    {
        var json = await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/identity/validate", new { kind = "residentId", value = "371602199003151236" }));
        var details = json.GetProperty("details");
        Assert.Equal("1990-03-15", details.GetProperty("birthDate").GetString());
        Assert.Equal("男", details.GetProperty("sex").GetString());
        Assert.Equal("山东省滨州市滨城区", details.GetProperty("region").GetString());
    }

    [Fact]
    public async Task Unknown_identity_kind_is_a_field_error()
    {
        var json = await Http.Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/identity/validate", new { kind = "passport", value = "x" }),
            HttpStatusCode.BadRequest, "validation");
        Assert.True(json.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_never_500()
    {
        using var content = new StringContent("{\"kind\": ", System.Text.Encoding.UTF8, "application/json");
        await Http.Problem(await App.Anonymous().PostAsync("/api/v1/identity/validate", content), HttpStatusCode.BadRequest);
        using var wrongType = new StringContent("{\"userName\": 5, \"password\": []}", System.Text.Encoding.UTF8, "application/json");
        await Http.Problem(await App.Anonymous().PostAsync("/api/v1/auth/login", wrongType), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_api_route_is_404_problem()
    {
        await Http.Problem(await App.Anonymous().GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task OpenApi_document_and_interactive_page_are_served()
    {
        var doc = await Http.Json(await App.Anonymous().GetAsync("/openapi/v1.json"));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/calendar/due-date", out _));
        var page = await App.Anonymous().GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Departments_are_searchable_by_chinese_substring_and_paged()
    {
        var json = await Http.Json(await App.Anonymous().GetAsync("/api/v1/departments?q=" + Uri.EscapeDataString("市场监督") + "&pageSize=2"));
        Assert.Equal(3, json.GetProperty("total").GetInt32());
        Assert.Equal(2, json.GetProperty("items").GetArrayLength());
        var all = await Http.Json(await App.Anonymous().GetAsync("/api/v1/departments?region=371600&pageSize=100"));
        Assert.True(all.GetProperty("total").GetInt32() >= 10);
    }

    [Fact]
    public async Task A_missing_page_is_a_styled_chinese_page_that_fits_a_phone_and_the_api_still_answers_problem_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await App.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("/css/site.css", html, StringComparison.Ordinal);
        Assert.Contains("找不到请求的内容", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/track\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/care-mode?on=true&amp;back=%2Fno-such-page\"", html, StringComparison.Ordinal);

        // In 关怀模式 the error page is too: the switch's cookie, then the page, then the way out.
        var care = App.Anonymous();
        var switched = await care.GetAsync("/care-mode?on=true&back=%2Fno-such-page");
        Assert.Equal("/no-such-page", switched.Headers.Location?.OriginalString);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        again.Headers.Accept.ParseAdd("text/html");
        again.Headers.Add("Cookie", string.Join("; ", switched.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var cared = await (await care.SendAsync(again)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\" class=\"ow-care\">", cared, StringComparison.Ordinal);
        Assert.Contains("退出关怀模式", cared, StringComparison.Ordinal);
        Assert.Equal("/", (await care.GetAsync("/care-mode?on=true&back=https%3A%2F%2Fevil.example%2F")).Headers.Location?.OriginalString);
        await Http.Problem(await App.Anonymous().GetAsync("/api/v1/no-such-route"), HttpStatusCode.NotFound);
    }
}

public sealed class PlatformApiTestsOnSqlite(SqliteFixture fixture) : PlatformApiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PlatformApiTestsOnPostgres(PostgresFixture fixture) : PlatformApiTests(fixture), IClassFixture<PostgresFixture>;
