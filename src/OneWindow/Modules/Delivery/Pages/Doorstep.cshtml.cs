using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Delivery.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Delivery.Pages;

/// <summary>上门办 and 邮寄: a citizen or enterprise books a 政邮商 agent to collect the materials at the door, and follows the pickups and the results mailed back.</summary>
[Authorize]
internal sealed class DoorstepModel(DoorstepPickups pickups, Shipments shipments, TimeProvider clock) : Platform.Web.FormPage
{
    [BindProperty]
    public BookPickupInput Input { get; set; } = new();

    public Page<PickupView> Mine { get; private set; } = Page<PickupView>.Empty(20);

    public Page<ShipmentView> Mailed { get; private set; } = Page<ShipmentView>.Empty(20);

    public DateOnly Tomorrow => Platform.Data.Timestamps.TodayInChina(clock).AddDays(1);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await pickups.ListAsync(null, false, 1, 20, ct);
        Mailed = await shipments.ListAsync(null, null, 1, 20, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await pickups.BookAsync(Input, ct);
        if (r.IsSuccess)
        {
            Message = $"已预约上门收件 {r.Value!.Number}：{r.Value.Day:M月d日}{(r.Value.Slot == "am" ? "上午" : "下午")}，请按一次性告知清单备齐材料";
            return Redirect("/doorstep");
        }

        Refused(r.Error!);
        await OnGetAsync(ct);
        return Page();
    }
}
