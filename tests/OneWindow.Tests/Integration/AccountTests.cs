namespace OneWindow.Tests.Integration;

/// <summary>Sign-in, registration and who may reach what.</summary>
public abstract class AccountTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Theory]
    [InlineData("admin", "staff", "admin")]
    [InlineData("clerk", "staff", "intakeClerk")]
    [InlineData("approver.scj", "staff", "approver")]
    [InlineData("citizen", "person", "applicant")]
    [InlineData("enterprise", "enterprise", "applicant")]
    public async Task Demo_accounts_sign_in_and_get_a_token(string userName, string kind, string role)
    {
        var json = await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "OneWindow#2026" }));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("token").GetString()));
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.Contains(role, json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_token_identifies_the_user_to_the_api()
    {
        var client = await App.SignedIn("approver.scj");
        var me = await Http.Json(await client.GetAsync("/api/v1/auth/me"));
        Assert.Equal("371600-SCJ", me.GetProperty("department").GetString());
        // The old name stays readable for one release (CHANGELOG.md).
        Assert.Equal("371600-SCJ", me.GetProperty("departmentCode").GetString());
        Assert.True(me.GetProperty("isStaff").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_password_is_401_in_chinese()
    {
        var json = await Http.Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = "clerk", password = "wrong-password1" }),
            HttpStatusCode.Unauthorized, "auth:bad-credentials");
        Assert.Equal("用户名或密码错误", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Anonymous_calls_that_need_a_user_get_401_and_bad_tokens_too()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync("/api/v1/auth/me")).StatusCode);
        var forged = App.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/auth/me")).StatusCode);
        var put = await App.Anonymous().PutAsJsonAsync("/api/v1/calendar/2032", new { year = 2032, days = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
    }

    [Fact]
    public async Task A_citizen_cannot_use_staff_apis_or_pages()
    {
        var citizen = await App.SignedIn("citizen");
        var put = await citizen.PutAsJsonAsync("/api/v1/calendar/2032", new { year = 2032, days = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        // Pages: sign in with the cookie, then ask for the staff workbench.
        var browser = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        (await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "citizen", password = "OneWindow#2026" })).EnsureSuccessStatusCode();
        var page = await browser.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("没有权限", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_reach_the_workbench_and_anonymous_visitors_are_sent_to_sign_in()
    {
        var anonymous = await App.Anonymous().GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var browser = App.CreateClient();
        (await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "clerk", password = "OneWindow#2026" })).EnsureSuccessStatusCode();
        var page = await browser.GetStringAsync("/workbench");
        Assert.Contains("综合受理", page, StringComparison.Ordinal);
        Assert.Contains("滨州市行政审批服务局", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_checks_codes_with_the_shared_validator_and_answers_field_by_field()
    {
        var response = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "person", userName = "x", password = "short", name = "王", identityCode = "371602199003151235", mobile = "12345",
        });
        var json = await Http.Problem(response, HttpStatusCode.BadRequest, "account:invalid");
        var errors = json.GetProperty("errors");
        foreach (var field in new[] { "userName", "password", "name", "identityCode", "mobile" })
        {
            Assert.True(Http.HasChinese(errors.GetProperty(field)[0].GetString()), field);
        }

        Assert.Contains("校验码", errors.GetProperty("identityCode")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_citizen_signs_in_and_receives_a_welcome_message_through_the_outbox()
    {
        var userName = "reg" + Guid.NewGuid().ToString("N")[..8];
        var response = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "person", userName, password = "Password123", name = "赵敏", identityCode = "37160219880808104X", mobile = "13900001111",
        });
        var created = await Http.Json(response, HttpStatusCode.Created);
        var userId = created.GetProperty("id").GetString()!;

        var again = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "person", userName = userName + "b", password = "Password123", name = "赵敏", identityCode = "37160219880808104X", mobile = "13900001111",
        });
        var duplicate = await Http.Problem(again, HttpStatusCode.Conflict, "account:identity-taken");
        Assert.Contains("已注册", duplicate.GetProperty("errors").GetProperty("identityCode")[0].GetString(), StringComparison.Ordinal);

        await App.SignedIn(userName, "Password123");
        await Http.Eventually(async () =>
        {
            await using var scope = App.Scope();
            var inbox = scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Notifications.Contracts.IInbox>();
            return (await inbox.RecentAsync(userId, 5)).Any(m => m.Title == "注册成功");
        }, "the welcome notification never arrived");
        var log = await File.ReadAllTextAsync(App.NotificationLog);
        Assert.Contains("139****1111", log, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "clerk", ["password"] = "OneWindow#2026" });
        var response = await App.Anonymous().PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("onewindow.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_failures_slow_that_client_without_locking_the_account_or_telling_whether_it_exists()
    {
        var userName = "lock" + Guid.NewGuid().ToString("N")[..8];
        (await App.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "enterprise", userName, password = "Password123", name = "滨州测试有限公司", identityCode = "91371602MA3E2G4H4E", mobile = "13900002222",
        })).EnsureSuccessStatusCode();
        foreach (var name in new[] { userName, "nobody" + Guid.NewGuid().ToString("N")[..8] })
        {
            for (var i = 0; i < 5; i++)
            {
                await Http.Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = "wrong-password1" }),
                    HttpStatusCode.Unauthorized, "auth:bad-credentials");
            }

            // The sixth try from the same client waits, whether the account exists or not: nothing tells them apart.
            var slowed = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = "Password123" });
            await Http.Problem(slowed, HttpStatusCode.TooManyRequests, "auth:slow-down");
            Assert.True(int.Parse(slowed.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        }

        // No lock-out: the account itself is not disabled (the owner, from another address, is covered by ThrottleTests).
        await using var scope = App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OneWindow.Platform.Identity.AppUser>>();
        var account = await users.FindByNameAsync(userName);
        Assert.Null(account!.LockoutEnd);
    }
}

public sealed class AccountTestsOnSqlite(SqliteFixture fixture) : AccountTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AccountTestsOnPostgres(PostgresFixture fixture) : AccountTests(fixture), IClassFixture<PostgresFixture>;
