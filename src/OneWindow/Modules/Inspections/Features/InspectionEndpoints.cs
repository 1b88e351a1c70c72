using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Inspections.Features;

internal static class InspectionEndpoints
{
    public static void Map(WebApplication app)
    {
        var g = app.MapGroup("/api/v1/inspections").WithTags("勘验").RequireAuthorization();
        g.MapPost("/", async Task<Results<Ok<InspectionView>, ProblemHttpResult>> (OpenInspectionInput input, InspectionWork w, CancellationToken ct) =>
                (await w.OpenAsync(input, ct)).ToOkOrProblem())
            .WithSummary("安排现场勘验或远程勘验（承办部门人员；办件进入特别程序，计时暂停）");
        g.MapGet("/", async (string? @case, string? status, int? page, int? pageSize, InspectionWork w, CancellationToken ct) =>
                TypedResults.Ok(await w.ListAsync(@case, status, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 200), ct)))
            .WithSummary("勘验记录（承办部门人员见本部门的，申请人见自己办件的；case=办件编号，status=open|concluded）");
        g.MapGet("/distance-saved", async Task<Results<Ok<DistanceReport>, ProblemHttpResult>> (DateOnly? from, DateOnly? to, InspectionWork w, TimeProvider clock, CancellationToken ct) =>
            {
                var today = clock.TodayInChina();
                var range = DateRanges.Check(from ?? today.AddDays(-29), to ?? today, 366);
                return range.IsSuccess ? TypedResults.Ok(await w.DistanceAsync(range.Value.First, range.Value.Last, ct)) : range.Error!.ToProblem();
            })
            .WithSummary("远程勘验节约的往返里程（按部门汇总）");
        g.MapGet("/{id:guid}", async Task<Results<Ok<InspectionView>, ProblemHttpResult>> (Guid id, InspectionWork w, CancellationToken ct) =>
                await w.ViewAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("inspection:not-found", "勘验记录不存在").ToProblem())
            .WithSummary("一次勘验：地点、证据、要点、结论和报告");
        g.MapPost("/{id:guid}/evidence", async Task<Results<Ok<InspectionView>, ProblemHttpResult>> (Guid id, EvidenceInput input, HttpRequest http, InspectionWork w, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => w.AddEvidenceAsync(id, input, v, ct)))
            .WithSummary("记录勘验证据：照片（时间与坐标）、视频连线链接、录像文件、申请人手机实时位置（申请人只报送位置）");
        g.MapPost("/{id:guid}/conclude", async Task<Results<Ok<InspectionView>, ProblemHttpResult>> (Guid id, ConcludeInspectionInput input, HttpRequest http, InspectionWork w, CancellationToken ct) =>
                await http.WithIfMatchAsync(v => w.ConcludeAsync(id, input, v, ct)))
            .WithSummary("出具勘验报告：逐项要点、勘验情况与结论，加盖部门电子印章；办件计时恢复");
        g.MapGet("/{id:guid}/report.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, HttpRequest http, InspectionWork w, IDepartmentDirectory departments, TimeProvider clock, CancellationToken ct) =>
            {
                if (await w.FindAsync(id, ct) is not { Payload: { } payload } i)
                {
                    return Error.NotFound("inspection:no-report", "勘验报告不存在或尚未出具").ToProblem();
                }

                var name = (await departments.FindAsync(i.DepartmentCode, ct))?.Name ?? i.DepartmentCode;
                var link = InspectionPrint.VerifyLink(http.PublicBase(), payload);
                return TypedResults.File(InspectionPrint.Pdf(i, name, link, clock.GetUtcNow()), "application/pdf", $"{i.ReportNumber}.pdf");
            })
            .WithSummary("勘验报告 PDF（盖电子印章，二维码在 /verify 核验）");
    }
}
