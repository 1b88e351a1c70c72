using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Callbacks.Features;

internal static class CallbackEndpoints
{
    public static void Map(WebApplication app)
    {
        var callbacks = app.MapGroup("/api/v1/callbacks").WithTags("回访");
        callbacks.MapPost("/lists", async Task<Results<Ok<CallbackListResult>, ProblemHttpResult>> (CallbackListInput input, CallbackLists lists, TimeProvider clock, CancellationToken ct) =>
                (await lists.BuildAsync(input.Date ?? clock.TodayInChina(), ct)).ToOkOrProblem())
            .RequireAuthorization(Policies.Admin).WithSummary("生成某个工作日的回访清单（前一个工作日办结的服务；再次生成只补新增的）：{created, skipped}");
        callbacks.MapGet("/", async Task<Results<Ok<Page<CallbackTaskView>>, ProblemHttpResult>> (
                    DateOnly? date, string? status, string? region, bool? mine, int? page, int? pageSize, CallbackTasks tasks, CancellationToken ct) =>
                (await tasks.ListAsync(new CallbackQuery(date, status, region, mine == true, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 200)), ct)).ToOkOrProblem())
            .RequireAuthorization(Policies.CallbackCentre).WithSummary("回访任务（默认今天的清单；县级坐席只见本县，市级坐席见全市）");
        callbacks.MapPost("/do-not-call", async Task<Results<Ok<DoNotCallView>, ProblemHttpResult>> (DoNotCallInput input, CallbackTasks tasks, CancellationToken ct) =>
                (await tasks.AddDoNotCallAsync(input, ct)).ToOkOrProblem())
            .RequireAuthorization(Policies.CallbackCentre).WithSummary("免打扰登记：该号码今后不列入回访清单（只保存号码的加盐摘要）");
        callbacks.MapGet("/report", async Task<IResult> (DateOnly? from, DateOnly? to, string? format, CallbackReports reports, CancellationToken ct) =>
            {
                var r = await reports.BuildAsync(from, to, ct);
                if (!r.IsSuccess)
                {
                    return r.Error!.ToProblem();
                }

                return format switch
                {
                    null or "" or "json" => TypedResults.Ok(r.Value),
                    "csv" => TypedResults.File(CallbackReports.Csv(r.Value!), CsvText.ContentType, $"回访与整改-{r.Value!.From:yyyyMMdd}-{r.Value.To:yyyyMMdd}.csv"),
                    "xlsx" => TypedResults.File(XlsxText.Write(CallbackReports.Tables(r.Value!)), XlsxText.ContentType, $"回访与整改-{r.Value!.From:yyyyMMdd}-{r.Value.To:yyyyMMdd}.xlsx"),
                    _ => Error.Field("format", "format 为 json、csv 或 xlsx").ToProblem(),
                };
            })
            .RequireAuthorization(Policies.CallbackCentre).WithSummary("回访与整改报表：回访量、接通率、各部门和区县满意率、投诉较多的事项、整改情况（json、csv、xlsx）");
        callbacks.MapGet("/{id:guid}", async Task<Results<Ok<CallbackTaskView>, ProblemHttpResult>> (Guid id, CallbackTasks tasks, CancellationToken ct) =>
                await tasks.FindAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("callback:not-found", "回访任务不存在").ToProblem())
            .RequireAuthorization(Policies.CallbackCentre).WithSummary("一个回访任务：服务经过与回访记录");
        callbacks.MapPost("/{id:guid}/attempt", async Task<Results<Ok<CallbackTaskView>, ProblemHttpResult>> (Guid id, AttemptInput input, HttpRequest http, CallbackTasks tasks, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => tasks.AttemptAsync(id, input, v, ct)))
            .RequireAuthorization(Policies.CallbackCentre).WithSummary("记录一次回访拨打：reached（接通，记录评价）、noAnswer（无人接听，换半天再拨，三次后未接通）、refused、wrongNumber");

        var reports = app.MapGroup("/api/v1/unresolved-reports").WithTags("办不成事").RequireAuthorization();
        reports.MapPost("/", async Task<Results<Created<UnresolvedReportView>, ProblemHttpResult>> (UnresolvedReportInput input, UnresolvedReports r, CancellationToken ct) =>
                await r.SubmitAsync(input, ct) is var x && x.IsSuccess ? TypedResults.Created($"/api/v1/unresolved-reports/{x.Value!.Id}", x.Value) : x.Error!.ToProblem())
            .WithSummary("办不成事反映（群众网上提交；窗口或 12345 代为登记时填写姓名和手机）");
        reports.MapGet("/", async (string? status, string? item, int? page, int? pageSize, UnresolvedReports r, CancellationToken ct) =>
                TypedResults.Ok(await r.ListAsync(status, item, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100), ct)))
            .WithSummary("办不成事诉求（群众只见本人的；工作人员见本辖区的；status=open 只列未办结）");
        reports.MapGet("/{id:guid}", async Task<Results<Ok<UnresolvedReportView>, ProblemHttpResult>> (Guid id, UnresolvedReports r, CancellationToken ct) =>
            await r.FindAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("unresolved-report:not-found", "办不成事诉求不存在").ToProblem())
            .WithSummary("一条办不成事反映及其处理");
        reports.MapPost("/{id:guid}/take", async Task<Results<Ok<UnresolvedReportView>, ProblemHttpResult>> (Guid id, HttpRequest http, UnresolvedReports r, CancellationToken ct) =>
            await http.WithIfMatchAsync(v => r.TakeAsync(id, v, ct))).RequireAuthorization(Policies.Staff).WithSummary("接单（署名负责，1 个工作日内）");
        reports.MapPost("/{id:guid}/close", async Task<Results<Ok<UnresolvedReportView>, ProblemHttpResult>> (Guid id, ReportCloseInput input, HttpRequest http, UnresolvedReports r, CancellationToken ct) =>
            await http.WithIfMatchAsync(v => r.CloseAsync(id, input, v, ct))).RequireAuthorization(Policies.Staff).WithSummary("办结：已解决，或依法解释（写明法律政策依据）");

        var experiences = app.MapGroup("/api/v1/reverse-experiences").WithTags("反向体验").RequireAuthorization(Policies.Staff);
        experiences.MapPost("/", async Task<Results<Created<ReverseExperienceView>, ProblemHttpResult>> (ReverseExperienceInput input, ReverseExperiences r, CancellationToken ct) =>
                await r.RecordAsync(input, ct) is var x && x.IsSuccess ? TypedResults.Created($"/api/v1/reverse-experiences/{x.Value!.Id}", x.Value) : x.Error!.ToProblem())
            .WithSummary("记录一次反向体验；每个问题生成一条整改");
        experiences.MapGet("/", async (int? page, int? pageSize, ReverseExperiences r, CancellationToken ct) =>
                TypedResults.Ok(await r.ListAsync(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100), ct)))
            .WithSummary("反向体验记录（本辖区）");
    }
}
