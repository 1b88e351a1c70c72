using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 25 through the pages: the 百事通 map draws the sites on the city's county boundaries with every outside host blocked
/// (the browser resolves nothing but 127.0.0.1), filters by item, and opens a site's page with its items and hours; axe finds
/// nothing serious.
/// </summary>
public sealed class SitePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_map_shows_the_sites_offline_filters_by_item_and_opens_a_sites_page()
    {
        var page = await fixture.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(fixture.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(r.Url);
            }
        };
        await page.GotoAsync("/sites");
        await page.WaitForFunctionAsync("() => document.body.dataset.mapReady === '1'");
        Assert.True(await page.Locator("#sites-map canvas").CountAsync() >= 1);
        var all = int.Parse((await page.TextContentAsync("[data-testid=site-count]"))!, System.Globalization.CultureInfo.InvariantCulture);

        await page.FillAsync("input[name=item]", "QR-YBJ-001");
        await page.ClickAsync("form button.btn-danger");
        await page.WaitForFunctionAsync("() => document.body.dataset.mapReady === '1'");
        var some = int.Parse((await page.TextContentAsync("[data-testid=site-count]"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(some, 1, all - 1);
        Assert.Contains("滨州医学院附属医院（医保服务站）", await page.TextContentAsync("[data-testid=sites]"), StringComparison.Ordinal);

        await page.ClickAsync("[data-testid=sites] a >> text=滨州医学院附属医院（医保服务站）");
        Assert.Contains("门诊慢特病待遇认定", await page.TextContentAsync("[data-testid=site-items]"), StringComparison.Ordinal);
        Assert.Contains("星期一", await page.TextContentAsync("[data-testid=hours]"), StringComparison.Ordinal);
        Assert.Empty(outside);
        await BrowserFixture.ScreenshotAsync(page, "sites-map");

        var axe = await IndependentVerifiers.AxeScriptAsync();
        var findings = new List<string>();
        var phone = await AxeAudit.NewPageAsync(fixture, desktop: false);
        findings.AddRange(await AxeAudit.RunAsync(phone, axe, "/sites"));
        findings.AddRange(await AxeAudit.RunAsync(phone, axe, page.Url.Replace(fixture.BaseUrl, "", StringComparison.Ordinal)));
        Assert.True(findings.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", findings));
    }
}
