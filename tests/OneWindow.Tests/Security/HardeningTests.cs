using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace OneWindow.Tests.Security;

/// <summary>Issue 17, the smaller findings: headers, forgery, names, lengths, uploads, logs, proxies.</summary>
public abstract class HardeningTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_inline_script_and_cannot_be_framed()
    {
        var response = await App.Anonymous().GetAsync("/guide/XK-SCJ-004?print=true");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));

        // The one inline script (the guide's print) carries this response's nonce.
        var nonce = scriptSrc.Split('\'').Single(p => p.StartsWith("nonce-", StringComparison.Ordinal))["nonce-".Length..];
        Assert.Contains($"<script nonce=\"{nonce}\">window.print();</script>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_authenticated_api_write_needs_the_custom_header_and_a_bearer_token_does_not()
    {
        var browser = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        (await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "citizen", password = "OneWindow#2026" })).EnsureSuccessStatusCode();
        await Http.Problem(await browser.PostAsJsonAsync("/api/v1/ratings", new { }), HttpStatusCode.Forbidden, "auth:csrf");
        // Signing in again with the cookie still set is not a forgery risk (the route is open to anyone).
        (await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "citizen", password = "OneWindow#2026" })).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ratings") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Requested-With", "fetch");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await App.SignedIn("citizen")).PostAsJsonAsync("/api/v1/ratings", new { })).StatusCode);
    }

    [Theory]
    [InlineData("王\r\n伪造")]
    [InlineData("王\u0000五")]
    [InlineData("王五\u202Egpj.exe")]
    public async Task Names_with_line_breaks_control_or_bidi_characters_are_refused(string name)
    {
        var json = await Http.Problem(await App.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "person", userName = "n" + Guid.NewGuid().ToString("N")[..10], password = "Password123", name, identityCode = People.ResidentId(), mobile = People.Mobile(),
        }), HttpStatusCode.BadRequest, "account:invalid");
        Assert.Contains("字符", json.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_350000_character_opinion_is_refused_and_nothing_is_stored()
    {
        var enterprise = await App.SignedIn("enterprise");
        var id = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        await Applications.ActAsync(await App.SignedIn("clerk"), id, "accept");
        var reviewer = await App.SignedIn("reviewer.scj");
        var huge = await Http.Problem(await reviewer.PostAsJsonAsync($"/api/v1/cases/{id}/review", new { opinion = new string('长', 350_000), recommendation = "approve" }),
            HttpStatusCode.BadRequest, "request:text-too-long");
        Assert.True(huge.GetProperty("errors").TryGetProperty("opinion", out _), huge.ToString());
        var long3000 = await Http.Problem(await reviewer.PostAsJsonAsync($"/api/v1/cases/{id}/review", new { opinion = new string('长', 3000), recommendation = "approve" }),
            HttpStatusCode.BadRequest);
        Assert.True(long3000.GetProperty("errors").TryGetProperty("opinion", out _));
        var state = await Http.Json(await reviewer.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal("accepted", state.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("reviewOpinion").ValueKind);
    }

    [Fact]
    public async Task An_upload_is_named_after_what_it_contains()
    {
        var citizen = await App.SignedIn("citizen");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent("%PDF-1.4\n% not an executable\n"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", "evil.exe");
        var saved = await Http.Json(await citizen.PostAsync("/api/v1/files", form), HttpStatusCode.Created);
        Assert.Equal("evil.pdf", saved.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", saved.GetProperty("contentType").GetString());
    }
}

public sealed class HardeningTestsOnSqlite(SqliteFixture fixture) : HardeningTests(fixture), IClassFixture<SqliteFixture>;

public sealed class HardeningTestsOnPostgres(PostgresFixture fixture) : HardeningTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>Proxies and logs need hosts of their own settings.</summary>
public sealed class ProxyAndLogTests
{
    [Fact]
    public async Task Behind_the_configured_proxy_cookies_are_secure_and_the_client_address_is_the_real_one_and_others_are_not_believed()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new TestApp(database, services: s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>(),
            settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "10.0.0.2" });

        async Task<string> LoginCookieFrom(string peer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "citizen", password = "OneWindow#2026" }) };
            request.Headers.Add(ClientAddressFromHeader.Header, peer);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            var response = await app.Anonymous().SendAsync(request);
            response.EnsureSuccessStatusCode();
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("onewindow.auth", StringComparison.Ordinal));
        }

        Assert.Contains("secure", await LoginCookieFrom("10.0.0.2"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await LoginCookieFrom("198.51.100.7"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Request_logs_carry_no_identity_numbers_even_at_the_most_verbose_level()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new TestApp(database, services: s => s.AddSingleton<ILoggerProvider>(new ListLoggerProvider(lines)),
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" });
        var clerk = await app.SignedIn("clerk");
        await clerk.GetAsync("/api/v1/licenses?holder=371602199003151236");
        Assert.Contains(lines, l => l.Contains("/api/v1/licenses", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("371602199003151236", StringComparison.Ordinal));
    }

    private sealed class ListLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }

        private sealed class ListLogger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
