using Microsoft.Playwright;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 6 through the pages: the project steward applies for a construction project's first stage from
/// the project page, a clerk accepts it, the steward arranges a site inspection that stops the clocks,
/// the invited departments record their opinions and the steward concludes it.
/// </summary>
public sealed class ProjectPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_steward_applies_for_a_stage_and_runs_a_site_inspection_from_the_project_page()
    {
        var material = Path.Combine(Path.GetTempPath(), $"onewindow-project-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(material, "%PDF-1.4\n% 项目材料\n"u8.ToArray());

        var steward = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(steward, "steward");
        await steward.GotoAsync("/projects?q=2611-371600-04-01-000002");
        await steward.ClickAsync("[data-testid=project-list] >> text=绳网制品智能制造产业园（一期）");
        Assert.Contains("0 / 45", await steward.TextContentAsync("[data-testid=project-clock]"), StringComparison.Ordinal);
        var projectUrl = new Uri(steward.Url).AbsolutePath;

        // Only what the project does not already say is asked: the project type, and the materials.
        Assert.Equal(0, await steward.Locator("[data-testid=stage-apply] #projectName").CountAsync());
        await steward.SelectOptionAsync("[data-testid=stage-apply] #projectType", new SelectOptionValue { Index = 1 });
        foreach (var input in await steward.Locator("[data-testid=stage-apply] input[type=file]").AllAsync())
        {
            await input.SetInputFilesAsync(material);
        }

        await steward.ClickAsync("[data-testid=stage-apply] button[type=submit]");
        await steward.Locator("[data-testid=bundle-number]").WaitForAsync();
        Assert.Equal("待受理", (await steward.TextContentAsync("[data-testid=bundle-status]"))!.Trim());
        var bundleUrl = new Uri(steward.Url).AbsolutePath;

        var clerk = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(clerk, "clerk");
        await clerk.GotoAsync(bundleUrl);
        await clerk.ClickAsync("[data-testid=bundle-accept]");
        await clerk.Locator("[data-testid=message]").WaitForAsync();

        // A site inspection for both items: their clocks stop until it concludes.
        await steward.GotoAsync(projectUrl);
        await steward.SelectOptionAsync("select[name=kind]", "siteVisit");
        await steward.FillAsync("input[name=title]", "用地现场踏勘");
        await steward.FillAsync("input[name=scheduledOn]", fixture.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await steward.GetByRole(AriaRole.Button, new() { Name = "安排（所涉事项暂停计时）" }).ClickAsync();
        await steward.Locator("[data-testid=message]").WaitForAsync();
        Assert.Equal(2, await steward.Locator("text=特别程序中，暂停计时").CountAsync());

        var officer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(officer, "reviewer.zrj");
        await officer.GotoAsync(projectUrl);
        await officer.FillAsync("input[name=opinion]", "选址符合国土空间规划，用地边界清楚");
        await officer.SetInputFilesAsync("input[name=photos]", material);
        await officer.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await officer.Locator("[data-testid=message]").WaitForAsync();

        await steward.ReloadAsync();
        await steward.FillAsync("input[name=conclusion]", "踏勘通过，按程序办理");
        await steward.GetByRole(AriaRole.Button, new() { Name = "形成结论" }).ClickAsync();
        await steward.Locator("[data-testid=message]").WaitForAsync();
        Assert.Contains("踏勘通过", await steward.TextContentAsync("[data-review]"), StringComparison.Ordinal);
        Assert.Equal(0, await steward.Locator("text=特别程序中，暂停计时").CountAsync());
        await BrowserFixture.ScreenshotAsync(steward, "project");
    }

    [Fact]
    public async Task A_clerk_registers_a_project_and_its_risk_class_sets_the_limit()
    {
        var clerk = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(clerk, "clerk");
        await clerk.GotoAsync("/projects");
        Assert.Contains("100%", await clerk.TextContentAsync("[data-testid=steward-report]"), StringComparison.Ordinal);
        await clerk.ClickAsync("[data-testid=project-new]");
        await clerk.FillAsync("#code", "2611-371600-04-01-000123");
        await clerk.FillAsync("#name", "滨州港物流仓储中心");
        await clerk.FillAsync("#ownerName", "滨州市黄河餐饮管理有限公司");
        await clerk.FillAsync("#ownerUscc", "91371602MA3C8K2L6X");
        await clerk.FillAsync("#ownerMobile", "15305431111");
        await clerk.FillAsync("#location", "滨州港经济开发区");
        await clerk.FillAsync("#investment", "12000");
        await clerk.SelectOptionAsync("#riskClass", "Industrial");
        await clerk.SelectOptionAsync("#steward", "steward");
        await clerk.ClickAsync("[data-testid=project-save]");
        // A wrong check character in the credit code is named; everything typed stays.
        await clerk.Locator("[data-testid=form-message]").WaitForAsync();
        Assert.Equal("滨州港物流仓储中心", await clerk.InputValueAsync("#name"));
        await clerk.FillAsync("#ownerUscc", "91371602MA3C8K2L6B");
        await clerk.ClickAsync("[data-testid=project-save]");
        await clerk.Locator("[data-testid=project-clock]").WaitForAsync();
        Assert.Contains("0 / 45", await clerk.TextContentAsync("[data-testid=project-clock]"), StringComparison.Ordinal);
        Assert.Equal("赵管家（项目管家）", (await clerk.TextContentAsync("[data-testid=steward]"))!.Trim());
    }
}
