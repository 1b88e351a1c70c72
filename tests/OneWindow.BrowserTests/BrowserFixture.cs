using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Playwright;
using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// The real application on a real Kestrel port (SQLite, demo data) and Debian's Chromium driven by
/// Playwright. Playwright's own browser download is not used: it cannot reach the internet here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public TestApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Today on the server's clock (which starts on the next weekday morning), in China.</summary>
    public DateOnly Today => OneWindow.Platform.Data.Timestamps.TodayInChina(App.Services.GetRequiredService<TimeProvider>());

    public static string ChromiumPath => Environment.GetEnvironmentVariable("ONEWINDOW_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("sqlite");
        // The demo halls give out numbers on working days 09:00–17:00: the server's clock starts on the next weekday
        // morning and runs from there (forward, so the browser never sees its cookies as expired).
        // 中介超市's 公示 is set to end the day of the selection, so a page journey can go from a draw to a contract in one sitting
        // (the integration tests hold a 3-working-day 公示 with objections).
        App = new TestApp(_database, services: s => s.AddSingleton<TimeProvider>(RunningClock.NextWeekdayMorning()),
            settings: new Dictionary<string, string?> { ["Marketplace:PublicityWorkingDays"] = "0" });
        var port = FreePort();
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        App.ClientOptions.BaseAddress = new Uri(BaseUrl);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        // The machines are shared and slow at times: give pages room rather than flake.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>An API client on the fixture's real port, signed in with a bearer token (demo password).</summary>
    public async Task<HttpClient> ApiAsync(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = "OneWindow#2026" });
        var token = (await Http.Json(login)).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the login form, as a person would (demo password).</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "OneWindow#2026");
        await page.ClickAsync("button[type=submit]");
        // Signed in when the page after the redirect shows who is signed in (waiting on an element
        // is steadier than waiting on navigation events, which a fast redirect can slip past).
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
    }

    /// <summary>Keeps a picture of what a person saw, beside the test results.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        await _database!.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
