using System.Net.Http.Json;
using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 24 through the pages: a township's buyer publishes a 随机抽取 purchase (its seed's commitment shown), intermediaries sign
/// up, the buyer closes it, sees the seed, the order and the winner, and signs the contract; axe finds nothing serious on the
/// 中介超市 pages.
/// </summary>
public sealed class MarketplacePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Surveyors = ["agency01", "agency02", "agency03"];

    [Fact]
    public async Task A_township_buyer_runs_a_random_draw_purchase_to_a_contract()
    {
        var buyer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(buyer, "buyer.shizhong");
        await buyer.GotoAsync("/marketplace");
        await buyer.ClickAsync("[data-testid=new-purchase]");
        await buyer.SelectOptionAsync("#type", "surveying");
        await buyer.FillAsync("#title", "市中街道背街小巷改造地形测绘");
        await buyer.FillAsync("#scope", "1:500 地形图测绘，约 0.8 平方公里，提交成果图及技术报告");
        await buyer.FillAsync("#budget", "90000");
        await buyer.ClickAsync("[data-testid=publish]");
        Assert.Contains("种子承诺已公布", await buyer.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        var commitment = (await buyer.TextContentAsync("[data-testid=commitment]"))!.Trim();
        Assert.Matches("^[0-9a-f]{64}$", commitment);
        var id = buyer.Url.Split('/').Last();

        foreach (var agency in Surveyors)
        {
            await Http.Json(await (await fixture.ApiAsync(agency)).PostAsync($"/api/v1/purchases/{id}/sign-up", null));
        }

        await buyer.ReloadAsync();
        Assert.Equal("3", (await buyer.TextContentAsync("[data-testid=sign-up-count]"))!.Trim());
        await buyer.ClickAsync("[data-testid=close]");
        Assert.Contains("中选机构", await buyer.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        var seed = (await buyer.TextContentAsync("[data-testid=seed]"))!.Trim();
        Assert.Equal(commitment, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(seed))));
        var winner = (await buyer.TextContentAsync("[data-testid=winner]"))!;
        Assert.Contains("中选机构", winner, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(buyer, "marketplace-draw");

        await buyer.ClickAsync("[data-testid=contract]");
        Assert.Equal("已签约", (await buyer.TextContentAsync("[data-testid=purchase-status]"))!.Trim());
        var api = await (await fixture.ApiAsync("buyer.shizhong")).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/purchases/{id}");
        Assert.Equal("contracted", api.GetProperty("status").GetString());
        Assert.Equal(seed, api.GetProperty("seed").GetString());

        var axe = await IndependentVerifiers.AxeScriptAsync();
        var findings = new List<string>();
        var desk = await AxeAudit.NewPageAsync(fixture, desktop: true);
        await BrowserFixture.SignInAsync(desk, "buyer.shizhong");
        foreach (var path in new[] { "/marketplace", "/marketplace?tab=agencies", "/marketplace/purchases/new", $"/marketplace/purchases/{id}" })
        {
            findings.AddRange(await AxeAudit.RunAsync(desk, axe, path));
        }

        var phone = await AxeAudit.NewPageAsync(fixture, desktop: false);
        findings.AddRange(await AxeAudit.RunAsync(phone, axe, "/marketplace"));
        Assert.True(findings.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", findings));
    }
}
