using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features;

internal sealed record CaseSummary(
    Guid Id, string Number, CaseStatus Status, string StatusLabel, string ItemCode, string ItemName, string Department, Channel Channel,
    string ApplicantName, string ApplicantCode, DateTimeOffset SubmittedAt, DateOnly? DueDate, DeadlineState DeadlineState, bool Paused);

/// <summary>
/// GET /api/v1/cases. <c>view</c>: <c>todo</c> (what waits for me: a clerk's cases to accept and to
/// hand out, a reviewer's to review, an approver's to decide), <c>mine</c> (an applicant's own; the
/// only view applicants get) or <c>all</c> (everything I may see). Filters: status, deadline, q (number,
/// applicant, item). Sort: <c>due</c> (default; the nearest deadline first), <c>submitted</c>, <c>number</c>.
/// </summary>
internal sealed record CaseQuery(string? View, string? Status, string? Deadline, string? Q, string? Sort, int Page = 1, int PageSize = 20);

internal sealed class CaseQueries(AppDbContext db, ICurrentUser user)
{
    public async Task<Result<Page<CaseSummary>>> ListAsync(CaseQuery query, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var statuses = Parse<CaseStatus>(query.Status, "status", errors);
        var deadlines = Parse<DeadlineState>(query.Deadline, "deadline", errors);
        if (query.View is not (null or "" or "todo" or "mine" or "all"))
        {
            errors.Add("view", "view 应为 todo、mine 或 all");
        }

        if (query.Sort is not (null or "" or "due" or "submitted" or "-submitted" or "number"))
        {
            errors.Add("sort", "sort 应为 due、submitted、-submitted 或 number");
        }

        if (query.Page < 1 || query.PageSize is < 1 or > 200)
        {
            errors.Add("page", "page 从 1 开始，pageSize 为 1 到 200");
        }

        if (errors.Any)
        {
            return errors.ToError("case:invalid-query", "查询条件有误");
        }

        var cases = Visible(query.View == "todo" ? "todo" : user.IsStaff && query.View != "mine" ? "all" : "mine");
        if (statuses.Count > 0)
        {
            cases = cases.Where(c => statuses.Contains(c.Status));
        }

        if (deadlines.Count > 0)
        {
            cases = cases.Where(c => deadlines.Contains(c.DeadlineState));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            cases = cases.Where(c => c.Number.Contains(q) || c.ApplicantName.Contains(q) || c.ItemName.Contains(q) || c.ItemCode == q);
        }

        cases = query.Sort switch
        {
            "submitted" => cases.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Number),
            "-submitted" => cases.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Number),
            "number" => cases.OrderBy(c => c.Number),
            // Cases without a due date (not yet accepted) first: they wait for the counter today.
            _ => cases.OrderBy(c => c.DueDate != null).ThenBy(c => c.DueDate).ThenBy(c => c.Number),
        };
        var total = await cases.CountAsync(ct);
        var rows = await cases.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Page<CaseSummary>([.. rows.Select(Summarise)], total, query.Page, query.PageSize);
    }

    /// <summary>The cases this user may see in the given view.</summary>
    private IQueryable<Case> Visible(string view)
    {
        var all = db.Set<Case>().AsNoTracking();
        if (!user.IsStaff || view == "mine")
        {
            return all.Where(c => c.ApplicantUserId == user.UserId || c.SubmittedById == user.UserId);
        }

        var region = user.RegionCode;
        var department = user.DepartmentCode;
        if (view == "todo")
        {
            var clerk = user.IsInRole(Roles.IntakeClerk);
            var reviewer = user.IsInRole(Roles.Reviewer);
            var approver = user.IsInRole(Roles.Approver);
            return all.Where(c =>
                (clerk && (c.RegionCode == region || c.AcceptingRegion == region) && (c.Status == CaseStatus.Submitted || c.Status == CaseStatus.Approved || c.Status == CaseStatus.Denied))
                || (reviewer && c.DepartmentCode == department && !c.SoleApprover && c.SuspendedSince == null
                    && (c.Status == CaseStatus.Accepted || c.Status == CaseStatus.AcceptedWithDeferral))
                || (approver && c.DepartmentCode == department && c.SuspendedSince == null
                    && (c.Status == CaseStatus.InReview || (c.SoleApprover && (c.Status == CaseStatus.Accepted || c.Status == CaseStatus.AcceptedWithDeferral)))));
        }

        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor))
        {
            return all;
        }

        // As CaseAccess: the region's clerks and hotline (the owner's and, 跨域通办, the accepting region's), the owning department's officers, the helper who submitted it.
        var regionWide = user.IsInRole(Roles.IntakeClerk) || user.IsInRole(Roles.HotlineAgent);
        var officerOf = user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Approver) || user.IsInRole(Roles.DepartmentHead) ? department : null;
        var me = user.UserId;
        return all.Where(c => (regionWide && (c.RegionCode == region || c.AcceptingRegion == region)) || (officerOf != null && c.DepartmentCode == officerOf) || c.SubmittedById == me);
    }

    private CaseSummary Summarise(Case c) => new(
        c.Id, c.Number, c.Status, c.StatusText, c.ItemCode, c.ItemName, c.DepartmentCode, c.Channel, c.ApplicantName,
        c.ApplicantUserId == user.UserId ? c.ApplicantCode : Mask.IdentityCode(c.ApplicantCode), c.SubmittedAt, c.DueDate, c.DeadlineState,
        c.PausedSince is not null || c.SuspendedSince is not null);

    private static List<T> Parse<T>(string? csv, string field, FieldErrors errors) where T : struct, Enum
    {
        var list = new List<T>();
        foreach (var part in (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TextRules.TryEnum<T>(part, out var value))
            {
                list.Add(value);
            }
            else
            {
                errors.Add(field, $"{part} 不是有效的取值；可选：{string.Join("、", Enum.GetNames<T>())}");
            }
        }

        return list;
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/", async Task<Results<Ok<Page<CaseSummary>>, ProblemHttpResult>> (
                [AsParameters] CaseListParameters p, CaseQueries queries, CancellationToken ct) =>
            {
                var result = await queries.ListAsync(new CaseQuery(p.View, p.Status, p.Deadline, p.Q, p.Sort, p.Page ?? 1, p.PageSize ?? 20), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
            })
            .WithSummary("办件列表：待办（todo）、我的（mine）、全部（all），按期限排序");
}

internal sealed record CaseListParameters(string? View, string? Status, string? Deadline, string? Q, string? Sort, int? Page, int? PageSize);
