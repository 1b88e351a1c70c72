using Microsoft.Playwright;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 6, must-show 5: the applicant fills one 企业开办 form online (each field once, one upload per
/// material for all five items), and a clerk at a general counter accepts the whole bundle at once.
/// </summary>
public sealed class BundlePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_applicant_fills_one_bundle_form_and_a_clerk_accepts_it_at_a_general_counter()
    {
        var material = Path.Combine(Path.GetTempPath(), $"onewindow-bundle-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(material, "%PDF-1.4\n% 企业开办一件事材料\n"u8.ToArray());

        var enterprise = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(enterprise, "enterprise");
        await enterprise.GotoAsync("/bundles");
        await enterprise.ClickAsync("[data-testid=bundle-list] >> text=企业开办一件事");
        Assert.Equal(5, await enterprise.Locator("[data-testid=bundle-items] tbody tr").CountAsync());
        Assert.Contains("免提交", await enterprise.TextContentAsync("[data-testid=bundle-materials]"), StringComparison.Ordinal);
        await enterprise.ClickAsync("[data-testid=bundle-apply]");

        // One form: every field name appears once, and what the account knows is filled in already.
        var names = await enterprise.Locator("#form-h ~ * [name]").EvaluateAllAsync<string[]>("els => els.map(e => e.name)");
        Assert.NotEmpty(names);
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal("滨州市黄河餐饮管理有限公司", await enterprise.InputValueAsync("#enterpriseName"));
        Assert.Equal("91371602MA3C8K2L6B", await enterprise.InputValueAsync("#uscc"));
        await enterprise.SelectOptionAsync("#enterpriseType", "有限责任公司");
        await enterprise.FillAsync("#registeredCapital", "100");
        await enterprise.FillAsync("#legalRepName", "李明");
        await enterprise.FillAsync("#legalRepId", "371602199003151236");
        await enterprise.FillAsync("#address", "滨州市滨城区黄河五路 597 号");
        await enterprise.FillAsync("#businessScope", "餐饮服务；食品销售");
        // The 营业执照 the seal, tax, social security and housing fund items need comes from the registration in the bundle.
        Assert.Equal(0, await enterprise.Locator("#file-businessLicense").CountAsync());
        await enterprise.SetInputFilesAsync("#file-application", material);
        await enterprise.SetInputFilesAsync("#file-articles", material);
        await enterprise.SetInputFilesAsync("#file-premises", material);
        await BrowserFixture.ScreenshotAsync(enterprise, "bundle-form");
        await enterprise.ClickAsync("[data-testid=submit-online]");
        await enterprise.Locator("[data-testid=bundle-number]").WaitForAsync();
        Assert.Equal("待受理", (await enterprise.TextContentAsync("[data-testid=bundle-status]"))!.Trim());
        Assert.Equal(5, await enterprise.Locator("[data-testid=sub-cases] tbody tr").CountAsync());
        var number = (await enterprise.TextContentAsync("[data-testid=bundle-number]"))!.Trim();

        // Any general counter: the clerk finds it and accepts all five items at once.
        var clerk = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(clerk, "clerk");
        await clerk.GotoAsync("/bundle-applications?q=" + number);
        await clerk.ClickAsync($"[data-testid=bundle-applications] >> text={number}");
        await clerk.ClickAsync("[data-testid=bundle-accept]");
        await clerk.Locator("[data-testid=message]").WaitForAsync();
        Assert.Equal("办理中", (await clerk.TextContentAsync("[data-testid=bundle-status]"))!.Trim());
        var states = await clerk.Locator("[data-testid=sub-case-status]").AllTextContentsAsync();
        Assert.Equal(5, states.Count);
        Assert.All(states, s => Assert.Equal("已受理", s.Trim()));
        Assert.Contains("承诺", await clerk.TextContentAsync("[data-testid=bundle-deadline]"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(clerk, "bundle-accepted");

        await enterprise.ReloadAsync();
        Assert.Equal("办理中", (await enterprise.TextContentAsync("[data-testid=bundle-status]"))!.Trim());
        Assert.Contains("证照联发", await enterprise.TextContentAsync("[data-testid=no-licenses]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_defines_a_bundle_and_sees_what_merging_made_of_it()
    {
        var admin = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin");
        await admin.GotoAsync("/admin/bundles/new");
        await admin.FillAsync("#code", "KCG");
        await admin.FillAsync("#name", "开餐馆一件事");
        await admin.FillAsync("#items", "XK-SCJ-001\nXK-SCJ-008");
        await admin.FillAsync("#days", "5");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        // The lead department was left out: the page says so and keeps what was typed.
        await admin.Locator("[data-testid=message]").WaitForAsync();
        Assert.Contains("牵头部门", await admin.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        Assert.Equal("开餐馆一件事", await admin.InputValueAsync("#name"));
        await admin.FillAsync("#lead", "371600-SCJ");
        await admin.CheckAsync("input[name=Issuance][value=Joint]");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await admin.Locator("[data-testid=message]").WaitForAsync();
        var saved = await admin.TextContentAsync("[data-testid=message]");
        Assert.True(saved!.Contains("已保存", StringComparison.Ordinal), saved);
        Assert.Contains("开餐馆一件事", await admin.TextContentAsync("[data-testid=admin-bundles]"), StringComparison.Ordinal);

        await admin.GotoAsync("/bundles/KCG");
        Assert.Equal(2, await admin.Locator("[data-testid=bundle-items] tbody tr").CountAsync());
    }
}
