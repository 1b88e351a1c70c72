using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Catalog.Features;

internal sealed record ItemVersionSummary(int ItemVersion, ItemStatus Status, bool IsCurrent, DateTimeOffset UpdatedAt, string UpdatedBy, DateTimeOffset? PublishedAt);

/// <summary>Staff endpoints: drafts, publishing, versions, export and import of the whole catalogue.</summary>
internal static class ManageItems
{
    public const string EditorPolicy = "CatalogEditor";

    public static void Map(RouteGroupBuilder items, IEndpointRouteBuilder app)
    {
        items.MapPut("/{code}/draft", async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> (
                string code, ItemDocument body, CatalogEditor editor, ItemReader reader, CancellationToken ct) =>
            {
                if (!string.Equals(code, body.Code, StringComparison.Ordinal))
                {
                    return Error.Field("code", "请求体中的事项编码与地址不一致").ToProblem();
                }

                var saved = await editor.SaveDraftAsync(body, ct);
                return saved.IsSuccess ? TypedResults.Ok(await reader.DetailAsync(saved.Value!, ct)) : saved.Error!.ToProblem();
            })
            .RequireAuthorization(EditorPolicy)
            .WithSummary("保存草稿（已发布的事项生成新版本草稿；已发布版本不可修改）");

        items.MapPost("/{code}/publish", async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> (
                string code, CatalogEditor editor, ItemReader reader, CancellationToken ct) =>
            {
                var published = await editor.PublishAsync(code, ct);
                return published.IsSuccess ? TypedResults.Ok(await reader.DetailAsync(published.Value!, ct)) : published.Error!.ToProblem();
            })
            .RequireAuthorization(EditorPolicy)
            .WithSummary("发布草稿，取代当前版本");

        items.MapGet("/{code}/versions", async Task<Results<Ok<List<ItemVersionSummary>>, ProblemHttpResult>> (string code, AppDbContext db, CancellationToken ct) =>
            {
                var versions = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.ItemVersion)
                    .Select(i => new ItemVersionSummary(i.ItemVersion, i.Status, i.IsCurrent, i.UpdatedAt, i.UpdatedBy, i.PublishedAt)).ToListAsync(ct);
                return versions.Count == 0 ? ItemReader.NotFound(code).ToProblem() : TypedResults.Ok(versions);
            })
            .RequireAuthorization(Policies.Staff)
            .WithSummary("事项的全部版本");

        var catalog = app.MapGroup("/api/v1/catalog").WithTags("事项目录").RequireAuthorization(EditorPolicy);
        catalog.MapGet("/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string? format, CatalogEditor editor, TimeProvider clock, CancellationToken ct) =>
            {
                var kind = CatalogFiles.FormatOf(format ?? "json");
                if (kind is not { } f)
                {
                    return Error.Field("format", "format 应为 json、csv 或 xlsx").ToProblem();
                }

                var (type, extension) = CatalogFiles.Describe(f);
                var bytes = CatalogFiles.Write(await editor.ExportAsync(ct), f, clock.GetUtcNow());
                return TypedResults.File(bytes, type, $"onewindow-catalog-{Timestamps.TodayInChina(clock):yyyyMMdd}.{extension}");
            })
            .WithSummary("导出全部已发布事项（json、csv、xlsx）");

        catalog.MapPost("/import", async Task<Results<Ok<ImportReport>, ProblemHttpResult>> (
                HttpRequest request, CatalogEditor editor, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return Error.Field("file", "请以 multipart/form-data 上传，字段名 file").ToProblem();
                }

                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                var format = CatalogFiles.FormatOf(file?.FileName);
                if (file is null || format is null)
                {
                    return Error.Field("file", "请上传 .json、.csv 或 .xlsx 文件（字段名 file）").ToProblem();
                }

                await using var stream = file.OpenReadStream();
                var rows = CatalogFiles.Read(stream, format.Value);
                if (!rows.IsSuccess)
                {
                    return rows.Error!.ToProblem();
                }

                var report = await editor.ImportAsync(rows.Value!, ct);
                if (!report.IsSuccess)
                {
                    return report.Error!.ToProblem();
                }

                if (report.Value!.Rejected.Count == 0)
                {
                    return TypedResults.Ok(report.Value);
                }

                var problem = Problems.ToProblemDetails(new Error(
                    "catalog:import-rejected", $"有 {report.Value.Rejected.Count} 行有误，整个文件未导入", ErrorKind.Validation));
                problem.Extensions["rows"] = report.Value.Rejected;
                return TypedResults.Problem(problem);
            })
            .DisableAntiforgery().AcceptsFileUpload()
            .WithSummary("导入事项目录：任何一行有误则整体不导入，并逐行报告");
    }
}
