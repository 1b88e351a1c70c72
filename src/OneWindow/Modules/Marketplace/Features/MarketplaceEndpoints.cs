using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Marketplace.Features;

internal static class MarketplaceEndpoints
{
    public static void Map(WebApplication app)
    {
        var agencies = app.MapGroup("/api/v1/intermediaries").WithTags("中介超市");
        agencies.MapPost("/", async Task<Results<Ok<IntermediaryView>, ProblemHttpResult>> (RegisterIntermediaryInput input, Intermediaries s, CancellationToken ct) =>
                (await s.RegisterAsync(input, ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("中介机构以本企业账号入驻：服务类型、资质证书（扫描件）、服务区域、收费、人员（待管理员审核）");
        agencies.MapGet("/", async (string? serviceType, string? status, string? q, int? page, int? pageSize, Intermediaries s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(serviceType, status, q, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 200), ct)))
            .AllowAnonymous().WithSummary("中介机构公开名录：服务类型、资质、评分、违约与黑名单（serviceType=surveying 等）");
        agencies.MapGet("/{id:guid}", async Task<Results<Ok<IntermediaryView>, ProblemHttpResult>> (Guid id, Intermediaries s, CancellationToken ct) =>
                await s.FindAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("intermediary:not-found", "中介机构不存在").ToProblem())
            .AllowAnonymous().WithSummary("一家中介机构的公开记录");
        agencies.MapPost("/{id:guid}/verify", async Task<Results<Ok<IntermediaryView>, ProblemHttpResult>> (Guid id, VerifyInput input, HttpRequest http, Intermediaries s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.VerifyAsync(id, input, v, ct)))
            .RequireAuthorization(Policies.Admin).WithSummary("管理员审核入驻（approve=true 通过；false 须写理由）");
        agencies.MapPost("/{id:guid}/breaches", async Task<Results<Ok<IntermediaryView>, ProblemHttpResult>> (Guid id, BreachInput input, HttpRequest http, Intermediaries s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.BreachAsync(id, input, v, ct)))
            .RequireAuthorization().WithSummary("记录违约（late 逾期、poor 质量差、collusion 串通）：一年内两次或串通列入黑名单");

        var purchases = app.MapGroup("/api/v1/purchases").WithTags("中介超市");
        purchases.MapPost("/", async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (PublishPurchaseInput input, Purchases s, CancellationToken ct) =>
                (await s.PublishAsync(input, ct)).ToOkOrProblem())
            .RequireAuthorization().WithSummary("发布采购：服务类型、范围、预算上限、期限、资质要求和选取方式（draw 随机抽取时公布种子承诺）");
        purchases.MapGet("/", async (string? status, string? serviceType, bool? mine, int? page, int? pageSize, Purchases s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(status, serviceType, mine == true, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 200), ct)))
            .AllowAnonymous().WithSummary("采购公告与结果公示（mine=true 只列本单位发布的）");
        purchases.MapGet("/report", async Task<Results<Ok<MarketplaceSummary>, ProblemHttpResult>> (DateOnly? from, DateOnly? to, MarketplaceReport r, TimeProvider clock, CancellationToken ct) =>
            {
                var today = clock.TodayInChina();
                var range = DateRanges.Check(from ?? today.AddDays(-364), to ?? today, 366);
                return range.IsSuccess ? TypedResults.Ok(await r.SummaryAsync(range.Value.First, range.Value.Last, ct)) : range.Error!.ToProblem();
            })
            .AllowAnonymous().WithSummary("中介超市统计：按选取方式和乡镇的采购数、较预算平均节约率、按期完成率");
        purchases.MapGet("/{id:guid}", async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (Guid id, Purchases s, CancellationToken ct) =>
                await s.FindAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("purchase:not-found", "采购项目不存在").ToProblem())
            .AllowAnonymous().WithSummary("一个采购：种子承诺（截止后公布种子与抽取顺序）、报名、中选、公示、异议、合同、交付、验收、评价");
        Step(purchases, "sign-up", "中介机构报名（随机抽取）", (s, id, v, ct) => s.SignUpAsync(id, null, v, ct));
        purchases.MapPost("/{id:guid}/bid", async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (Guid id, BidInput input, HttpRequest http, Purchases s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.SignUpAsync(id, input ?? new BidInput(null), v, ct)))
            .RequireAuthorization().WithSummary("中介机构报价（竞价；截止前对他人保密）");
        Step(purchases, "close", "采购人截止报名并按规则选取（公布种子）", (s, id, v, ct) => s.CloseAsync(id, v, ct));
        purchases.MapPost("/{id:guid}/objection", async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (Guid id, ObjectionInput input, HttpRequest http, Purchases s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.ObjectAsync(id, input, v, ct)))
            .RequireAuthorization().WithSummary("公示期内提出异议（暂停签约）");
        purchases.MapPost("/{id:guid}/objection/answer", async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (Guid id, ResolveInput input, HttpRequest http, Purchases s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.ResolveAsync(id, input, v, ct)))
            .RequireAuthorization().WithSummary("采购人答复异议：成立则依次递补并重新公示");
        purchases.MapPost("/{id:guid}/contract", async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (Guid id, ContractInput input, HttpRequest http, Purchases s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.ContractAsync(id, input, v, ct)))
            .RequireAuthorization().WithSummary("公示期满无异议后签约（金额不超过预算上限）");
        purchases.MapPost("/{id:guid}/deliver", async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (Guid id, DeliverInput input, HttpRequest http, Purchases s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.DeliverAsync(id, input, v, ct)))
            .RequireAuthorization().WithSummary("中选机构提交服务成果");
        Step(purchases, "accept", "采购人验收", (s, id, v, ct) => s.AcceptAsync(id, v, ct));
        purchases.MapPost("/{id:guid}/rate", async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (Guid id, RateInput input, HttpRequest http, Purchases s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => s.RateAsync(id, input, v, ct)))
            .RequireAuthorization().WithSummary("采购人评价（按期、质量、价格 1–5 分），计入机构公开评分");
    }

    private static void Step(RouteGroupBuilder g, string route, string summary, Func<Purchases, Guid, int?, CancellationToken, Task<Result<PurchaseView>>> step) =>
        g.MapPost("/{id:guid}/" + route, async Task<Results<Ok<PurchaseView>, ProblemHttpResult>> (Guid id, HttpRequest http, Purchases s, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => step(s, id, v, ct)))
            .RequireAuthorization().WithSummary(summary);
}
