using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Reports.Features;

internal static class ReportEndpoints
{
    public static void Map(WebApplication app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("统计分析").RequireAuthorization(Policies.Reports);
        reports.MapGet("/overview", async Task<Results<Ok<Overview>, ProblemHttpResult>> (
                string? from, string? to, string? region, string? department, string? item, CityFigures figures, TimeProvider clock, CancellationToken ct) =>
            {
                var filter = ReportFilter.Parse(from, to, region, department, item, clock.TodayInChina());
                return filter.IsSuccess ? TypedResults.Ok(await figures.OverviewAsync(filter.Value!, ct)) : filter.Error!.ToProblem();
            })
            .WithSummary("全市政务服务指标（from、to 为北京时间日期，默认近 30 天；region 含下辖区县和乡镇；比率为 0–1，无基数时为 null）");
        reports.MapGet("/breakdown", async Task<Results<Ok<Breakdown>, FileContentHttpResult, ProblemHttpResult>> (
                string? from, string? to, string? region, string? department, string? item, string? by, string? format, CityFigures figures, TimeProvider clock, CancellationToken ct) =>
            {
                var filter = ReportFilter.Parse(from, to, region, department, item, clock.TodayInChina());
                if (!filter.IsSuccess)
                {
                    return filter.Error!.ToProblem();
                }

                if (format is not (null or "json" or "csv" or "xlsx"))
                {
                    return Error.Field("format", "format 为 json、csv 或 xlsx").ToProblem();
                }

                var b = await figures.BreakdownAsync(filter.Value!, by, ct);
                if (!b.IsSuccess)
                {
                    return b.Error!.ToProblem();
                }

                return format switch
                {
                    "csv" => TypedResults.File(ReportExports.Csv(b.Value!), CsvText.ContentType, ReportExports.FileName(b.Value!, "csv")),
                    "xlsx" => TypedResults.File(ReportExports.Xlsx(b.Value!), XlsxText.ContentType, ReportExports.FileName(b.Value!, "xlsx")),
                    _ => TypedResults.Ok(b.Value!),
                };
            })
            .WithSummary("分组指标与趋势（by=day 按日、region 按地区、department 按部门、item 按事项；format=json|csv|xlsx）");
        reports.MapGet("/monthly/{month}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string month, string? region, string? department, CityFigures figures, TimeProvider clock, CancellationToken ct) =>
            {
                var pdf = await figures.MonthlyPdfAsync(month, region, department, clock.GetUtcNow(), ct);
                return pdf.IsSuccess ? TypedResults.File(pdf.Value!.Bytes, "application/pdf", pdf.Value.FileName) : pdf.Error!.ToProblem();
            })
            .WithSummary("政务服务月报（PDF，month=yyyy-MM；可按地区、部门）");
    }
}
