using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Sites.Features;

internal static class SiteEndpoints
{
    public static void Map(WebApplication app)
    {
        var sites = app.MapGroup("/api/v1/sites").WithTags("服务网点");
        sites.MapGet("/", async Task<Results<Ok<Page<SiteView>>, ProblemHttpResult>> (
                    string? item, bool? openNow, string? near, string? region, string? kind, int? page, int? pageSize, SiteDirectory d, CancellationToken ct) =>
                (await d.ListAsync(item, openNow == true, near, region, kind, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, 500), ct)).ToOkOrProblem())
            .AllowAnonymous().WithSummary("服务网点与社会合作网点（item=可办事项，openNow=true 只列正在营业的，near=纬度,经度 或地址文字：由近到远）");
        sites.MapGet("/{id:guid}", async Task<Results<Ok<SiteView>, ProblemHttpResult>> (Guid id, SiteDirectory d, CancellationToken ct) =>
                await d.FindAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("site:not-found", "服务网点不存在").ToProblem())
            .AllowAnonymous().WithSummary("一个网点：地址、坐标、营业时间、可办事项、自助终端、实时排队");
        sites.MapPost("/", async Task<Results<Ok<SiteView>, ProblemHttpResult>> (SiteInput input, SiteDirectory d, CancellationToken ct) =>
                (await d.SaveAsync(null, input, null, ct)).ToOkOrProblem())
            .RequireAuthorization(Policies.Admin).WithSummary("新增网点（管理员）");
        sites.MapPut("/{id:guid}", async Task<Results<Ok<SiteView>, ProblemHttpResult>> (Guid id, SiteInput input, HttpRequest http, SiteDirectory d, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => d.SaveAsync(id, input, v, ct)))
            .RequireAuthorization(Policies.Admin).WithSummary("修改网点（管理员）");
    }
}
