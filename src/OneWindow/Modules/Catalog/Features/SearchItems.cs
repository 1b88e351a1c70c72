using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Catalog.Features;

public sealed record ItemSummary(
    string Code, string Name, ServiceItemKind Kind, string KindCode, string KindLabel, string Department, string DepartmentName,
    ApplicantType ApplicantType, CaseType CaseType, int StatutoryDays, int CommittedDays, int OnlineDepth, int VisitsRequired, string LifeEvents);

public sealed record ItemPage(IReadOnlyList<ItemSummary> Items, int Total, int Page, int PageSize);

public sealed record ItemQuery(string? Q, string? Department, string? Kind, string? LifeEvent, string? Region, string? Sort, int Page = 1, int PageSize = 20);

/// <summary>Public search over the published catalogue: Chinese substring search with LIKE, identical on SQLite and PostgreSQL.</summary>
public sealed class ItemSearch(AppDbContext db, DepartmentDirectory departments)
{
    public static IReadOnlyList<string> LifeEvents => Contracts.LifeEvents.All;

    public async Task<Result<ItemPage>> SearchAsync(ItemQuery query, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ServiceItemKind? kind = null;
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            kind = ServiceItemKinds.Parse(query.Kind);
            if (kind is null)
            {
                errors.Add("kind", "事项类型应为国家类型代码（如 01 行政许可、07 行政确认、20 公共服务）");
            }
        }

        if (query.Page < 1)
        {
            errors.Add("page", "页码从 1 开始");
        }

        if (query.PageSize is < 1 or > 100)
        {
            errors.Add("pageSize", "每页条数应为 1 到 100");
        }

        if (query.Sort is not (null or "" or "code" or "name" or "committedDays" or "department"))
        {
            errors.Add("sort", "排序应为 code、name、committedDays 或 department");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var items = db.Set<ServiceItem>().AsNoTracking().Where(i => i.IsCurrent);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = Like(query.Q);
            items = items.Where(i => EF.Functions.Like(i.Name, pattern, "\\") || EF.Functions.Like(i.Keywords, pattern, "\\")
                                     || EF.Functions.Like(i.Code, pattern, "\\") || EF.Functions.Like(i.LifeEvents, pattern, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(query.Department))
        {
            items = items.Where(i => i.DepartmentCode == query.Department);
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            items = items.Where(i => i.RegionCode == query.Region);
        }

        if (kind is { } k)
        {
            items = items.Where(i => i.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(query.LifeEvent))
        {
            var pattern = Like(query.LifeEvent);
            items = items.Where(i => EF.Functions.Like(i.LifeEvents, pattern, "\\"));
        }

        var total = await items.CountAsync(ct);
        items = query.Sort switch
        {
            "name" => items.OrderBy(i => i.Name).ThenBy(i => i.Code),
            "committedDays" => items.OrderBy(i => i.CommittedDays).ThenBy(i => i.Code),
            "department" => items.OrderBy(i => i.DepartmentCode).ThenBy(i => i.Code),
            _ => items.OrderBy(i => i.Code),
        };
        var rows = await items.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(i => new { i.Code, i.Name, i.Kind, i.DepartmentCode, i.ApplicantType, i.CaseType, i.StatutoryDays, i.CommittedDays, i.OnlineDepth, i.VisitsRequired, i.LifeEvents })
            .ToListAsync(ct);
        var names = await departments.NamesAsync(rows.Select(r => r.DepartmentCode), ct);
        return new ItemPage(
            [.. rows.Select(r => new ItemSummary(r.Code, r.Name, r.Kind, ServiceItemKinds.Code(r.Kind), ServiceItemKinds.Label(r.Kind), r.DepartmentCode,
                names.GetValueOrDefault(r.DepartmentCode, r.DepartmentCode), r.ApplicantType, r.CaseType, r.StatutoryDays, r.CommittedDays,
                r.OnlineDepth, r.VisitsRequired, r.LifeEvents))],
            total, query.Page, query.PageSize);
    }

    internal static string Like(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public static void Map(RouteGroupBuilder items) =>
        items.MapGet("/", async Task<Results<Ok<ItemPage>, ProblemHttpResult>> (
                string? q, string? department, string? kind, string? lifeEvent, string? region, string? sort, int? page, int? pageSize,
                ItemSearch search, CancellationToken ct) =>
            {
                var result = await search.SearchAsync(new ItemQuery(q, department, kind, lifeEvent, region, sort, page ?? 1, pageSize ?? 20), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
            })
            .WithSummary("事项检索：关键词（名称、编码、关键字、主题）、部门、类型、主题，分页与排序");
}
