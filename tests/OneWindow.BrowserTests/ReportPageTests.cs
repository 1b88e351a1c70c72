using System.Net.Http.Json;
using System.Text.Json;
using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 25, must show 4 in the browser: the 大屏 draws its four charts on a 1920×1080 dark wall with the same figures as the API
/// and refreshes itself; the analyst page breaks the figures down by item and offers the exports; axe finds nothing serious.
/// </summary>
public sealed class ReportPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_wall_renders_its_charts_with_the_apis_figures_and_refreshes_itself_and_the_analyst_page_breaks_them_down()
    {
        var api = await fixture.ApiAsync("supervisor");
        var overview = await api.GetFromJsonAsync<JsonElement>("/api/v1/reports/overview");
        Assert.True(overview.GetProperty("received").GetInt64() > 0, "the demo's history is counted");

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserFixture.SignInAsync(page, "supervisor");
        await page.GotoAsync("/reports/wall?refresh=5");
        await page.WaitForFunctionAsync("() => document.body.dataset.chartsReady === '1'");
        foreach (var chart in new[] { "chart-trend", "chart-regions", "chart-departments", "chart-shares" })
        {
            Assert.True(await page.Locator($"#{chart} canvas").CountAsync() >= 1, chart + " has no canvas");
        }

        Assert.Equal(overview.GetProperty("received").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("[data-testid=tile-received]"));
        Assert.Equal("rgb(7, 21, 40)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        var size = await page.EvaluateAsync<int[]>("() => [document.body.scrollWidth, document.body.scrollHeight]");
        Assert.True(size[0] <= 1920 && size[1] <= 1080, $"the wall overflows 1920×1080: {size[0]}×{size[1]}");
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.refreshed || 0) >= 1", null, new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(page, "reports-wall");

        var analyst = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(analyst, "supervisor");
        await analyst.GotoAsync("/reports");
        await analyst.SelectOptionAsync("select[name=by]", "item");
        await analyst.ClickAsync("[data-testid=filters] button");
        await analyst.WaitForFunctionAsync("() => document.body.dataset.chartsReady === '1'");
        Assert.True(await analyst.Locator("[data-testid=breakdown] tbody tr").CountAsync() >= 1);
        Assert.Contains("XK-", await analyst.TextContentAsync("[data-testid=breakdown] tbody"), StringComparison.Ordinal);
        Assert.Contains("format=csv", await analyst.GetAttributeAsync("[data-testid=export-csv]", "href"), StringComparison.Ordinal);
        var csv = await analyst.APIRequest.GetAsync((await analyst.GetAttributeAsync("[data-testid=export-csv]", "href"))!);
        Assert.Contains("受理量", await csv.TextAsync(), StringComparison.Ordinal);

        var axe = await IndependentVerifiers.AxeScriptAsync();
        var desk = await AxeAudit.NewPageAsync(fixture, desktop: true);
        await BrowserFixture.SignInAsync(desk, "supervisor");
        var findings = new List<string>();
        findings.AddRange(await AxeAudit.RunAsync(desk, axe, "/reports"));
        findings.AddRange(await AxeAudit.RunAsync(desk, axe, "/reports/wall"));
        Assert.True(findings.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", findings));
    }
}
