using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Delivery.Features;

internal static class DeliveryEndpoints
{
    public static void Map(WebApplication app)
    {
        var shipments = app.MapGroup("/api/v1/shipments").WithTags("政邮商寄递").RequireAuthorization();
        shipments.MapGet("/", async (string? @case, string? status, int? page, int? pageSize, Shipments s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(@case, status, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 200), ct)))
            .WithSummary("邮寄送达的邮件（申请人见自己的，承运单位见本单位承运的，窗口见本地区的；case=办件编号、办件 id 或运单号）");
        shipments.MapGet("/{id:guid}", async Task<Results<Ok<ShipmentView>, ProblemHttpResult>> (Guid id, Shipments s, CancellationToken ct) =>
                await s.ViewAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("shipment:not-found", "邮件不存在").ToProblem())
            .WithSummary("一件邮件：收件人、内件、资费和物流轨迹");
        shipments.MapGet("/{id:guid}/waybill.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, Shipments s, Microsoft.Extensions.Options.IOptions<DeliveryOptions> options, TimeProvider clock, CancellationToken ct) =>
            {
                if (await s.FindAsync(id, ct) is not { } x)
                {
                    return Error.NotFound("shipment:not-found", "邮件不存在").ToProblem();
                }

                var carrier = options.Value.Carrier(x.Carrier)?.Name ?? x.Carrier;
                return TypedResults.File(Waybills.Pdf(x, carrier, "政务服务中心 政邮商窗口", clock.GetUtcNow()), "application/pdf", $"{x.WaybillNumber}.pdf");
            })
            .WithSummary("运单面单 PDF（Code 128 条码为运单号）");
        shipments.MapPost("/{id:guid}/scan", async Task<Results<Ok<ShipmentView>, ProblemHttpResult>> (Guid id, ScanInput input, HttpRequest http, Shipments s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.ScanAsync(id, input, v, ct)))
            .WithSummary("承运单位记录扫描：pickedUp（已揽收）、inTransit（运输中）、delivered（已签收）、returned（退回）、lost（遗失）");
        shipments.MapPost("/{id:guid}/address", async Task<Results<Ok<ShipmentView>, ProblemHttpResult>> (Guid id, AddressInput input, HttpRequest http, Shipments s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.ConfirmAddressAsync(id, input, v, ct)))
            .WithSummary("承运单位与申请人电话确认收件地址（揽收前）");

        app.MapGet("/api/v1/settlements/{month}", async Task<Results<Ok<SettlementReport>, FileContentHttpResult, ProblemHttpResult>> (
                string month, string? carrier, string? format, Settlements s, TimeProvider clock, CancellationToken ct) =>
            {
                var r = await s.MonthAsync(month, carrier, ct);
                if (!r.IsSuccess)
                {
                    return r.Error!.ToProblem();
                }

                return (format ?? "json") switch
                {
                    "json" => TypedResults.Ok(r.Value!),
                    "xlsx" => TypedResults.File(XlsxText.Write(Settlements.Tables(r.Value!)), XlsxText.ContentType, $"政邮商结算-{r.Value!.Carrier}-{r.Value.Month}.xlsx"),
                    "pdf" => TypedResults.File(Settlements.Pdf(r.Value!, clock.GetUtcNow()), "application/pdf", $"政邮商结算-{r.Value!.Carrier}-{r.Value.Month}.pdf"),
                    _ => Error.Field("format", "format 为 json、xlsx 或 pdf").ToProblem(),
                };
            })
            .RequireAuthorization().WithTags("政邮商寄递").WithSummary("月度寄递服务费结算（按承运单位、距离档；超时扣减、遗失不付费）");

        var pickups = app.MapGroup("/api/v1/pickups").WithTags("上门办").RequireAuthorization();
        pickups.MapPost("/", async Task<Results<Ok<PickupView>, ProblemHttpResult>> (BookPickupInput input, DoorstepPickups p, CancellationToken ct) =>
                (await p.BookAsync(input, ct)).ToOkOrProblem())
            .WithSummary("预约上门收件（申请人网上预约；窗口、导服、12345 坐席和政邮商专员代电话预约）");
        pickups.MapGet("/", async (string? status, bool? mine, int? page, int? pageSize, DoorstepPickups p, CancellationToken ct) =>
                TypedResults.Ok(await p.ListAsync(status, mine == true, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 200), ct)))
            .WithSummary("上门收件单（申请人见自己的，政邮商专员见全部，窗口见本地区的；status=booked|assigned|collected|atWindow|accepted|cancelled）");
        pickups.MapGet("/{id:guid}", async Task<Results<Ok<PickupView>, ProblemHttpResult>> (Guid id, DoorstepPickups p, CancellationToken ct) =>
                await p.ViewAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("pickup:not-found", "上门收件单不存在").ToProblem())
            .WithSummary("一张上门收件单：一次性告知清单、上门初审、交窗口和受理的办件");
        pickups.MapPost("/{id:guid}/take", async Task<Results<Ok<PickupView>, ProblemHttpResult>> (Guid id, HttpRequest http, DoorstepPickups p, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => p.TakeAsync(id, v, ct)))
            .WithSummary("政邮商专员接单");
        pickups.MapPost("/{id:guid}/collect", async Task<Results<Ok<PickupView>, ProblemHttpResult>> (Guid id, CollectInput input, HttpRequest http, DoorstepPickups p, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => p.CollectAsync(id, input, v, ct)))
            .WithSummary("上门收件：按一次性告知清单逐项初审");
        pickups.MapPost("/{id:guid}/hand-in", async Task<Results<Ok<PickupView>, ProblemHttpResult>> (Guid id, HttpRequest http, DoorstepPickups p, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => p.HandInAsync(id, v, ct)))
            .WithSummary("材料交到政邮商窗口（窗口以渠道 postal 受理并关联本单）");
        pickups.MapPost("/{id:guid}/cancel", async Task<Results<Ok<PickupView>, ProblemHttpResult>> (Guid id, HttpRequest http, DoorstepPickups p, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => p.CancelAsync(id, v, ct)))
            .WithSummary("取消预约（收件前）");
    }
}
