using Microsoft.Playwright;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>What a person sees in the browser: sign-in, the workbench, the home page search, the guards.</summary>
public sealed class ShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clerk_signs_in_and_sees_the_workbench()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "clerk");
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);
        Assert.Equal("刘窗口", (await page.TextContentAsync("[data-testid=signed-in-as]"))?.Trim());
        var who = await page.TextContentAsync("[data-testid=who]");
        Assert.Contains("综合窗口受理员", who, StringComparison.Ordinal);
        Assert.Contains("滨州市行政审批服务局", who, StringComparison.Ordinal);
        Assert.Contains("综合受理", await page.TextContentAsync("[data-testid=abilities]"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "clerk-workbench");

        await page.ClickAsync("header button:has-text('退出')");
        await page.Locator("header a:has-text('登录')").WaitForAsync();
        Assert.Equal(fixture.BaseUrl + "/", page.Url);
        var again = await page.GotoAsync("/workbench");
        Assert.Contains("/account/login", again!.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_explained_in_chinese()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", "clerk");
        await page.FillAsync("#password", "not-the-password1");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("用户名或密码错误", (await page.TextContentAsync("[data-testid=login-error]"))?.Trim());
    }

    [Fact]
    public async Task A_citizen_searches_the_home_page()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "citizen");
        Assert.Equal(fixture.BaseUrl + "/", page.Url);
        await page.FillAsync("#q", "营业执照");
        await page.PressAsync("#q", "Enter");
        await page.Locator("[data-testid=item-results]").WaitForAsync();
        var results = await page.TextContentAsync("[data-testid=item-results]");
        Assert.Contains("企业设立登记", results, StringComparison.Ordinal);
        Assert.Contains("滨州市市场监督管理局", results, StringComparison.Ordinal);
        Assert.Matches("共找到 [1-9][0-9]* 个事项", await page.TextContentAsync("[data-testid=result-count]"));
        await BrowserFixture.ScreenshotAsync(page, "citizen-search");
    }

    [Fact]
    public async Task A_citizen_is_turned_away_from_staff_pages()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "citizen");
        Assert.Equal(fixture.BaseUrl + "/", page.Url);
        var response = await page.GotoAsync("/workbench");
        Assert.Equal(403, response!.Status);
        Assert.Contains("没有权限", await page.TextContentAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("a[href='/workbench']").CountAsync());
    }

    [Fact]
    public async Task Registration_explains_a_wrong_id_number_field_by_field_without_javascript()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.FillAsync("#userName", "wang.fang");
        await page.FillAsync("#password", "Password123");
        await page.FillAsync("#name", "王芳");
        await page.FillAsync("#identityCode", "371602199003151235");
        await page.FillAsync("#mobile", "13812345678");
        await page.ClickAsync("button[type=submit]");
        var errors = await page.Locator("[data-testid=field-error]").AllTextContentsAsync();
        Assert.Contains(errors, e => e.Contains("校验码不正确", StringComparison.Ordinal));
        Assert.Equal("王芳", await page.InputValueAsync("#name"));
    }

    [Fact]
    public async Task A_new_account_is_told_to_verify_its_identity_and_a_clerk_verifies_it_at_the_counter_without_javascript()
    {
        var id = OneWindow.Tests.Infrastructure.People.ResidentId();
        var userName = "zhao" + Guid.NewGuid().ToString("N")[..6];
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Password123");
        await page.FillAsync("#name", "赵新");
        await page.FillAsync("#identityCode", id);
        await page.FillAsync("#mobile", "13812345678");
        await page.ClickAsync("button[type=submit]");
        Assert.EndsWith("/account/identity", page.Url, StringComparison.Ordinal);
        Assert.Contains("尚未核验", await page.TextContentAsync("main"), StringComparison.Ordinal);

        // Nobody filed anything at a counter under this number yet: no SMS, the page says where to go instead.
        await page.ClickAsync("[data-testid=send-sms]");
        Assert.Contains("综合窗口", await page.TextContentAsync("[data-testid=identity-error]"), StringComparison.Ordinal);

        var clerk = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(clerk, "clerk");
        await clerk.ClickAsync("nav >> text=实名核验");
        await clerk.FillAsync("#userName", userName);
        await clerk.FillAsync("#identityCode", id);
        await clerk.ClickAsync("[data-testid=counter-verify]");
        await clerk.Locator("[data-testid=counter-verified]").WaitForAsync();

        await page.GotoAsync("/account/identity");
        Assert.Contains("窗口现场核验", await page.TextContentAsync("[data-testid=identity-verified]"), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_sees_the_year_with_holidays_and_make_up_days_marked()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin");
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("nav >> text=工作日历");
        await page.GotoAsync("/admin/calendar/2026");
        Assert.True(await page.Locator("[data-testid=months] td.ow-off").CountAsync() >= 30);
        Assert.Equal(6, await page.Locator("[data-testid=months] td.ow-makeup").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "admin-calendar");
    }
}
