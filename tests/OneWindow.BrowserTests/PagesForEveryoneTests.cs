using System.Text.Json;
using Microsoft.Playwright;
using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 20's pages for everyone: on a 390×844 phone the menu folds behind one button and the guide shows 受理条件;
/// 关怀模式 (the national 适老化 rules) enlarges the type on every public page; and axe-core, run in the page,
/// finds nothing serious or critical on the public pages and the staff pages.
/// </summary>
public sealed class PagesForEveryoneTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string CityHall = "0193a000-0000-7000-8000-000000371600";

    private async Task<IPage> PhoneAsync(bool bypassCsp = false)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_and_the_guide_shows_its_conditions()
    {
        var phone = await PhoneAsync();
        await phone.GotoAsync("/guide/XK-SCJ-005");

        // The menu is one row with one button; its links appear when the button is tapped.
        var search = phone.Locator("nav.ow-nav a[href='/search']");
        Assert.False(await search.IsVisibleAsync());
        var toggle = phone.Locator("[data-testid=menu-toggle]");
        Assert.True(await toggle.IsVisibleAsync());
        var header = await phone.Locator("header.ow-header").BoundingBoxAsync();
        Assert.True(header!.Height < 160, $"the header takes {header.Height}px of an 844px screen");
        await toggle.ClickAsync();
        Assert.True(await search.IsVisibleAsync());

        // 受理条件 is on the page, readable, and no card runs into the footer.
        var conditions = phone.Locator("[data-testid=conditions]");
        await conditions.ScrollIntoViewIfNeededAsync();
        Assert.True(await conditions.IsVisibleAsync());
        Assert.Contains("受理条件", await conditions.TextContentAsync(), StringComparison.Ordinal);
        await AssertNothingRunsIntoTheFooterAsync(phone);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the guide scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(phone, "phone-guide");

        // On a desktop the menu is open and the cards end above the footer.
        var desktop = await fixture.NewPageAsync();
        await desktop.GotoAsync("/guide/XK-SCJ-005");
        Assert.True(await desktop.Locator("nav.ow-nav a[href='/search']").IsVisibleAsync());
        Assert.False(await desktop.Locator("[data-testid=menu-toggle]").IsVisibleAsync());
        await AssertNothingRunsIntoTheFooterAsync(desktop);
    }

    private static async Task AssertNothingRunsIntoTheFooterAsync(IPage page)
    {
        var overlap = await page.EvaluateAsync<string>("""
            () => {
              const footer = document.querySelector('footer').getBoundingClientRect().top;
              return [...document.querySelectorAll('main .ow-card')]
                .filter(c => c.getBoundingClientRect().bottom > footer + 1)
                .map(c => (c.querySelector('h2, h1')?.textContent ?? c.className).trim()).join(', ');
            }
            """);
        Assert.True(overlap.Length == 0, "cards run into the footer: " + overlap);
    }

    [Fact]
    public async Task Care_mode_enlarges_the_type_on_every_public_page_until_it_is_switched_off()
    {
        var phone = await PhoneAsync();
        await phone.GotoAsync("/");
        var normal = await FontSizeAsync(phone, "main p");
        await phone.ClickAsync("[data-testid=care-mode]");
        await phone.Locator("html.ow-care").WaitForAsync();
        var large = await FontSizeAsync(phone, "main p");
        Assert.True(large >= normal * 1.25, $"关怀模式 type is {large}px, normal {normal}px");

        // The choice follows the person from page to page, and the pages stay one column wide.
        foreach (var path in new[] { "/search?q=营业执照", "/guide/XK-SCJ-005", "/track", "/halls" })
        {
            await phone.GotoAsync(path);
            Assert.Equal(1, await phone.Locator("html.ow-care").CountAsync());
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), path + " scrolls sideways in 关怀模式");
        }

        await BrowserFixture.ScreenshotAsync(phone, "phone-care-mode");
        await phone.ClickAsync("[data-testid=care-mode]");
        await phone.Locator("html:not(.ow-care)").WaitForAsync();
        await phone.GotoAsync("/");
        Assert.Equal(normal, await FontSizeAsync(phone, "main p"), 1.0);
    }

    private static async Task<double> FontSizeAsync(IPage page, string selector) =>
        await page.EvaluateAsync<double>("s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", selector);

    [Fact]
    public async Task Axe_finds_nothing_serious_or_critical_on_the_public_and_staff_pages()
    {
        var axe = await IndependentVerifiers.AxeScriptAsync();
        var findings = new List<string>();

        var anonymous = await NewAuditedPageAsync(desktop: true);
        foreach (var path in new[]
                 {
                     "/", "/search?q=营业执照", "/guide/XK-SCJ-005", "/bundles", "/halls", $"/halls/{CityHall}/ticket", $"/halls/{CityHall}/display",
                     $"/halls/{CityHall}/book", "/track", "/track?number=SP000000000000&idTail=123456", "/track/sms", "/verify", "/account/login", "/account/register",
                     "/pad", "/no-such-page",
                 })
        {
            findings.AddRange(await AuditAsync(anonymous, axe, path));
        }

        // The same public pages on a phone, in 关怀模式.
        var care = await PhoneAsync(bypassCsp: true);
        await care.GotoAsync("/");
        await care.ClickAsync("[data-testid=care-mode]");
        foreach (var path in new[] { "/", "/search?q=营业执照", "/guide/XK-SCJ-005", "/track" })
        {
            findings.AddRange((await AuditAsync(care, axe, path)).Select(f => "关怀模式 " + f));
        }

        var citizen = await NewAuditedPageAsync(desktop: true);
        await BrowserFixture.SignInAsync(citizen, "citizen");
        foreach (var path in new[] { "/my/cases", "/my/licenses", "/cases/new/XK-SCJ-004", "/guide/XK-SCJ-005/form", "/account/identity", "/bundle-applications" })
        {
            findings.AddRange(await AuditAsync(citizen, axe, path));
        }

        var clerk = await NewAuditedPageAsync(desktop: true);
        await BrowserFixture.SignInAsync(clerk, "clerk");
        var counters = JsonDocument.Parse(await (await clerk.APIRequest.GetAsync($"/api/v1/halls/{CityHall}/counters")).TextAsync());
        var counter = counters.RootElement.EnumerateArray().First().GetProperty("id").GetString();
        foreach (var path in new[]
                 {
                     "/workbench", "/workbench/cases", "/workbench/identity", "/bundle-applications", "/projects", "/rectifications",
                     $"/halls/{CityHall}/dashboard", $"/counters/{counter}", "/cases/new/XK-SCJ-004",
                 })
        {
            findings.AddRange(await AuditAsync(clerk, axe, path));
        }

        // A case's page, as the clerk who accepts it and as its applicant.
        var caseId = await Applications.SubmitBusinessRegistrationAsync(await fixture.App.SignedIn("citizen"));
        findings.AddRange(await AuditAsync(clerk, axe, "/cases/" + caseId));
        findings.AddRange(await AuditAsync(citizen, axe, "/cases/" + caseId));

        var admin = await NewAuditedPageAsync(desktop: true);
        await BrowserFixture.SignInAsync(admin, "admin");
        foreach (var path in new[] { "/workbench", "/admin/calendar/2026", "/admin/halls", "/admin/bundles", "/admin/items", "/admin/items/XK-SCJ-005/edit" })
        {
            findings.AddRange(await AuditAsync(admin, axe, path));
        }

        Assert.True(findings.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", findings));
    }

    private Task<IPage> NewAuditedPageAsync(bool desktop) => AxeAudit.NewPageAsync(fixture, desktop);

    private static Task<IReadOnlyList<string>> AuditAsync(IPage page, string axe, string path) => AxeAudit.RunAsync(page, axe, path);
}
