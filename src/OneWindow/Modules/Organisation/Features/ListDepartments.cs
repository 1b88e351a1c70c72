using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Organisation.Features;

internal static class ListDepartments
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/departments").WithTags("组织机构");
        group.MapGet("/", async (string? q, string? region, int? page, int? pageSize, IDepartmentDirectory directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.SearchAsync(q, region, page ?? 1, pageSize ?? 20, ct)))
            .WithSummary("部门列表（按名称或职能搜索，分页）");
        group.MapGet("/{code}", async Task<Results<Ok<DepartmentInfo>, ProblemHttpResult>> (string code, IDepartmentDirectory directory, CancellationToken ct) =>
            await directory.FindAsync(code, ct) is { } d
                ? TypedResults.Ok(d)
                : Error.NotFound("department:not-found", $"部门 {code} 不存在").ToProblem())
            .WithSummary("一个部门");
    }
}
