using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features;

public sealed record TimelineEntry(DateTimeOffset At, string Action, string Actor);

public sealed record CaseView(
    Guid Id, string Number, CaseStatus Status, string StatusLabel, string ItemCode, string ItemName, string Department, Channel Channel,
    string ApplicantName, string ApplicantCode, DateTimeOffset SubmittedAt, DateOnly? AcceptedOn, DateOnly? DueDate, int CommittedDays,
    IReadOnlyList<DeficiencyItem> Deficiencies, IReadOnlyList<string> DeferredMaterials, DateOnly? PledgeDueDate,
    string? ReviewOpinion, string? DecisionOpinion, string? DeclineReason, Delivery? Delivery, int Version, IReadOnlyList<TimelineEntry> Timeline);

public sealed record AcceptWithDeferralRequest
{
    public List<string>? Deferred { get; init; }

    public DateOnly? PledgeDueDate { get; init; }
}

public sealed record SupplementRequest
{
    public List<DeficiencyItem>? Items { get; init; }
}

public sealed record ReasonRequest
{
    public string? Reason { get; init; }
}

public sealed record ReviewRequest
{
    public string? Opinion { get; init; }

    public Recommendation? Recommendation { get; init; }
}

public sealed record OpinionRequest
{
    public string? Opinion { get; init; }
}

public sealed record CompleteRequest
{
    public Delivery? Delivery { get; init; }
}

/// <summary>
/// Officers' and applicants' actions on a case. Who may act: a clerk of the case's region accepts,
/// declines and completes any item (一窗); reviewers and approvers act only on their department's
/// cases; the applicant supplements and withdraws their own. Two officers acting at once: one wins,
/// the other gets 409.
/// </summary>
public sealed class CaseActions(AppDbContext db, AuditTrail audit, Outbox outbox, ICurrentUser user, WorkingDayCalendar calendar, CatalogQueries catalog, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("case:not-found", "办件不存在");

    internal CatalogQueries Catalog => catalog;

    private static Error Forbidden(string what) => Error.Forbidden("case:forbidden", $"您无权{what}该办件");

    private bool IsClerkOf(Case c) => user.IsInRole(Roles.IntakeClerk) && user.RegionCode == c.RegionCode;

    private bool IsOfficerOf(Case c, string role) => user.IsInRole(role) && user.DepartmentCode == c.DepartmentCode;

    private bool IsApplicantOf(Case c) => c.ApplicantUserId is not null && c.ApplicantUserId == user.UserId;

    public bool CanSee(Case c) => IsApplicantOf(c) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor)
                                  || (user.IsStaff && (user.RegionCode == c.RegionCode || user.DepartmentCode == c.DepartmentCode));

    public async Task<Result<CaseView>> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CanSee(c))
        {
            return NotFound;
        }

        var subject = id.ToString();
        var timeline = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectType == "Case" && a.SubjectId == subject)
            .OrderBy(a => a.Id).Select(a => new TimelineEntry(a.At, a.Action, a.ActorName)).ToListAsync(ct);
        var code = IsApplicantOf(c) || user.IsStaff ? c.ApplicantCode : Mask.IdentityCode(c.ApplicantCode);
        return new CaseView(c.Id, c.Number, c.Status, Case.Label(c.Status), c.ItemCode, c.ItemName, c.DepartmentCode, c.Channel, c.ApplicantName, code,
            c.SubmittedAt, c.AcceptedOn, c.DueDate, c.CommittedDays, c.Deficiencies, c.DeferredMaterials, c.PledgeDueDate, c.ReviewOpinion,
            c.DecisionOpinion, c.DeclineReason, c.Delivery, c.Version, timeline);
    }

    /// <summary>Loads, checks who may act, applies the transition, and saves it with its audit entry and event — or answers why not.</summary>
    public async Task<Result<CaseView>> ActAsync(Guid id, string action, Func<Case, bool> mayAct, string what, Func<Case, CalendarRules, Task<Result>> transition, CancellationToken ct)
    {
        var c = await db.Set<Case>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CanSee(c))
        {
            return NotFound;
        }

        if (!mayAct(c))
        {
            return Forbidden(what);
        }

        var result = await transition(c, await calendar.RulesAsync(ct));
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        audit.Record(new AuditRecord(c.RegionCode, "Case", c.Id.ToString(), action, new { status = c.Status.ToString(), c.DueDate }));
        outbox.Enqueue(new CaseChanged(c.Id, c.Number, c.ItemName, action, c.Status.ToString(), c.ApplicantUserId, c.ApplicantMobile, c.RegionCode));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private DateOnly Today => clock.TodayInChina();

    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/{id:guid}", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, CaseActions actions, CancellationToken ct) =>
            Reply(await actions.GetAsync(id, ct))).WithSummary("办件详情与进度（时间线）");

        Post<EmptyRequest>(cases, "accept", "CaseAccepted", "受理", (a, c) => a.IsClerkOf(c),
            (a, c, rules, _) => Task.FromResult(c.Accept(a.Today, rules)));
        Post<AcceptWithDeferralRequest>(cases, "accept-with-deferral", "CaseAcceptedWithDeferral", "容缺受理", (a, c) => a.IsClerkOf(c),
            async (a, c, rules, body) =>
            {
                var item = await a.Catalog.VersionAsync(c.ItemVersionId);
                var deferrable = item!.DeferrableMaterials;
                if (body.PledgeDueDate is null)
                {
                    return Error.Field("pledgeDueDate", "请填写承诺补齐日期");
                }

                return c.AcceptWithDeferral(a.Today, rules, body.Deferred ?? [], deferrable, body.PledgeDueDate.Value);
            });
        Post<SupplementRequest>(cases, "request-supplement", "SupplementRequested", "要求补正",
            (a, c) => a.IsClerkOf(c) || a.IsOfficerOf(c, Roles.Reviewer) || a.IsOfficerOf(c, Roles.Approver),
            (a, c, _, body) => Task.FromResult(c.RequestSupplement(a.Today, body.Items ?? [])));
        Post<EmptyRequest>(cases, "supplement", "Supplemented", "补正", (a, c) => a.IsApplicantOf(c) || a.IsClerkOf(c),
            (a, c, rules, _) => Task.FromResult(c.Supplement(a.Today, rules)));
        Post<ReasonRequest>(cases, "decline", "CaseDeclined", "不予受理", (a, c) => a.IsClerkOf(c),
            (_, c, _, body) => Task.FromResult(c.Decline(body.Reason)));
        Post<ReviewRequest>(cases, "review", "CaseReviewed", "审查", (a, c) => a.IsOfficerOf(c, Roles.Reviewer),
            (_, c, _, body) => Task.FromResult(body.Recommendation is { } r ? c.Review(body.Opinion, r) : Error.Field("recommendation", "请选择审查建议：approve 或 deny")));
        Post<OpinionRequest>(cases, "approve", "CaseApproved", "准予许可", (a, c) => a.IsOfficerOf(c, Roles.Approver),
            (_, c, _, body) => Task.FromResult(c.Decide(true, body.Opinion)));
        Post<ReasonRequest>(cases, "deny", "CaseDenied", "不予许可", (a, c) => a.IsOfficerOf(c, Roles.Approver),
            (_, c, _, body) => Task.FromResult(c.Decide(false, body.Reason)));
        Post<CompleteRequest>(cases, "complete", "CaseCompleted", "办结", (a, c) => a.IsClerkOf(c),
            (_, c, _, body) => Task.FromResult(c.Complete(body.Delivery ?? Domain.Delivery.Counter)));
        Post<EmptyRequest>(cases, "withdraw", "CaseWithdrawn", "撤回", (a, c) => a.IsApplicantOf(c) || a.IsClerkOf(c),
            (_, c, _, _) => Task.FromResult(c.Withdraw()));
    }

    public sealed record EmptyRequest;

    private static void Post<TBody>(RouteGroupBuilder cases, string route, string action, string what,
        Func<CaseActions, Case, bool> mayAct, Func<CaseActions, Case, CalendarRules, TBody, Task<Result>> transition)
        where TBody : class, new() =>
        cases.MapPost("/{id:guid}/" + route, async Task<Results<Ok<CaseView>, ProblemHttpResult>> (
                Guid id, HttpRequest http, CaseActions actions, CancellationToken ct) =>
            {
                // A body is optional (accept, supplement, withdraw need none); when there is one it must be JSON.
                TBody body;
                if (http.HasJsonContentType())
                {
                    body = await http.ReadFromJsonAsync<TBody>(ct) ?? new TBody();
                }
                else if (http.ContentLength is null or 0)
                {
                    body = new TBody();
                }
                else
                {
                    return new Error("request:unsupported-media-type", "请求内容应为 application/json", ErrorKind.Validation).ToProblem();
                }
                return Reply(await actions.ActAsync(id, action, c => mayAct(actions, c), what, (c, rules) => transition(actions, c, rules, body), ct));
            })
            .WithSummary(what);

    private static Results<Ok<CaseView>, ProblemHttpResult> Reply(Result<CaseView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
}
