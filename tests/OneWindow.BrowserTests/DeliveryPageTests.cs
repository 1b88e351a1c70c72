using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 24 through the pages: a citizen books a 上门办 pickup; the postal agent takes it and checks the materials at the door, and
/// records a mailed result's pickup (已揽收) and delivery (已签收), which the citizen then follows; axe finds nothing serious.
/// </summary>
public sealed class DeliveryPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Postal_staff_record_a_pickup_and_a_delivery_the_citizen_follows()
    {
        // 结婚登记 decided at the counter and mailed (through the API): a shipment awaits pickup.
        var citizenApi = await fixture.ApiAsync("citizen");
        var file = await Applications.UploadAsync(citizenApi);
        var form = (await Http.Json(await citizenApi.GetAsync("/api/v1/items/QR-MZJ-001"))).GetProperty("form").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => Applications.ValueFor(f, false, file));
        var caseId = await Applications.SubmitAsync(citizenApi, new
        {
            itemCode = "QR-MZJ-001", applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" }, form,
            materials = (await Applications.MaterialCodesAsync(citizenApi, "QR-MZJ-001")).Select(c => new { materialCode = c, fileId = file }).ToArray(),
        });
        await Applications.ActAsync(await fixture.ApiAsync("clerk"), caseId, "decide-at-counter",
            new { delivery = "post", address = new { recipient = "李明", mobile = "13805431234", regionCode = "371602", line = "黄河五路 597 号" } });
        var postalApi = await fixture.ApiAsync("postal");
        var waybill = "";
        await Http.Eventually(async () =>
        {
            var page = await Http.Json(await postalApi.GetAsync($"/api/v1/shipments?case={caseId}"));
            waybill = page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("waybillNumber").GetString()).FirstOrDefault() ?? "";
            return waybill.Length > 0;
        }, "the completed case should be shipped");

        // The citizen books a doorstep pickup on the portal.
        var citizen = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(citizen, "citizen");
        await citizen.GotoAsync("/doorstep");
        await citizen.FillAsync("#item", "XK-SCJ-004");
        await citizen.FillAsync("#mobile", "13805431234");
        await citizen.FillAsync("#region", "371602");
        await citizen.FillAsync("#line", "市中街道黄河五路 597 号");
        await citizen.ClickAsync("form.ow-card button");
        var booked = (await citizen.TextContentAsync("[data-testid=message]"))!;
        Assert.Contains("已预约上门收件 SM", booked, StringComparison.Ordinal);
        var number = booked[booked.IndexOf("SM", StringComparison.Ordinal)..].Split('：')[0];

        // The postal agent: takes the pickup, checks the materials at the door; records the mailed piece's pickup and delivery.
        var postal = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(postal, "postal");
        await postal.GotoAsync("/postal");
        var pickup = postal.Locator($"[data-number='{number}']");
        await pickup.Locator("button[value=take]").ClickAsync();
        Assert.Contains("已派单", await postal.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        foreach (var box in await pickup.Locator("input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }

        await pickup.Locator("button[value=collect]").ClickAsync();
        Assert.Contains("已上门收件", await postal.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);

        var piece = postal.Locator($"[data-waybill='{waybill}']");
        await piece.Locator("select[name=status]").SelectOptionAsync("pickedUp");
        await piece.Locator("input[name=place]").FillAsync("滨州市政务服务中心政邮商窗口");
        await piece.Locator("button").ClickAsync();
        Assert.Contains($"{waybill}：已揽收", await postal.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        await piece.Locator("select[name=status]").SelectOptionAsync("delivered");
        await piece.Locator("input[name=place]").FillAsync("滨城区市中街道");
        await piece.Locator("button").ClickAsync();
        Assert.Contains($"{waybill}：已签收", await postal.TextContentAsync("[data-testid=message]"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(postal, "postal-workbench");

        // The citizen follows the trail.
        await citizen.GotoAsync("/doorstep");
        var mine = (await citizen.TextContentAsync("[data-testid=my-shipments]"))!;
        Assert.Contains(waybill, mine, StringComparison.Ordinal);
        Assert.Contains("已签收", mine, StringComparison.Ordinal);
        Assert.Contains("已上门收件", await citizen.TextContentAsync("[data-testid=my-pickups]"), StringComparison.Ordinal);

        var axe = await IndependentVerifiers.AxeScriptAsync();
        var findings = new List<string>();
        var desk = await AxeAudit.NewPageAsync(fixture, desktop: true);
        await BrowserFixture.SignInAsync(desk, "postal");
        findings.AddRange(await AxeAudit.RunAsync(desk, axe, "/postal"));
        var officer = await AxeAudit.NewPageAsync(fixture, desktop: true);
        await BrowserFixture.SignInAsync(officer, "reviewer.scj");
        findings.AddRange(await AxeAudit.RunAsync(officer, axe, "/inspections"));
        var phone = await AxeAudit.NewPageAsync(fixture, desktop: false);
        await BrowserFixture.SignInAsync(phone, "citizen");
        findings.AddRange(await AxeAudit.RunAsync(phone, axe, "/doorstep"));
        Assert.True(findings.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", findings));
    }
}
