using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Delivery.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Delivery.Pages;

/// <summary>
/// 政邮商 workbench for the carrier's and the chamber's staff: the pieces to pick up and in transit with a scan form (the default
/// courier adapter), addresses to confirm, the 上门办 pickups to take, check at the door and hand in, and the month's settlement.
/// </summary>
[Authorize(Roles = Platform.Identity.Roles.DoorstepAgent + "," + Platform.Identity.Roles.Admin + "," + Platform.Identity.Roles.Supervisor)]
internal sealed class PostalModel(Shipments shipments, DoorstepPickups pickups, TimeProvider clock) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public Page<ShipmentView> Shipments { get; private set; } = Page<ShipmentView>.Empty(50);

    public Page<PickupView> Pickups { get; private set; } = Page<PickupView>.Empty(50);

    public string Month => Platform.Data.Timestamps.TodayInChina(clock).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Shipments = await shipments.ListAsync(null, Status, 1, 50, ct);
        Pickups = await pickups.ListAsync(null, false, 1, 50, ct);
    }

    public async Task<IActionResult> OnPostScanAsync(Guid id, int version, string? status, string? place, string? note, CancellationToken ct) =>
        await Done(await shipments.ScanAsync(id, new ScanInput(status, null, place, note), version, ct), v => $"{v.WaybillNumber}：{v.StatusLabel}", ct);

    public async Task<IActionResult> OnPostAddressAsync(Guid id, int version, string? recipient, string? mobile, string? regionCode, string? line, CancellationToken ct) =>
        await Done(await shipments.ConfirmAddressAsync(id, new AddressInput(recipient, mobile, regionCode, line), version, ct), v => $"{v.WaybillNumber}：地址已确认（{v.BandLabel} ¥{v.Fee:0}）", ct);

    public async Task<IActionResult> OnPostPickupAsync(Guid id, int version, string act, List<string>? present, CancellationToken ct)
    {
        var r = act switch
        {
            "take" => await pickups.TakeAsync(id, version, ct),
            "collect" => await CollectAsync(id, version, present ?? [], ct),
            "hand-in" => await pickups.HandInAsync(id, version, ct),
            _ => Error.Field("act", "未知操作"),
        };
        return await Done(r, v => $"{v.Number}：{v.StatusLabel}", ct);
    }

    private async Task<Result<PickupView>> CollectAsync(Guid id, int version, List<string> present, CancellationToken ct)
    {
        var p = await pickups.ViewAsync(id, ct);
        return p is null
            ? Error.NotFound("pickup:not-found", "上门收件单不存在")
            : await pickups.CollectAsync(id, new CollectInput([.. p.Materials.Keys.Select(code => new DoorCheckInput(code, present.Contains(code), null))]), version, ct);
    }

    private async Task<IActionResult> Done<T>(Result<T> r, Func<T, string> message, CancellationToken ct)
    {
        if (r.IsSuccess)
        {
            Message = message(r.Value!);
            return Redirect("/postal");
        }

        Refused(r.Error!);
        await OnGetAsync(ct);
        return Page();
    }
}
