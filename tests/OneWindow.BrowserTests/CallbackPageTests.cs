using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 22 through the pages: the city's callback agent works through the morning's list (the demo's services of the
/// previous working day) — a citizen not reached, one reached and dissatisfied — and the 不满意 becomes a rectification that
/// the supervisor verifies and assigns and the department's head rectifies and closes. A 办不成事 report is made on the
/// portal. axe finds nothing serious on the new pages.
/// </summary>
public sealed class CallbackPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_works_through_the_mornings_list_and_the_department_closes_the_rectification_it_opened()
    {
        var agent = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(agent, "callback");
        await agent.GotoAsync("/callbacks");
        var rows = agent.Locator("[data-testid=callbacks] tbody tr[data-id]");
        Assert.True(await rows.CountAsync() >= 10, "the demo's first list holds the previous working day's services");

        // A hall service: nobody answers; the task stays on the list with one try counted.
        var ticket = rows.Filter(new() { HasText = "市民服务中心 A00" }).First;
        await ticket.Locator("a").ClickAsync();
        await agent.CheckAsync("input[name=outcome][value=NoAnswer]");
        await agent.ClickAsync("[data-testid=script] button");
        Assert.Contains("无人接听", await agent.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);

        // A case: reached, unhappy with the attitude and the speed; the answers become a 回访 rating and a rectification.
        await rows.Filter(new() { HasText = "企业设立登记" }).First.Locator("a").ClickAsync();
        Assert.Contains("企业设立登记", await agent.TextContentAsync("[data-testid=service]"), StringComparison.Ordinal);
        Assert.Matches(@"^1\d{10}$", (await agent.TextContentAsync("[data-testid=phone]"))!.Trim());
        await agent.CheckAsync("input[name=outcome][value=Reached]");
        await agent.SelectOptionAsync("select[name=attitude]", "2");
        await agent.SelectOptionAsync("select[name=process]", "3");
        await agent.SelectOptionAsync("select[name=efficiency]", "2");
        await agent.SelectOptionAsync("select[name=doneInOneVisit]", "false");
        await agent.FillAsync("textarea[name=comment]", "窗口让我跑了两趟才办完");
        await agent.ClickAsync("[data-testid=script] button");
        Assert.Contains("已生成整改", await agent.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        Assert.Contains("已回访", await rows.Filter(new() { HasText = "企业设立登记" }).First.TextContentAsync(), StringComparison.Ordinal);

        // The supervisor verifies it and assigns it to 市场监管局 for five working days.
        var supervisor = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(supervisor, "supervisor");
        await supervisor.GotoAsync("/rectifications?source=callback");
        var row = supervisor.Locator("[data-testid=rectifications] tbody tr", new() { HasText = "企业设立登记" });
        Assert.Contains("待核实", await row.TextContentAsync(), StringComparison.Ordinal);
        await row.Locator("input[name=note]").FillAsync("调取受理记录，确需两次到场，属实");
        await row.Locator("button").ClickAsync();
        row = supervisor.Locator("[data-testid=rectifications] tbody tr", new() { HasText = "企业设立登记" });
        Assert.Contains("待交办", await row.TextContentAsync(), StringComparison.Ordinal);
        await row.Locator("select[name=department]").SelectOptionAsync("371600-SCJ");
        await row.Locator("input[name=person]").FillAsync("孙局长");
        await row.Locator("input[name=note]").FillAsync("请市场监管局梳理一次性告知清单");
        await row.Locator("button").ClickAsync();
        Assert.Contains("整改中", await supervisor.TextContentAsync("[data-testid=rectifications]"), StringComparison.Ordinal);

        // The department's head rectifies and tells the citizen, who is satisfied: closed.
        var head = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(head, "head.scj");
        await head.GotoAsync("/rectifications");
        row = head.Locator("[data-testid=rectifications] tbody tr", new() { HasText = "企业设立登记" });
        await row.Locator("input[name=note]").FillAsync("修订企业设立登记一次性告知清单，窗口人员培训");
        await row.Locator("button").ClickAsync();
        row = head.Locator("[data-testid=rectifications] tbody tr", new() { HasText = "企业设立登记" });
        Assert.Contains("待反馈", await row.TextContentAsync(), StringComparison.Ordinal);
        await row.Locator("input[name=note]").FillAsync("已电话告知整改情况");
        await row.Locator("select[name=satisfied]").SelectOptionAsync("true");
        await row.Locator("button").ClickAsync();
        await head.GotoAsync("/rectifications?status=all&source=callback");
        Assert.Contains("已反馈办结", await head.Locator("[data-testid=rectifications] tbody tr", new() { HasText = "企业设立登记" }).TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(agent, "callback-console");
    }

    [Fact]
    public async Task A_citizen_reports_what_could_not_be_done_and_the_callback_pages_have_no_serious_accessibility_problems()
    {
        var citizen = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(citizen, "citizen2");
        await citizen.GotoAsync("/unresolved");
        await citizen.FillAsync("input[name='Input.Site']", "滨城区政务服务中心");
        await citizen.FillAsync("textarea[name='Input.WhatHappened']", "窗口说要社区开具的居住证明，社区说不开这种证明");
        await citizen.FillAsync("textarea[name='Input.Want']", "希望告诉我到底要什么材料");
        await citizen.ClickAsync("[data-testid=report-form] button");
        Assert.Contains("已登记办不成事诉求 BS-", await citizen.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        Assert.Contains("待接单", await citizen.TextContentAsync("[data-testid=reports]"), StringComparison.Ordinal);

        var axe = await IndependentVerifiers.AxeScriptAsync();
        var findings = new List<string>();
        var agent = await AxeAudit.NewPageAsync(fixture, desktop: true);
        await BrowserFixture.SignInAsync(agent, "callback2");
        await agent.GotoAsync("/callbacks");
        var task = await agent.GetAttributeAsync("[data-testid=callbacks] tbody tr[data-id]", "data-id");
        foreach (var path in new[] { "/callbacks", $"/callbacks/{task}", "/callbacks/report" })
        {
            findings.AddRange(await AxeAudit.RunAsync(agent, axe, path));
        }

        await agent.GotoAsync("/callbacks/report");
        await agent.WaitForFunctionAsync("() => document.body.dataset.chartsReady === '1'");
        var guide = await AxeAudit.NewPageAsync(fixture, desktop: false);
        await BrowserFixture.SignInAsync(guide, "guide");
        foreach (var path in new[] { "/unresolved", "/reverse-experiences", "/rectifications" })
        {
            findings.AddRange(await AxeAudit.RunAsync(guide, axe, path));
        }

        var phone = await AxeAudit.NewPageAsync(fixture, desktop: false);
        await BrowserFixture.SignInAsync(phone, "citizen");
        findings.AddRange(await AxeAudit.RunAsync(phone, axe, "/unresolved"));
        Assert.True(findings.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", findings));
    }
}
