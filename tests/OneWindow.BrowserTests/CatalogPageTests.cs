using Microsoft.Playwright;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>A citizen finds an item, reads its guide with samples (样板间), downloads the blank form, checks a form.</summary>
public sealed class CatalogPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Search_food_open_the_guide_see_a_sample_and_download_the_blank_form()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#q", "食品");
        await page.PressAsync("#q", "Enter");
        await page.Locator("[data-testid=item-results]").WaitForAsync();
        await page.ClickAsync("[data-testid=item-results] >> text=食品经营许可（新办）");
        await page.Locator("[data-testid=item-name]").WaitForAsync();
        Assert.EndsWith("/guide/XK-SCJ-005", page.Url, StringComparison.Ordinal);
        Assert.Equal("食品经营许可（新办）", (await page.TextContentAsync("[data-testid=item-name]"))?.Trim());
        Assert.Contains("5 个工作日", await page.TextContentAsync("[data-testid=basics]"), StringComparison.Ordinal);
        Assert.Contains("免提交", await page.TextContentAsync("[data-testid=materials]"), StringComparison.Ordinal);

        var thumbnail = page.Locator("[data-testid=sample-thumbnail]").First;
        await thumbnail.ScrollIntoViewIfNeededAsync();
        var width = await thumbnail.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(width > 100, "the sample image did not load");
        await BrowserFixture.ScreenshotAsync(page, "guide-food-licence");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=blank-form] >> nth=0"));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var head = new byte[4];
        await using (var stream = File.OpenRead(path!))
        {
            await stream.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(head));
    }

    [Fact]
    public async Task The_form_from_the_schema_explains_bad_fields_in_chinese_without_javascript()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/guide/XK-SCJ-005/form");
        await page.FillAsync("#enterpriseName", "滨州市黄河餐饮管理有限公司");
        await page.FillAsync("#uscc", "91371602MA3C8K2L6C");
        await page.FillAsync("#mobile", "12345");
        await page.ClickAsync("button[type=submit]");
        var uscc = await page.Locator("[data-field=uscc]").AllTextContentsAsync();
        Assert.Contains(uscc, e => e.Contains("校验码不正确", StringComparison.Ordinal));
        Assert.Contains(await page.Locator("[data-field=legalRepName]").AllTextContentsAsync(), e => e.Contains("请填写", StringComparison.Ordinal));
        Assert.Equal("滨州市黄河餐饮管理有限公司", await page.InputValueAsync("#enterpriseName"));

        await page.FillAsync("#uscc", "91371602MA3C8K2L6B");
        await page.FillAsync("#mobile", "13805431234");
        await page.FillAsync("#legalRepName", "李明");
        await page.FillAsync("#legalRepId", "371602199003151236");
        await page.FillAsync("#address", "滨州市黄河五路 597 号");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("表单填写无误", await page.TextContentAsync("[data-testid=form-ok]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_imports_the_catalogue_and_watches_the_progress_page_until_it_is_done()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin");
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);

        var export = await page.APIRequest.GetAsync("/api/v1/catalog/export?format=csv");
        var file = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, await export.BodyAsync());

        await page.GotoAsync("/admin/items");
        await page.SetInputFilesAsync("input[name=file]", file);
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.Locator("[data-testid=import-job]").WaitForAsync();
        // The page refreshes itself each second until the job has finished.
        await page.WaitForSelectorAsync("[data-testid=import-job][data-status=Succeeded]", new PageWaitForSelectorOptions { Timeout = 20000 });
        Assert.Contains("未变化", await page.TextContentAsync("[data-testid=import-status]"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "catalogue-import");
        File.Delete(file);
    }

    [Fact]
    public async Task An_admin_edits_an_item_into_a_new_version_and_publishes_it()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin");
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/admin/items/XK-WJW-005/edit");
        await page.FillAsync("#committedDays", "8");
        await page.FillAsync("#materials", "[ not json");
        await page.ClickAsync("text=保存草稿");
        Assert.Contains("JSON 格式有误", await page.TextContentAsync("[data-testid=edit-errors]"), StringComparison.Ordinal);

        await page.GotoAsync("/admin/items/XK-WJW-005/edit");
        await page.FillAsync("#committedDays", "8");
        await page.ClickAsync("text=保存草稿");
        Assert.Contains("第 2 版草稿", await page.TextContentAsync("[data-testid=saved]"), StringComparison.Ordinal);
        await page.GotoAsync("/guide/XK-WJW-005");
        Assert.Contains("10 个工作日", await page.TextContentAsync("[data-testid=basics]"), StringComparison.Ordinal);

        await page.GotoAsync("/admin/items/XK-WJW-005/edit");
        await page.ClickAsync("text=发布草稿");
        Assert.Contains("已发布第 2 版", await page.TextContentAsync("[data-testid=saved]"), StringComparison.Ordinal);
        Assert.Contains("已被取代", await page.TextContentAsync("[data-testid=versions]"), StringComparison.Ordinal);
        await page.GotoAsync("/guide/XK-WJW-005");
        Assert.Contains("8 个工作日", await page.TextContentAsync("[data-testid=basics]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Life_event_themes_narrow_the_search()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("text=开诊所");
        await page.Locator("[data-testid=item-results]").WaitForAsync();
        var results = await page.TextContentAsync("[data-testid=item-results]");
        Assert.Contains("口腔诊所执业备案", results, StringComparison.Ordinal);
        Assert.DoesNotContain("结婚登记", results, StringComparison.Ordinal);
    }
}
