using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Hotline.Features;

/// <summary>The hotline's HTTP API (../shared/API.md, "Hotline (12345 工单)"): slice 1 of ADR 0022.</summary>
internal static class HotlineEndpoints
{
    public static void Map(WebApplication app)
    {
        var orders = app.MapGroup("/api/v1/work-orders").WithTags("12345 工单");
        orders.MapPost("/", async Task<Results<Created<WorkOrderCreated>, ProblemHttpResult>> (WorkOrderInput input, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await w.CreateAsync(input, http.Headers["Idempotency-Key"].FirstOrDefault(), ct) is var r && r.IsSuccess
                    ? TypedResults.Created($"/api/v1/work-orders/{r.Value!.Id}", r.Value)
                    : r.Error!.ToProblem())
            .RequireAuthorization().WithSummary("受理工单（热线坐席：电话等渠道；实名用户：网上提交）；同一 Idempotency-Key 只生成一张工单");
        orders.MapGet("/", async Task<Results<Ok<Page<WorkOrderView>>, ProblemHttpResult>> (string? status, int? page, int? pageSize, WorkOrders w, CancellationToken ct) =>
                (await w.ListAsync(status, page ?? 1, pageSize ?? 20, ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("工单列表（坐席：本辖区；监督与管理员：全部；市民：本人提交的）");
        orders.MapGet("/track", async Task<Results<Ok<TrackedWorkOrder>, ProblemHttpResult>> (string? number, string? phoneLast4, WorkOrders w, CancellationToken ct) =>
                (await w.TrackAsync(number, phoneLast4, ct)).ToOkOrProblem())
            .AllowAnonymous().RequireRateLimiting(Throttles.Track).WithSummary("工单进度查询（工单编号 + 来电号码后 4 位，无需登录，不含个人信息）");
        orders.MapPost("/{id:guid}/dispatch", async (Guid id, DispatchInput input, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => w.DispatchAsync(id, input, version, ct)))
            .RequireAuthorization().WithSummary("派单：主办部门与协办部门（热线坐席）；If-Match 版本过期为 409");
        orders.MapPost("/{id:guid}/sign", async (Guid id, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => w.SignAsync(id, version, ct)))
            .RequireAuthorization().WithSummary("签收（主办部门）");
        orders.MapPost("/{id:guid}/return", async (Guid id, ReasonInput input, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => w.ReturnAsync(id, input, version, ct)))
            .RequireAuthorization().WithSummary("退单（主办部门，派单后 2 个工作日内，须写明理由）");
        orders.MapPost("/{id:guid}/reply", async (Guid id, ReplyInput input, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => w.ReplyAsync(id, input, version, ct)))
            .RequireAuthorization().WithSummary("回复办理结果（主办部门）");
        orders.MapPost("/{id:guid}/review", async (Guid id, ReviewInput input, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => w.ReviewAsync(id, input, version, ct)))
            .RequireAuthorization().WithSummary("审核回复（热线坐席）：通过即办结并短信告知来电人，或退回重办");
        orders.MapGet("/{id:guid}", async Task<Results<Ok<WorkOrderView>, ProblemHttpResult>> (Guid id, WorkOrders w, CancellationToken ct) =>
                (await w.GetAsync(id, ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("一张工单及其办理过程（来电人：坐席可见完整号码，监督人员见打码号码，保密工单不显示）");
    }
}
