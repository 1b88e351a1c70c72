using System.Net.Http.Json;
using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 23 through the pages: a grant reaches 市场监管局's officer, who claims it and records a 行业禁入; the banned enterprise's
/// next portal application for a food business licence is refused with the reason and where the ban came from. axe finds nothing
/// serious on the supervision pages.
/// </summary>
public sealed class SupervisionPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<HttpClient> Api(string user) => fixture.ApiAsync(user);

    [Fact]
    public async Task An_officer_claims_a_grant_and_records_a_ban_and_the_enterprises_next_application_is_refused_with_the_reason()
    {
        // 食品经营许可（新办） for the demo enterprise, granted through the API.
        var enterpriseApi = await Api("enterprise");
        var id = await Applications.SubmitAsync(enterpriseApi, await Applications.EnterpriseAsync(enterpriseApi, "XK-SCJ-005"));
        await Applications.ActAsync(await Api("clerk"), id, "accept");
        await Applications.ActAsync(await Api("reviewer.scj"), id, "review", new { opinion = "现场核查符合要求", recommendation = "approve" });
        var number = (await Applications.ActAsync(await Api("approver.scj"), id, "approve", new { opinion = "准予许可" })).GetProperty("number").GetString()!;

        var inspector = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(inspector, "inspector.scj");
        var row = inspector.Locator($"[data-testid=supervision-items] tr[data-case='{number}']");
        await Http.Eventually(async () =>
        {
            await inspector.GotoAsync("/supervision?status=pushed");
            return await row.CountAsync() == 1;
        }, "the grant should reach the supervising department");
        Assert.Contains("待认领", await row.TextContentAsync(), StringComparison.Ordinal);
        await row.Locator("button").ClickAsync();
        Assert.Contains("已认领", await inspector.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);

        // A ban without its years is refused by field; with them it is recorded and fed back.
        await inspector.SelectOptionAsync("[data-testid=measure]", "ban");
        await inspector.FillAsync("textarea[name='Input.Reason']", "后厨使用过期原料，屡查屡犯，情节严重");
        await inspector.ClickAsync("[data-testid=record-feedback]");
        Assert.Contains("行业禁入须写明年限", await inspector.TextContentAsync("[data-testid=feedback-form]"), StringComparison.Ordinal);
        await inspector.SelectOptionAsync("[data-testid=measure]", "ban");
        await inspector.FillAsync("textarea[name='Input.Reason']", "后厨使用过期原料，屡查屡犯，情节严重");
        await inspector.FillAsync("[data-testid=ban-years]", "3");
        await inspector.ClickAsync("[data-testid=record-feedback]");
        Assert.Contains("监管结果已反馈审批部门", await inspector.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        Assert.Contains("行业禁入", await inspector.TextContentAsync("[data-testid=feedback]"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(inspector, "supervision-item");

        // The enterprise applies for 小餐饮经营许可 (the same kind of licence) on the portal: refused, with the ban named.
        var material = Path.Combine(Path.GetTempPath(), $"onewindow-material-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(material, "%PDF-1.4\n% 材料\n"u8.ToArray());
        var enterprise = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(enterprise, "enterprise");
        await enterprise.GotoAsync("/cases/new/XK-SCJ-008");
        await enterprise.FillAsync("#legalRepName", "李明");
        await enterprise.FillAsync("#legalRepId", "371602199003151236");
        await enterprise.FillAsync("#address", "滨州市滨城区黄河五路 597 号");
        foreach (var code in new[] { "application", "businessLicense", "premises", "healthCert" })
        {
            await enterprise.SetInputFilesAsync($"#file-{code}", material);
        }

        await enterprise.ClickAsync("[data-testid=submit-online]");
        await enterprise.Locator("[data-testid=form-message]").WaitForAsync();
        var refusal = await enterprise.TextContentAsync("[data-testid=form-message]");
        Assert.Contains("行业禁入", refusal, StringComparison.Ordinal);
        Assert.Contains(number, refusal, StringComparison.Ordinal);
        Assert.Contains("过期原料", refusal, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(enterprise, "supervision-ban-refusal");
        File.Delete(material);

        // The supervision pages, on a desktop and a phone.
        var axe = await IndependentVerifiers.AxeScriptAsync();
        var findings = new List<string>();
        var desk = await AxeAudit.NewPageAsync(fixture, desktop: true);
        await BrowserFixture.SignInAsync(desk, "inspector.scj");
        var item = new Uri(inspector.Url).AbsolutePath;
        foreach (var path in new[] { "/supervision", item, "/supervision/board", "/post-checks" })
        {
            findings.AddRange(await AxeAudit.RunAsync(desk, axe, path));
        }

        var phone = await AxeAudit.NewPageAsync(fixture, desktop: false);
        await BrowserFixture.SignInAsync(phone, "supervisor");
        foreach (var path in new[] { "/supervision", "/supervision/board" })
        {
            findings.AddRange(await AxeAudit.RunAsync(phone, axe, path));
        }

        Assert.True(findings.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", findings));
    }
}
