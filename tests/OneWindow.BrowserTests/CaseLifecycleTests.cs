using Microsoft.Playwright;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 4, must-show 1 through the pages: a clerk takes an application at a general counter and
/// accepts it, the department's approver approves it with an opinion, the clerk completes it, and
/// the citizen follows every step in their portal.
/// </summary>
public sealed class CaseLifecycleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task<string> StatusAsync(IPage page) => (await page.TextContentAsync("[data-testid=case-status]"))!.Trim();

    [Fact]
    public async Task A_clerk_accepts_at_the_counter_an_approver_approves_the_clerk_completes_and_the_citizen_sees_each_step()
    {
        var material = Path.Combine(Path.GetTempPath(), $"onewindow-material-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(material, "%PDF-1.4\n% 个体工商户设立登记申请书\n"u8.ToArray());

        // The clerk at a general counter: 个体工商户设立登记 for 李明, with the checklist's materials scanned in.
        var clerk = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(clerk, "clerk");
        await clerk.GotoAsync("/cases/new/XK-SCJ-004");

        // The desk's ID card reader types the card into its box; 读卡填入 fills the applicant block, and the form's own
        // name, ID and phone fields are not asked again: they come from the applicant block.
        await clerk.FillAsync("[data-testid=card-reading]", "不是身份证");
        await clerk.ClickAsync("[data-testid=read-card]");
        Assert.Contains("未能识别读卡器的输出", await clerk.TextContentAsync("[data-testid=form-message]"), StringComparison.Ordinal);
        await clerk.FillAsync("[data-testid=card-reading]", "李明\t男\t汉\t19900315\t山东省滨州市滨城区黄河五路597号\t371602199003151236\t滨州市公安局滨城分局\t2020.01.01-2040.01.01");
        await clerk.ClickAsync("[data-testid=read-card]");
        await clerk.Locator("[data-testid=form-info]").WaitForAsync();
        Assert.Equal("李明", await clerk.InputValueAsync("#applicant-name"));
        Assert.Equal("371602199003151236", await clerk.InputValueAsync("#applicant-code"));
        Assert.Equal("person", await clerk.InputValueAsync("#kind"));
        foreach (var asked in new[] { "applicantName", "residentId", "mobile" })
        {
            Assert.Equal(0, await clerk.Locator("#" + asked).CountAsync());
            Assert.Equal(1, await clerk.Locator($"[data-answered={asked}]").CountAsync());
        }

        await clerk.FillAsync("#applicant-mobile", "13805431234");
        await clerk.FillAsync("#address", "滨州市滨城区黄河五路 597 号");
        await clerk.SetInputFilesAsync("#file-application", material);

        // Accepting needs every required material scanned first: nothing is created without them.
        await clerk.ClickAsync("[data-testid=submit-accept]");
        await clerk.Locator("[data-testid=form-message]").WaitForAsync();
        Assert.Contains("受理前请扫描上传「经营场所使用证明", await clerk.TextContentAsync("[data-testid=form-message]"), StringComparison.Ordinal);
        Assert.Equal(1, await clerk.Locator("input[name='kept.application']").CountAsync());
        await clerk.SetInputFilesAsync("#file-premises", material);
        await BrowserFixture.ScreenshotAsync(clerk, "counter-intake");
        await clerk.ClickAsync("[data-testid=submit-accept]");
        await clerk.Locator("[data-testid=case-number]").WaitForAsync();
        Assert.Equal("已受理", await StatusAsync(clerk));
        Assert.Contains("已受理", await clerk.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        var number = (await clerk.TextContentAsync("[data-testid=case-number]"))!.Trim();
        var caseUrl = new Uri(clerk.Url).AbsolutePath;

        // The 受理通知书 is issued right after acceptance; the case page lists it, and its link is the sealed PDF to print.
        for (var tries = 0; tries < 60 && await clerk.Locator("[data-testid=notices] a:has-text('受理通知书')").CountAsync() == 0; tries++)
        {
            await Task.Delay(500);
            await clerk.ReloadAsync();
        }

        var notice = clerk.Locator("[data-testid=notices] a:has-text('受理通知书')");
        var pdf = await clerk.Context.APIRequest.GetAsync((await notice.GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        // The citizen sees it in their portal, accepted, with a due date.
        var citizen = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(citizen, "citizen");
        await citizen.ClickAsync("[data-testid=nav-my-cases]");
        await citizen.Locator($"[data-testid=case-list] >> text={number}").ClickAsync();
        await citizen.Locator("[data-testid=case-status]").WaitForAsync();
        Assert.Equal("已受理", await StatusAsync(citizen));
        Assert.Contains("承诺", await citizen.TextContentAsync("[data-testid=deadline]"), StringComparison.Ordinal);
        Assert.Equal(0, await citizen.Locator("[data-testid=decision-form]").CountAsync());

        // The approver of the owning department finds it in their queue and approves with an opinion (独任审批).
        var approver = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(approver, "approver.scj");
        await approver.GotoAsync("/workbench/cases?view=todo&q=" + number);
        await approver.Locator($"[data-testid=case-list] >> text={number}").ClickAsync();
        await approver.Locator("[data-testid=decision-form]").WaitForAsync();
        await approver.FillAsync("#approve-opinion", "经营场所证明齐全，准予登记。");
        await BrowserFixture.ScreenshotAsync(approver, "approval");
        await approver.ClickAsync("[data-testid=act-approve]");
        await approver.Locator("[data-testid=message]").WaitForAsync();
        Assert.Equal("准予许可", await StatusAsync(approver));

        await citizen.ReloadAsync();
        Assert.Equal("准予许可", await StatusAsync(citizen));
        Assert.Contains("经营场所证明齐全", await citizen.TextContentAsync("[data-testid=opinions]"), StringComparison.Ordinal);

        // The unified window (统一出件): the clerk opens the case again and completes it, by post.
        await clerk.GotoAsync(caseUrl);
        await clerk.CheckAsync("input[name=delivery][value=post]");
        await clerk.ClickAsync("[data-testid=act-complete]");
        await clerk.Locator("[data-testid=message]").WaitForAsync();
        Assert.Equal("办结（准予许可）", await StatusAsync(clerk));

        await citizen.ReloadAsync();
        Assert.Equal("办结（准予许可）", await StatusAsync(citizen));
        var steps = await citizen.Locator("[data-testid=steps] li.done").AllTextContentsAsync();
        Assert.Equal(["提交", "受理", "审批决定", "办结"], steps.Select(s => s.Trim()));
        var timeline = await citizen.TextContentAsync("[data-testid=timeline]");
        foreach (var step in new[] { "提交申请", "受理", "准予许可", "办结出件" })
        {
            Assert.Contains(step, timeline, StringComparison.Ordinal);
        }

        await BrowserFixture.ScreenshotAsync(citizen, "citizen-case-completed");
        File.Delete(material);
    }

    [Fact]
    public async Task A_material_shown_as_free_of_proof_is_asked_for_at_once_when_no_licence_stands_in_for_it()
    {
        // The demo enterprise holds no business licence in the library: the guide says 持证免提交, the form says it was not
        // found, and submitting without it names it rather than leaving it to be demanded at acceptance.
        var enterprise = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(enterprise, "enterprise");
        await enterprise.GotoAsync("/guide/XK-SCJ-005");
        Assert.Contains("持证免提交", await enterprise.TextContentAsync("[data-material=businessLicense]"), StringComparison.Ordinal);
        await enterprise.GotoAsync("/cases/new/XK-SCJ-005");
        Assert.Contains("未找到您有效的「营业执照」", await enterprise.TextContentAsync("[data-testid=not-held-businessLicense]"), StringComparison.Ordinal);
        await enterprise.ClickAsync("[data-testid=submit-online]");
        await enterprise.Locator("[data-testid=form-message]").WaitForAsync();
        Assert.Contains("未在电子证照库找到申请人有效的「营业执照」", await enterprise.TextContentAsync("[data-testid=form-message]"), StringComparison.Ordinal);
        Assert.Contains("/cases/new/XK-SCJ-005", enterprise.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_officers_on_the_same_case_one_wins_and_the_other_is_told_it_changed()
    {
        var material = Path.Combine(Path.GetTempPath(), $"onewindow-material-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(material, "%PDF-1.4\n% 申请书\n"u8.ToArray());
        var citizen = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(citizen, "citizen");
        await citizen.GotoAsync("/cases/new/XK-SCJ-004");
        // Online, the applicant is the account holder and the form starts from what the account knows.
        Assert.Equal("371602199003151236", await citizen.InputValueAsync("#residentId"));
        await citizen.FillAsync("#address", "滨州市滨城区渤海七路 1 号");
        await citizen.SetInputFilesAsync("#file-application", material);
        await citizen.SetInputFilesAsync("#file-premises", material);
        await citizen.ClickAsync("[data-testid=submit-online]");
        await citizen.Locator("[data-testid=case-number]").WaitForAsync();
        Assert.Equal("已提交", await StatusAsync(citizen));
        var caseUrl = new Uri(citizen.Url).AbsolutePath;

        var first = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(first, "clerk");
        await first.GotoAsync(caseUrl);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(caseUrl);

        await first.ClickAsync("[data-testid=act-accept]");
        await first.Locator("[data-testid=message]").WaitForAsync();
        await second.ClickAsync("[data-testid=act-accept]");
        await second.Locator("[data-testid=problem]").WaitForAsync();
        Assert.Contains("请刷新", await second.TextContentAsync("[data-testid=problem]"), StringComparison.Ordinal);
        File.Delete(material);
    }
}
