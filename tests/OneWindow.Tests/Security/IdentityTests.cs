using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace OneWindow.Tests.Security;

/// <summary>Issue 17, must-show 1 and 6: identity is proved, not typed; logout ends the session everywhere.</summary>
public abstract partial class IdentityTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [GeneratedRegex(@"验证码为 (\d{6})")]
    private static partial Regex SmsCode();

    /// <summary>A person whose case a clerk took at the counter (so the government holds their mobile), and whose licence was issued.</summary>
    private async Task<(string Id, string Mobile, string CaseId)> PersonWithCounterCaseAsync()
    {
        var id = People.ResidentId();
        var mobile = People.Mobile();
        var clerk = await App.SignedIn("clerk");
        var file = await Applications.UploadAsync(clerk);
        var caseId = await Applications.SubmitAsync(clerk, new
        {
            itemCode = "XK-SCJ-004",
            applicant = new { kind = "person", idNumber = id, name = "陈立", mobile },
            form = new Dictionary<string, object>
            {
                ["applicantName"] = "陈立", ["residentId"] = id, ["mobile"] = mobile, ["address"] = "滨州市滨城区黄河五路 1 号",
            },
            materials = new[] { new { materialCode = "application", fileId = file }, new { materialCode = "premises", fileId = file } },
        });
        await Applications.ActAsync(clerk, caseId, "accept");
        await Applications.ActAsync(await App.SignedIn("approver.scj"), caseId, "approve", new { opinion = "准予登记" });
        return (id, mobile, caseId);
    }

    private async Task<HttpClient> RegisterAsync(string identityCode, string mobile, string? userName = null)
    {
        userName ??= "u" + Guid.NewGuid().ToString("N")[..10];
        await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "person", userName, password = "Password123", name = "冒名者", identityCode, mobile,
        }), HttpStatusCode.Created);
        return await App.SignedIn(userName, "Password123");
    }

    [Fact]
    public async Task Registering_with_another_persons_id_shows_nothing_of_theirs_until_an_sms_to_their_held_mobile_proves_it()
    {
        var (id, heldMobile, caseId) = await PersonWithCounterCaseAsync();
        // The licence has been issued to the person (by the outbox) before anyone registers.
        var clerk = await App.SignedIn("clerk");
        await Http.Eventually(async () => (await Http.Json(await clerk.GetAsync($"/api/v1/licenses?holder={id}"))).GetArrayLength() == 1,
            "approval did not issue the licence");

        var impostor = await RegisterAsync(id, "13911112222");
        Assert.Equal(0, (await Http.Json(await impostor.GetAsync("/api/v1/cases?view=mine"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Http.Json(await impostor.GetAsync("/api/v1/licenses"))).GetArrayLength());
        await Http.Problem(await impostor.GetAsync($"/api/v1/licenses?holder={id}"), HttpStatusCode.Forbidden, "license:forbidden");
        Assert.Equal(HttpStatusCode.NotFound, (await impostor.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await impostor.PostAsJsonAsync($"/api/v1/cases/{caseId}/withdraw", new { })).StatusCode);

        // The code goes to the mobile the government holds, not to the one typed at registration.
        var sent = await Http.Json(await impostor.PostAsync("/api/v1/auth/identity/sms", null));
        Assert.Equal(heldMobile[..3] + "****" + heldMobile[^4..], sent.GetProperty("sentTo").GetString());
        await Http.Problem(await impostor.PostAsJsonAsync("/api/v1/auth/identity/verify", new { code = "000000" }), HttpStatusCode.BadRequest);
        Assert.Equal(0, (await Http.Json(await impostor.GetAsync("/api/v1/licenses"))).GetArrayLength());

        // Whoever holds that phone reads the code and proves the identity: now everything filed under it shows.
        var code = SmsCode().Matches(await File.ReadAllTextAsync(App.NotificationLog)).Last().Groups[1].Value;
        var verified = await Http.Json(await impostor.PostAsJsonAsync("/api/v1/auth/identity/verify", new { code }));
        Assert.True(verified.GetProperty("verified").GetBoolean());
        Assert.Equal("sms", verified.GetProperty("method").GetString());
        // The same session, no new sign-in: the verification counts at once.
        var owner = impostor;
        Assert.Equal(1, (await Http.Json(await owner.GetAsync("/api/v1/licenses"))).GetArrayLength());
        await Http.Eventually(async () => (await Http.Json(await owner.GetAsync("/api/v1/cases?view=mine"))).GetProperty("total").GetInt32() == 1,
            "the counter case never showed in the verified account");
    }

    [Fact]
    public async Task Without_a_held_mobile_sms_verification_is_refused_and_a_clerk_verifies_at_the_counter()
    {
        var id = People.ResidentId();
        var userName = "c" + Guid.NewGuid().ToString("N")[..10];
        var person = await RegisterAsync(id, People.Mobile(), userName);
        await Http.Problem(await person.PostAsync("/api/v1/auth/identity/sms", null), HttpStatusCode.UnprocessableEntity, "identity:no-held-mobile");

        // Only an intake clerk verifies, and only the code the account holds.
        await Http.Problem(await (await App.SignedIn("hotline")).PostAsJsonAsync("/api/v1/identity-verifications/counter", new { userName, identityCode = id }),
            HttpStatusCode.Forbidden);
        var clerk = await App.SignedIn("clerk");
        await Http.Problem(await clerk.PostAsJsonAsync("/api/v1/identity-verifications/counter", new { userName, identityCode = People.ResidentId() }),
            HttpStatusCode.BadRequest, "identity:mismatch");
        var done = await Http.Json(await clerk.PostAsJsonAsync("/api/v1/identity-verifications/counter", new { userName, identityCode = id }));
        Assert.Equal("counter", done.GetProperty("method").GetString());

        // Open sessions see the verification at once.
        var status = await Http.Json(await person.GetAsync("/api/v1/auth/identity"));
        Assert.True(status.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Ten_parallel_registrations_of_one_id_give_exactly_one_account()
    {
        var id = People.ResidentId();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => App.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "person", userName = $"p{i}{Guid.NewGuid().ToString("N")[..8]}", password = "Password123", name = "并发者", identityCode = id, mobile = People.Mobile(),
        })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.IdentityCode == id));
    }

    [Fact]
    public async Task After_logout_the_old_token_and_cookie_get_401()
    {
        var browser = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var login = await Http.Json(await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "citizen2", password = "OneWindow#2026" }));
        var api = App.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);

        // A second session of the same account (another device), then logout from the API client.
        var other = await App.SignedIn("citizen2");
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignedIn("citizen2")).GetAsync("/api/v1/auth/me")).StatusCode);
    }
}

/// <summary>A number typed by someone else blocks its holder for a day at most.</summary>
public sealed class UnverifiedClaimTests
{
    [Fact]
    public async Task An_unverified_claim_lapses_after_a_day_and_the_holder_registers()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var id = People.ResidentId();
        object Body(string userName) => new { kind = "person", userName, password = "Password123", name = "张三", identityCode = id, mobile = People.Mobile() };
        await Http.Json(await app.Anonymous().PostAsJsonAsync("/api/v1/auth/register", Body("squatter1")), HttpStatusCode.Created);

        clock.Advance(TimeSpan.FromHours(23));
        await Http.Problem(await app.Anonymous().PostAsJsonAsync("/api/v1/auth/register", Body("holder1")), HttpStatusCode.Conflict, "account:identity-taken");

        clock.Advance(TimeSpan.FromHours(2));
        await Http.Json(await app.Anonymous().PostAsJsonAsync("/api/v1/auth/register", Body("holder1")), HttpStatusCode.Created);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>();
        Assert.Null(await db.Users.Where(u => u.UserName == "squatter1").Select(u => u.IdentityCode).SingleAsync());
        Assert.Equal(id, await db.Users.Where(u => u.UserName == "holder1").Select(u => u.IdentityCode).SingleAsync());
    }
}

public sealed class IdentityTestsOnSqlite(SqliteFixture fixture) : IdentityTests(fixture), IClassFixture<SqliteFixture>;

public sealed class IdentityTestsOnPostgres(PostgresFixture fixture) : IdentityTests(fixture), IClassFixture<PostgresFixture>;
