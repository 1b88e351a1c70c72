using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 21 through the pages: the agent console takes a call (the caller's history and the 知识库 beside it) and dispatches
/// it on the suggestion; the county department signs and replies from its inbox; the agent accepts and the order is closed.
/// A confidential order never shows its caller to the department, on the pages or in the export. axe finds nothing serious
/// on the hotline's pages.
/// </summary>
public sealed class HotlinePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_agent_takes_and_dispatches_a_call_the_department_signs_and_replies_and_the_agent_closes_it()
    {
        var phone = People.Mobile();
        var agent = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(agent, "hotline");
        await agent.GotoAsync("/hotline/new");
        await agent.FillAsync("[data-testid=lookup-phone]", phone);
        await agent.ClickAsync("[data-testid=lookup] button");
        Assert.Contains("没有工单记录", await agent.TextContentAsync("[data-testid=history]"), StringComparison.Ordinal);
        await agent.FillAsync("[data-testid=knowledge] input[name=q]", "电梯困人");
        await agent.ClickAsync("[data-testid=knowledge] button");
        Assert.Contains("电梯故障困人怎么办", await agent.TextContentAsync("[data-testid=knowledge]"), StringComparison.Ordinal);

        // The form keeps the phone looked up; a missing category is named, nothing is taken.
        Assert.Equal(phone, await agent.InputValueAsync("#Phone"));
        await agent.FillAsync("#Name", "孙来电");
        await agent.FillAsync("#Text", "小区 3 号楼电梯停运三天，老人上下楼困难，物业不处理。");
        await agent.FillAsync("#Address", "滨州市滨城区黄河五路 100 号");
        await agent.EvaluateAsync("() => document.querySelector('#CategoryCode').removeAttribute('required')");
        await agent.ClickAsync("[data-testid=take-call]");
        Assert.Contains("诉求分类", await agent.TextContentAsync("[data-testid=call-form]"), StringComparison.Ordinal);
        await agent.SelectOptionAsync("#CategoryCode", "010101");
        await agent.ClickAsync("[data-testid=take-call]");
        await agent.Locator("[data-testid=number]").WaitForAsync();
        var number = (await agent.TextContentAsync("[data-testid=number]"))!.Trim();
        Assert.Contains(number, await agent.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);

        // The suggestion learned from the demo history: 滨城区住建局 first, checked; dispatching on it.
        var first = agent.Locator("[data-testid=suggestion]").First;
        Assert.Equal("371602-ZJJ", await first.GetAttributeAsync("value"));
        Assert.True(await first.IsCheckedAsync());
        await BrowserFixture.ScreenshotAsync(agent, "hotline-agent-console");
        await agent.ClickAsync("[data-testid=dispatch]");
        Assert.Equal("已派单", (await agent.TextContentAsync("[data-testid=status]"))!.Trim());
        var orderUrl = new Uri(agent.Url).AbsolutePath;

        // 滨城区住建局's handler finds it in the inbox under 待签收, signs, replies.
        var handler = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(handler, "handler.bincheng");
        await handler.GotoAsync("/hotline");
        Assert.Contains("收件箱", await handler.TextContentAsync("h1"), StringComparison.Ordinal);
        await handler.Locator($"[data-testid=order-link]:has-text('{number}')").ClickAsync();
        await handler.ClickAsync("[data-testid=sign]");
        Assert.Equal("办理中", (await handler.TextContentAsync("[data-testid=status]"))!.Trim());
        await handler.FillAsync("#reply", "已责成物业公司维修电梯，电梯已恢复运行。");
        await handler.ClickAsync("[data-testid=reply]");
        Assert.Equal("已回复待审核", (await handler.TextContentAsync("[data-testid=status]"))!.Trim());

        // The agent sees it under 待审核 and accepts: closed, and the caller is told.
        await agent.GotoAsync("/hotline?view=replied");
        await agent.Locator($"[data-testid=order-link]:has-text('{number}')").ClickAsync();
        await agent.ClickAsync("[data-testid=review]");
        Assert.Equal("已办结", (await agent.TextContentAsync("[data-testid=status]"))!.Trim());
        var timeline = await agent.Locator("[data-testid=timeline] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.action)");
        Assert.Equal(["WorkOrderReceived", "WorkOrderDispatched", "WorkOrderSigned", "WorkOrderReplied", "WorkOrderReviewed"], timeline);
        Assert.Equal(orderUrl, new Uri(agent.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_confidential_caller_is_on_no_department_page_and_in_no_department_export()
    {
        var phone = People.Mobile();
        var api = await fixture.App.SignedIn("hotline");
        var created = await Http.Json(await api.PostAsJsonAsync("/api/v1/work-orders", new
        {
            channel = "phone", type = "report", categoryCode = "020101", caller = new { name = "保密来电人", phone }, confidential = true,
            content = "长江五路一家饭店后厨卫生很差，举报人要求保密。", location = new { address = "滨州市长江五路 20 号" }, urgency = "normal",
        }), System.Net.HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var order = await Http.Json(await api.GetAsync($"/api/v1/work-orders/{id}"));
        using (var dispatch = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/work-orders/{id}/dispatch") { Content = JsonContent.Create(new { lead = "371600-SCJ" }) })
        {
            dispatch.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{order.GetProperty("version").GetInt32()}\""));
            await Http.Json(await api.SendAsync(dispatch));
        }

        var handler = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(handler, "handler.scj");
        await handler.GotoAsync("/hotline");
        var inbox = await handler.ContentAsync();
        var exportLink = await handler.GetAttributeAsync("a[data-testid=export]", "href");
        Assert.Contains(created.GetProperty("number").GetString()!, inbox, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[^4..], inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("保密来电人", inbox, StringComparison.Ordinal);
        await handler.GotoAsync($"/hotline/orders/{id}");
        Assert.Contains("保密工单", await handler.TextContentAsync("[data-testid=caller]"), StringComparison.Ordinal);
        Assert.DoesNotContain(phone[^4..], await handler.ContentAsync(), StringComparison.Ordinal);
        var export = await handler.Context.APIRequest.GetAsync(exportLink!);
        Assert.Equal(200, export.Status);
        var csv = await export.TextAsync();
        Assert.Contains(created.GetProperty("number").GetString()!, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[^4..], csv, StringComparison.Ordinal);
        Assert.DoesNotContain("保密来电人", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Axe_finds_nothing_serious_or_critical_on_the_hotline_pages()
    {
        var axe = await IndependentVerifiers.AxeScriptAsync();
        var findings = new List<string>();
        var anonymous = await AxeAudit.NewPageAsync(fixture, desktop: true);
        foreach (var path in new[] { "/hotline/track", "/hotline/track?number=RX-20991231-9999&phoneLast4=1234", "/hotline/knowledge", "/hotline/knowledge?q=电梯" })
        {
            findings.AddRange(await AxeAudit.RunAsync(anonymous, axe, path));
        }

        var agent = await AxeAudit.NewPageAsync(fixture, desktop: true);
        await BrowserFixture.SignInAsync(agent, "hotline");
        var queue = JsonDocument.Parse(await (await agent.APIRequest.GetAsync("/api/v1/work-orders?status=received&pageSize=1")).TextAsync()).RootElement;
        var received = queue.GetProperty("items")[0].GetProperty("id").GetString();
        foreach (var path in new[] { "/hotline", "/hotline/new?phone=13805431234&q=电梯", $"/hotline/orders/{received}", "/hotline/supervision", "/hotline/dashboard" })
        {
            findings.AddRange(await AxeAudit.RunAsync(agent, axe, path));
        }

        var handler = await AxeAudit.NewPageAsync(fixture, desktop: false);
        await BrowserFixture.SignInAsync(handler, "handler.zjj");
        findings.AddRange(await AxeAudit.RunAsync(handler, axe, "/hotline"));
        var citizen = await AxeAudit.NewPageAsync(fixture, desktop: false);
        await BrowserFixture.SignInAsync(citizen, "citizen");
        findings.AddRange(await AxeAudit.RunAsync(citizen, axe, "/hotline/submit"));
        var admin = await AxeAudit.NewPageAsync(fixture, desktop: true);
        await BrowserFixture.SignInAsync(admin, "admin");
        findings.AddRange(await AxeAudit.RunAsync(admin, axe, "/admin/open311"));

        // The dashboard draws its chart from the demo history.
        await agent.GotoAsync("/hotline/dashboard");
        await agent.WaitForFunctionAsync("() => document.body.dataset.chartsReady === '1'");
        Assert.NotEqual("—", (await agent.TextContentAsync("[data-testid=kpi-satisfaction]"))!.Trim());
        Assert.True(findings.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", findings));
    }
}
