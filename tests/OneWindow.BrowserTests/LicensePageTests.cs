using System.Net.Http.Json;
using Microsoft.Playwright;
using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>Issue 5: the holder finds the licence in the wallet and shows its QR; anyone verifies it on /verify.</summary>
public sealed class LicensePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<HttpClient> Api(string user) => fixture.ApiAsync(user);

    [Fact]
    public async Task The_holder_shows_the_licence_and_a_verifier_with_the_string_sees_it_is_genuine()
    {
        // 个体工商户设立登记 approved through the API: the licence is issued by the outbox.
        var citizenApi = await Api("citizen");
        var file = await Applications.UploadAsync(citizenApi);
        var id = await Applications.SubmitAsync(citizenApi, new
        {
            itemCode = "XK-SCJ-004",
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = new Dictionary<string, object>
            {
                ["applicantName"] = "李明", ["residentId"] = "371602199003151236", ["mobile"] = "13805431234", ["address"] = "滨州市滨城区黄河五路 597 号",
            },
            materials = new[] { new { materialCode = "application", fileId = file }, new { materialCode = "premises", fileId = file } },
        });
        await Applications.ActAsync(await Api("clerk"), id, "accept");
        await Applications.ActAsync(await Api("approver.scj"), id, "approve", new { opinion = "准予登记" });

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "citizen");
        await Http.Eventually(async () =>
        {
            await page.GotoAsync("/my/licenses");
            return await page.Locator("[data-testid=wallet] a").CountAsync() > 0;
        }, "the licence did not reach the wallet");
        await page.Locator("[data-testid=wallet] a").First.ClickAsync();
        await page.Locator("[data-testid=license-card]").WaitForAsync();
        Assert.Equal("有效", (await page.TextContentAsync("[data-testid=license-status]"))!.Trim());
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('[data-testid=license-qr]'); return img && img.complete && img.naturalWidth > 100; }");
        await BrowserFixture.ScreenshotAsync(page, "wallet-license");

        // For a phone's camera: the link QR; for paper: the printable PDF.
        await page.ClickAsync("details:has([data-testid=license-link-qr]) summary");
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('[data-testid=license-link-qr]'); return img && img.complete && img.naturalWidth > 100; }");
        var printed = await page.Context.APIRequest.GetAsync((await page.GetAttributeAsync("[data-testid=license-pdf]", "href"))!);
        Assert.Equal(200, printed.Status);
        Assert.Equal("application/pdf", printed.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await printed.BodyAsync())[..5]), StringComparison.Ordinal);
        var payload = (await page.Locator("[data-testid=license-payload]").TextContentAsync())!.Trim();

        // A verifier without an account and without JavaScript pastes the string.
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false });
        var verifier = await context.NewPageAsync();
        await verifier.GotoAsync("/verify");
        await verifier.FillAsync("#payload", payload);
        await verifier.ClickAsync("button[type=submit]");
        await verifier.Locator("[data-testid=verify-result]").WaitForAsync();
        Assert.Equal("active", await verifier.GetAttributeAsync("[data-testid=verify-result]", "data-status"));
        Assert.Contains("证照真实有效", await verifier.TextContentAsync("[data-testid=verify-result]"), StringComparison.Ordinal);
        Assert.DoesNotContain("199003151236", await verifier.ContentAsync(), StringComparison.Ordinal);

        await verifier.FillAsync("#payload", "LC1:not a licence");
        await verifier.ClickAsync("button[type=submit]");
        await verifier.Locator("[data-testid=verify-problem]").WaitForAsync();
    }
}
