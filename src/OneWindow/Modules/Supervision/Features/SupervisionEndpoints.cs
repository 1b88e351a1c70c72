using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Supervision.Features;

internal static class SupervisionEndpoints
{
    public static void Map(WebApplication app)
    {
        var items = app.MapGroup("/api/v1/supervision").WithTags("审管联动").RequireAuthorization(Policies.Supervision);
        items.MapGet("/items", async Task<Results<Ok<Page<SupervisionItemView>>, ProblemHttpResult>> (
                    string? department, string? status, int? page, int? pageSize, SupervisionItems s, CancellationToken ct) =>
                (await s.ListAsync(department, status, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 200), ct)).ToOkOrProblem())
            .WithSummary("推送给监管部门的审批结果（监管人员只见本部门的；status=pushed|claimed|autoClaimed）");
        items.MapGet("/items/{id:guid}", async Task<Results<Ok<SupervisionItemView>, ProblemHttpResult>> (Guid id, SupervisionItems s, CancellationToken ct) =>
                await s.FindAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("supervision:not-found", "监管事项不存在").ToProblem())
            .WithSummary("一个监管事项：持证人、事项、证照、关键信息、容缺/告知承诺标记、认领和处理记录");
        items.MapPost("/items/{id:guid}/claim", async Task<Results<Ok<SupervisionItemView>, ProblemHttpResult>> (Guid id, HttpRequest http, SupervisionItems s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.ClaimAsync(id, v, ct)))
            .WithSummary("认领（监管部门的监管人员）");
        items.MapPost("/items/{id:guid}/feedback", async Task<Results<Ok<SupervisionItemView>, ProblemHttpResult>> (
                    Guid id, FeedbackInput input, HttpRequest http, SupervisionItems s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.FeedbackAsync(id, input, v, ct)))
            .WithSummary("反馈监管结果：compliant、rectify、warning、fine、suspend（暂停证照）、revoke（吊销证照）、ban（行业禁入 banYears 年，bannedItemKinds）");
        items.MapGet("/board", async (SupervisionItems s, CancellationToken ct) => TypedResults.Ok(await s.BoardAsync(ct)))
            .WithSummary("各监管部门：推送、按时认领、超时自动认领、已反馈（通报）");

        var checks = app.MapGroup("/api/v1/post-checks").WithTags("告知承诺核查").RequireAuthorization(Policies.Supervision);
        checks.MapGet("/", async (string? department, string? status, int? page, int? pageSize, PostChecks p, CancellationToken ct) =>
                TypedResults.Ok(await p.ListAsync(department, status, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 200), ct)))
            .WithSummary("告知承诺事后核查任务（监管人员只见本部门的；status=open 只列待核查）");
        checks.MapGet("/{id:guid}", async Task<Results<Ok<PostCheckView>, ProblemHttpResult>> (Guid id, PostChecks p, CancellationToken ct) =>
                await p.FindAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("post-check:not-found", "核查任务不存在").ToProblem())
            .WithSummary("一个核查任务");
        checks.MapPost("/{id:guid}/result", async Task<Results<Ok<PostCheckView>, ProblemHttpResult>> (Guid id, PostCheckInput input, HttpRequest http, PostChecks p, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => p.ConcludeAsync(id, input, v, ct)))
            .WithSummary("录入核查结论：passed=false（承诺不实）撤销证照、记入失信记录并限制告知承诺");
    }
}
