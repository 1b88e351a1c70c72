using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Hotline.Features;

/// <summary>The hotline's HTTP API (../shared/API.md, "Hotline (12345 工单)"): every transition through one If-Match path.</summary>
internal static class HotlineEndpoints
{
    public static void Map(WebApplication app)
    {
        var orders = app.MapGroup("/api/v1/work-orders").WithTags("12345 工单");
        orders.MapPost("/", async Task<Results<Created<WorkOrderCreated>, ProblemHttpResult>> (WorkOrderInput input, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await w.CreateAsync(input, http.Headers["Idempotency-Key"].FirstOrDefault(), ct) is var r && r.IsSuccess
                    ? TypedResults.Created($"/api/v1/work-orders/{r.Value!.Id}", r.Value)
                    : r.Error!.ToProblem())
            .RequireAuthorization().AcceptsIdempotencyKey().WithSummary("受理工单（热线坐席：电话等渠道；实名用户：网上提交）；同一 Idempotency-Key 只生成一张工单");
        orders.MapGet("/", async Task<Results<Ok<Page<WorkOrderView>>, ProblemHttpResult>> (
                    string? status, string? department, bool? overdue, int? page, int? pageSize, WorkOrders w, CancellationToken ct) =>
                (await w.ListAsync(status, department, overdue, page ?? 1, pageSize ?? 20, ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("工单列表（坐席：本辖区；部门：主办的；监督与管理员：全部；市民：本人提交的），可按状态、主办部门、是否超期筛选");
        orders.MapGet("/export.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                    string? status, string? department, bool? overdue, WorkOrders w, CancellationToken ct) =>
                await w.ExportAsync(status, department, overdue, ct) is var r && r.IsSuccess ? TypedResults.File(r.Value!, CsvText.ContentType, "12345工单.csv") : r.Error!.ToProblem())
            .RequireAuthorization().WithSummary("导出工单（CSV，与列表同一范围；来电人按查看人脱敏，保密工单不含来电人）");
        orders.MapGet("/stats", async Task<Results<Ok<HotlineStats>, ProblemHttpResult>> (DateOnly? from, DateOnly? to, WorkOrderStats s, CancellationToken ct) =>
                (await s.DashboardAsync(from, to, ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("热线统计：每日工单量（按类型）、直接办结率、按时办结率、退单率、满意率、热点分类");
        orders.MapGet("/board", async Task<Results<Ok<SupervisionBoard>, ProblemHttpResult>> (WorkOrderStats s, CancellationToken ct) =>
                (await s.BoardAsync(ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("督办看板：预警与超期工单，各部门在办、预警、超期、退单与未签收督办数");
        orders.MapGet("/track", async Task<Results<Ok<TrackedWorkOrder>, ProblemHttpResult>> (string? number, string? phoneLast4, WorkOrders w, CancellationToken ct) =>
                (await w.TrackAsync(number, phoneLast4, ct)).ToOkOrProblem())
            .AllowAnonymous().RequireRateLimiting(Throttles.Track).WithSummary("工单进度查询（工单编号 + 来电号码后 4 位，无需登录，不含个人信息）");
        orders.MapGet("/{id:guid}", async Task<Results<Ok<WorkOrderView>, ProblemHttpResult>> (Guid id, WorkOrders w, CancellationToken ct) =>
                (await w.GetAsync(id, ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("一张工单及其办理过程（来电人：坐席可见完整号码，其他人见打码号码，保密工单对部门不显示）；坐席另见疑似重复工单");
        orders.MapGet("/{id:guid}/suggestions", async Task<Results<Ok<DepartmentSuggestion[]>, ProblemHttpResult>> (Guid id, WorkOrders w, CancellationToken ct) =>
                (await w.SuggestAsync(id, ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("派单建议：相似工单最终由哪些部门办理，及其占比");

        Transition(orders, "answer", "直接办结（咨询，坐席凭知识库答复）", (Guid id, AnswerInput input, int? v, WorkOrders w, CancellationToken ct) => w.AnswerAsync(id, input, v, ct));
        Transition(orders, "dispatch", "派单：主办部门与协办部门（热线坐席）", (Guid id, DispatchInput input, int? v, WorkOrders w, CancellationToken ct) => w.DispatchAsync(id, input, v, ct));
        Transition(orders, "return", "退单（主办部门，派单后 2 个工作日内，须写明理由）", (Guid id, ReasonInput input, int? v, WorkOrders w, CancellationToken ct) => w.ReturnAsync(id, input, v, ct));
        Transition(orders, "reply", "回复办理结果（主办部门）", (Guid id, ReplyInput input, int? v, WorkOrders w, CancellationToken ct) => w.ReplyAsync(id, input, v, ct));
        Transition(orders, "review", "审核回复（热线坐席）：通过即办结并短信告知来电人，或退回重办", (Guid id, ReviewInput input, int? v, WorkOrders w, CancellationToken ct) => w.ReviewAsync(id, input, v, ct));
        Transition(orders, "extend", "延期：主办部门申请，热线中心批准（累计不超过 10 个工作日）", (Guid id, ExtendInput input, int? v, WorkOrders w, CancellationToken ct) => w.ExtendAsync(id, input, v, ct));
        Transition(orders, "supervise", "督办：向主办部门发出督办通知（热线中心、监督人员）", (Guid id, SuperviseInput input, int? v, WorkOrders w, CancellationToken ct) => w.SuperviseAsync(id, input, v, ct));
        Transition(orders, "merge", "并单：重复诉求合并到主单，随主单办结", (Guid id, MergeInput input, int? v, WorkOrders w, CancellationToken ct) => w.MergeAsync(id, input, v, ct));
        orders.MapPost("/{id:guid}/sign", async (Guid id, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => w.SignAsync(id, version, ct)))
            .RequireAuthorization().WithSummary("签收（主办部门）；If-Match 版本过期为 409");
        orders.MapPost("/{id:guid}/acknowledge", async (Guid id, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => w.AcknowledgeAsync(id, version, ct)))
            .RequireAuthorization().WithSummary("签收督办通知（主办部门）");
        orders.MapPost("/{id:guid}/close", async (Guid id, HttpRequest http, WorkOrders w, CancellationToken ct) =>
            {
                // The body is optional (API.md lists /close without one); when given it carries the reason.
                CloseInput? input = null;
                if (http.HasJsonContentType())
                {
                    try
                    {
                        input = await http.ReadFromJsonAsync<CloseInput>(ct);
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        // Unreadable or empty: the reason is missing, said field by field below.
                    }
                }

                return await http.WithIfMatchAsync(version => w.CloseAsync(id, input, version, ct));
            })
            .RequireAuthorization().WithSummary("办结（热线中心，无需派单的诉求：如表扬转达），须写明办结说明");

        var knowledge = app.MapGroup("/api/v1/knowledge").WithTags("12345 知识库");
        knowledge.MapGet("/", async Task<Results<Ok<KnowledgeResults>, ProblemHttpResult>> (string? q, int? take, Knowledge k, CancellationToken ct) =>
                (await k.SearchAsync(q, take ?? 10, ct)).ToOkOrProblem())
            .AllowAnonymous().WithName("searchKnowledge").WithSummary("搜索知识库文章与办事指南");
        knowledge.MapGet("/{id:guid}", async Task<Results<Ok<ArticleView>, ProblemHttpResult>> (Guid id, Knowledge k, CancellationToken ct) =>
                (await k.GetAsync(id, ct)).ToOkOrProblem())
            .AllowAnonymous().WithSummary("一篇知识库文章及其历次修订");
        knowledge.MapPost("/", async Task<Results<Created<ArticleView>, ProblemHttpResult>> (ArticleInput input, Knowledge k, CancellationToken ct) =>
                await k.CreateAsync(input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/knowledge/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .RequireAuthorization().WithSummary("撰写知识库文章（热线坐席、管理员）");
        knowledge.MapPut("/{id:guid}", async (Guid id, ArticleInput input, HttpRequest http, Knowledge k, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => k.ReviseAsync(id, input, version, ct)))
            .RequireAuthorization().WithSummary("修订知识库文章（保留历次修订）；If-Match 版本过期为 409");
    }

    /// <summary>A transition with a JSON body: If-Match carries the version the person saw.</summary>
    private static void Transition<TInput>(RouteGroupBuilder orders, string step, string summary, Func<Guid, TInput, int?, WorkOrders, CancellationToken, Task<Result<WorkOrderView>>> change) =>
        orders.MapPost($"/{{id:guid}}/{step}", async (Guid id, TInput input, HttpRequest http, WorkOrders w, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => change(id, input, version, w, ct)))
            .RequireAuthorization().WithSummary(summary + "；If-Match 版本过期为 409");
}
