using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Ratings.Features;

/// <summary>A rectification listing's query, checked.</summary>
internal static class RectificationFilters
{
    public static Result<RectificationFilter> Parse(string? department, string? status, bool? overdue, string? source)
    {
        if (status is not (null or "" or "open" or "all"))
        {
            return Error.Field("status", "status 为 open（未办结，默认）或 all");
        }

        Contracts.RectificationSource? s = null;
        if (!string.IsNullOrEmpty(source))
        {
            if (!TextRules.TryEnum<Contracts.RectificationSource>(source, out var parsed))
            {
                return Error.Field("source", "source 为 rating、callback、workOrder、unresolvedReport 或 reverseExperience");
            }

            s = parsed;
        }

        return new RectificationFilter(department, status != "all", overdue == true, s);
    }
}

internal static class RatingEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/v1/ratings", async Task<Results<Created<RatingView>, ProblemHttpResult>> (RatingInput input, GiveRating ratings, CancellationToken ct) =>
                await ratings.GiveAsync(input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/ratings/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .WithTags("好差评").WithSummary("好差评：5 非常满意 … 1 非常不满意；每次服务一次；不满意及以下自动生成整改");
        app.MapGet("/api/v1/ratings/summary", async (string? department, DateOnly? from, DateOnly? to, Rectifications r, CancellationToken ct) =>
                (await r.SummaryAsync(department, from, to, ct)).ToOkOrProblem())
            .RequireAuthorization(Policies.Staff).WithTags("好差评").WithSummary("评价统计与满意率（满意率 =（非常满意+满意+基本满意）/ 全部）");

        var group = app.MapGroup("/api/v1/rectifications").WithTags("好差评").RequireAuthorization(Policies.Staff);
        group.MapGet("/", async Task<Results<Ok<Page<RectificationView>>, ProblemHttpResult>> (
                    string? department, string? status, bool? overdue, string? source, int? page, int? pageSize, Rectifications r, CancellationToken ct) =>
                RectificationFilters.Parse(department, status, overdue, source) is var f && f.IsSuccess
                    ? TypedResults.Ok(await r.ListAsync(f.Value!, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100), ct))
                    : f.Error!.ToProblem())
            .WithSummary("整改（默认未办结的，按期限排序；status=all 含已办结；overdue=true 只列预警和超期；source=rating|callback|workOrder|unresolvedReport|reverseExperience）");
        group.MapGet("/{id:guid}", async Task<Results<Ok<RectificationView>, ProblemHttpResult>> (Guid id, Rectifications r, CancellationToken ct) =>
            await r.FindAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("rectification:not-found", "整改记录不存在").ToProblem())
            .WithSummary("一条整改：来源、期限、核实、交办、整改与回访");
        group.MapPost("/{id:guid}/verify", async Task<Results<Ok<RectificationView>, ProblemHttpResult>> (Guid id, RectificationStep step, HttpRequest http, Rectifications r, CancellationToken ct) =>
            await http.WithIfMatchAsync(v => r.VerifyAsync(id, step, v, ct))).WithSummary("核实（founded：属实进入交办，不属实办结）");
        group.MapPost("/{id:guid}/assign", async Task<Results<Ok<RectificationView>, ProblemHttpResult>> (Guid id, RectificationAssignment input, HttpRequest http, Rectifications r, CancellationToken ct) =>
            await http.WithIfMatchAsync(v => r.AssignAsync(id, input, v, ct))).WithSummary("交办（责任部门、责任人和整改期限，工作日）");
        group.MapPost("/{id:guid}/rectify", async Task<Results<Ok<RectificationView>, ProblemHttpResult>> (Guid id, RectificationStep step, HttpRequest http, Rectifications r, CancellationToken ct) =>
            await http.WithIfMatchAsync(v => r.RectifyAsync(id, step, v, ct))).WithSummary("提交整改情况");
        group.MapPost("/{id:guid}/feedback", async Task<Results<Ok<RectificationView>, ProblemHttpResult>> (Guid id, RectificationStep step, HttpRequest http, Rectifications r, CancellationToken ct) =>
            await http.WithIfMatchAsync(v => r.FeedbackAsync(id, step, v, ct))).WithSummary("反馈群众（satisfied=false 退回核实一次）");
    }
}
