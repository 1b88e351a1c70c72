using System.Text;

namespace OneWindow.Tests.Security;

/// <summary>Issue 17, must-show 4: the routes anyone can hammer answer 429 with Retry-After; the owner still signs in.</summary>
public abstract class ThrottleTests(string provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _app = new TestApp(_database, services: s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>(), settings: new Dictionary<string, string?>
        {
            // The shipped defaults for sign-in; small limits elsewhere so the test stays short.
            ["Throttles:login:PermitLimit"] = "30", ["Throttles:login:WindowSeconds"] = "60",
            ["Throttles:register:PermitLimit"] = "3", ["Throttles:ticket:PermitLimit"] = "3",
            ["Throttles:check-in:PermitLimit"] = "3", ["Throttles:verify:PermitLimit"] = "3", ["Throttles:track:PermitLimit"] = "5",
            ["Throttles:sms-code:PermitLimit"] = "2",
        });
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A request from a given client address (what the proxy's forwarded header names in production; see ClientAddressFromHeader).</summary>
    private async Task<Response> FromAsync(string address, string method, string path, string? json = null, HttpClient? client = null)
    {
        client ??= _app.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add(ClientAddressFromHeader.Header, address);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        return new Response((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync());
    }

    private sealed record Response(int StatusCode, string? RetryAfter, string? ContentType, string Body);

    private static async Task<int> Hammer(Func<Task<Response>> send, int times)
    {
        var last = 0;
        for (var i = 0; i < times; i++)
        {
            last = (await send()).StatusCode;
        }

        return last;
    }

    private static void AssertThrottled(Response response)
    {
        Assert.Equal(429, response.StatusCode);
        Assert.True(int.Parse(response.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task An_attacker_hammering_an_account_is_slowed_while_the_owner_signs_in_from_elsewhere()
    {
        const string wrong = """{"userName":"clerk","password":"wrong-password1"}""";
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await FromAsync("10.6.6.6", "POST", "/api/v1/auth/login", wrong)).StatusCode);
        }

        Assert.True(statuses.Count(s => s == 401) == 5, string.Join(",", statuses));
        Assert.Equal(35, statuses.Count(s => s == 429));
        AssertThrottled(await FromAsync("10.6.6.6", "POST", "/api/v1/auth/login", """{"userName":"clerk","password":"OneWindow#2026"}"""));

        // The owner, from the office, is not locked out.
        var owner = await FromAsync("10.1.1.7", "POST", "/api/v1/auth/login", """{"userName":"clerk","password":"OneWindow#2026"}""");
        Assert.True(owner.StatusCode == 200, $"{owner.StatusCode}: {owner.Body}");
    }

    [Fact]
    public async Task Registration_ticket_taking_check_in_verification_and_tracking_answer_429_with_retry_after()
    {
        string Body() => $$"""{"kind":"person","userName":"t{{Guid.NewGuid().ToString("N")[..12]}}","password":"x"}""";
        Assert.NotEqual(429, await Hammer(() => FromAsync("10.2.0.1", "POST", "/api/v1/auth/register", Body()), 3));
        AssertThrottled(await FromAsync("10.2.0.1", "POST", "/api/v1/auth/register", Body()));

        const string hall = "0193a000-0000-7000-8000-000000371600";
        await Hammer(() => FromAsync("10.2.0.2", "POST", $"/api/v1/halls/{hall}/tickets", """{"group":"A"}"""), 3);
        AssertThrottled(await FromAsync("10.2.0.2", "POST", $"/api/v1/halls/{hall}/tickets", """{"group":"A"}"""));
        // Another phone in the hall still takes its ticket.
        Assert.NotEqual(429, (await FromAsync("10.2.0.3", "POST", $"/api/v1/halls/{hall}/tickets", """{"group":"A"}""")).StatusCode);

        await Hammer(() => FromAsync("10.2.0.4", "POST", $"/api/v1/halls/{hall}/tickets", """{"checkInCode":"000000"}"""), 3);
        AssertThrottled(await FromAsync("10.2.0.4", "POST", $"/api/v1/halls/{hall}/tickets", """{"checkInCode":"000001"}"""));

        await Hammer(() => FromAsync("10.2.0.5", "POST", "/api/v1/licenses/verify", """{"payload":"LC1:AAAA"}"""), 3);
        AssertThrottled(await FromAsync("10.2.0.5", "POST", "/api/v1/licenses/verify", """{"payload":"LC1:AAAA"}"""));

        await Hammer(() => FromAsync("10.2.0.6", "GET", $"/api/v1/tickets/{Guid.NewGuid()}?code=123456"), 5);
        AssertThrottled(await FromAsync("10.2.0.6", "GET", $"/api/v1/tickets/{Guid.NewGuid()}?code=123456"));

        // SMS codes are counted per account, from whatever address.
        var citizen = await _app.SignedIn("citizen");
        await Hammer(() => FromAsync("10.2.0.7", "POST", "/api/v1/auth/identity/sms", client: citizen), 2);
        AssertThrottled(await FromAsync("10.2.0.8", "POST", "/api/v1/auth/identity/sms", client: citizen));
    }
}

public sealed class ThrottleTestsOnSqlite() : ThrottleTests("sqlite");

public sealed class ThrottleTestsOnPostgres() : ThrottleTests("postgres");

/// <summary>Test hosts have no client address: this sets it from a header, first thing, as the forwarded-headers middleware would.</summary>
public sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => context =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
