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
    Guid Id, string Number, CaseStatus Status, string StatusLabel, string? Outcome, string ItemCode, string ItemName, string Department, Channel Channel,
    bool SoleApprover, string ApplicantKind, string ApplicantName, string ApplicantCode, DateTimeOffset SubmittedAt, DateOnly? AcceptedOn, DateOnly? DueDate,
    int CommittedDays, DeadlineState DeadlineState, IReadOnlyList<PausedPeriod> Pauses, IReadOnlyList<SubmittedMaterial> Materials,
    IReadOnlyList<DeficiencyItem> Deficiencies, DateOnly? SupplementDueDate, IReadOnlyList<string> DeferredMaterials, DateOnly? PledgeDueDate,
    DateOnly? PledgeFulfilledOn, DateOnly? SuspendedSince, Recommendation? ReviewRecommendation, string? ReviewOpinion, string? DecisionOpinion,
    string? DeclineReason, Delivery? Delivery, IReadOnlyDictionary<string, string[]> Form, int Version, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The 一件事 application this case is a sub-case of.</summary>
    public Guid? BundleApplicationId { get; init; }

    /// <summary>特别程序 (联合评审, 现场踏勘) the case went through, with their conclusions; their days do not count.</summary>
    public IReadOnlyList<SpecialProcedure> Procedures { get; init; } = [];

    /// <summary>拿地即开工: licence types one of which the applicant must hold before the case is granted.</summary>
    public IReadOnlyList<string> GrantAwaitsLicense { get; init; } = [];
}

/// <summary>Materials handed in with a supplement or a kept 容缺 pledge.</summary>
public sealed record MaterialsRequest
{
    public List<MaterialInput?>? Materials { get; init; }
}

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
public sealed class CaseActions(
    AppDbContext db, AuditTrail audit, Outbox outbox, ICurrentUser user, WorkingDayCalendar calendar, CatalogQueries catalog, CaseMaterials materials,
    BundleSteps bundleSteps, Licenses.Contracts.LicenseLibrary licenses, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("case:not-found", "办件不存在");

    private static Error Changed => Error.Conflict("case:changed", "办件已被他人处理（内容已更新），请刷新后再操作");

    internal CatalogQueries Catalog => catalog;

    /// <summary>Checks materials handed in for this case against its item version; field errors when any is wrong.</summary>
    internal async Task<Result<List<SubmittedMaterial>>> MaterialsAsync(Case c, List<MaterialInput?>? given, CancellationToken ct)
    {
        var item = await catalog.VersionAsync(c.ItemVersionId, ct);
        var errors = new FieldErrors();
        var checkedMaterials = await materials.CheckAsync(given, item, c.ApplicantCode, errors, ct);
        return errors.Any ? errors.ToError("case:invalid-materials", "材料有误") : checkedMaterials;
    }

    /// <summary>What acceptance needs: the item's required materials, less those a sibling in the bundle produces.</summary>
    private async Task<IReadOnlyDictionary<string, string>> RequiredAsync(Case c, CancellationToken ct)
    {
        var required = (await catalog.VersionAsync(c.ItemVersionId, ct))!.RequiredMaterials;
        return c.ProvidedWithinBundle.Count == 0 ? required : required.Where(r => !c.ProvidedWithinBundle.Contains(r.Key)).ToDictionary();
    }

    /// <summary>拿地即开工: whether a pre-reviewed case's applicant now holds the land licence it waits for.</summary>
    private async Task<bool> LandObtainedAsync(Case c, CancellationToken ct) =>
        c.GrantAwaitsLicense.Count == 0 || (await licenses.ValidAsync(c.ApplicantCode, c.GrantAwaitsLicense, ct)).Count > 0;

    private static Error AwaitsLand(Case c) => Error.Conflict("case:awaits-land",
        $"拿地即开工：本办件已可出具预审意见，建设单位取得{string.Join("或", c.GrantAwaitsLicense.Select(Licenses.Contracts.LicenseTypes.NameOf))}后方可准予许可");

    private static Error Forbidden(string what) => Error.Forbidden("case:forbidden", $"您无权{what}该办件");

    private bool IsClerkOf(Case c) => user.IsInRole(Roles.IntakeClerk) && user.RegionCode == c.RegionCode;

    private bool IsOfficerOf(Case c, string role) => user.IsInRole(role) && user.DepartmentCode == c.DepartmentCode;

    private bool IsApplicantOf(Case c) => c.ApplicantUserId is not null && c.ApplicantUserId == user.UserId;

    /// <summary>The helper (帮办代办, 项目管家) who submitted the case for the applicant: they prepare its materials with them.</summary>
    private bool IsHelperOf(Case c) => user.IsInRole(Roles.HallGuide) && c.SubmittedById == user.UserId;

    public bool CanSee(Case c) => CaseAccess.MaySee(user, c);

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
        var full = CaseAccess.SeesPersonalData(user, c);
        if (full && user.IsStaff)
        {
            // Every staff view of a case's personal data is on the audit chain (who, when), apart from its timeline.
            audit.Record(new AuditRecord(c.RegionCode, "PersonalData", c.Id.ToString(), "CaseViewed", new { c.Number }));
            await db.SaveChangesAsync(ct);
        }

        var code = full ? c.ApplicantCode : Mask.IdentityCode(c.ApplicantCode);
        var form = full ? c.Form : Mask.PersonalValues(c.Form);
        return new CaseView(c.Id, c.Number, c.Status, c.StatusText, c.Outcome, c.ItemCode, c.ItemName, c.DepartmentCode, c.Channel, c.SoleApprover,
            c.ApplicantKind, c.ApplicantName, code, c.SubmittedAt, c.AcceptedOn, c.DueDate, c.CommittedDays, c.DeadlineState, c.Pauses, c.Materials,
            c.Deficiencies, c.SupplementDueDate, c.DeferredMaterials, c.PledgeDueDate, c.PledgeFulfilledOn, c.SuspendedSince, c.ReviewRecommendation,
            c.ReviewOpinion, c.DecisionOpinion, c.DeclineReason, c.Delivery, form, c.Version, timeline)
        {
            BundleApplicationId = c.BundleApplicationId, Procedures = c.Procedures, GrantAwaitsLicense = c.GrantAwaitsLicense,
        };
    }

    /// <summary>Loads, checks who may act, applies the transition, and saves it with its audit entry and event — or answers why not.</summary>
    private async Task<Result<CaseView>> ActAsync(
        Guid id, string action, Func<Case, bool> mayAct, string what, int? expectedVersion, Func<Case, CalendarRules, Task<Result>> transition, CancellationToken ct)
    {
        // A sub-case's step also touches its bundle (whose state it may complete); when a sibling's step
        // took the bundle first, the step is simply taken again on fresh data.
        for (var attempt = 1; ; attempt++)
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

            if (expectedVersion is { } expected && expected != c.Version)
            {
                return Changed;
            }

            var result = await transition(c, await calendar.RulesAsync(ct));
            if (!result.IsSuccess)
            {
                return result.Error!;
            }

            Record(audit, outbox, c, action);
            if (c.BundleApplicationId is not null)
            {
                await bundleSteps.AfterSubCaseStepAsync(c, action, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return await GetAsync(id, ct);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // Another officer (or the deadline job) changed the case between our read and our write.
                db.ChangeTracker.Clear();
                if (attempt >= 3 || ex.Entries.Any(e => e.Entity is Case))
                {
                    return Changed;
                }
            }
        }
    }

    /// <summary>
    /// One named transition on several cases at once (a bundle's acceptance or supplement), in the caller's
    /// unit of work: every case passes or none changes. The cases are tracked by the caller, who saves.
    /// </summary>
    internal async Task<Result> RunAllAsync(string route, IReadOnlyList<Case> cases, Func<Case, object> bodyFor, CancellationToken ct)
    {
        var d = Definitions.Single(x => x.Route == route);
        var rules = await calendar.RulesAsync(ct);
        var errors = new FieldErrors();
        Error? first = null;
        foreach (var c in cases)
        {
            if (!d.MayAct(this, c))
            {
                return Forbidden(d.What);
            }

            var result = await d.Transition(this, c, rules, bodyFor(c), ct);
            if (result.IsSuccess)
            {
                continue;
            }

            first ??= result.Error!;
            errors.AddAll(result.Error);
        }

        if (first is not null)
        {
            return errors.Any ? errors.ToError(first.Code, first.Title) : first;
        }

        foreach (var c in cases)
        {
            Record(audit, outbox, c, d.Action);
        }

        return Result.Ok();
    }

    /// <summary>The audit entry and the outbox event of one transition (officers' actions and the deadline job alike).</summary>
    internal static void Record(AuditTrail audit, Outbox outbox, Case c, string action)
    {
        audit.Record(new AuditRecord(c.RegionCode, "Case", c.Id.ToString(), action,
            new { status = c.Status.ToString(), c.DueDate, c.Outcome, deadline = c.DeadlineState.ToString() }));
        outbox.Enqueue(Event(c, action));
    }

    /// <summary>The integration event of a case's step.</summary>
    internal static CaseChanged Event(Case c, string action) =>
        new(c.Id, c.Number, c.ItemName, action, c.Status.ToString(), c.ApplicantUserId, c.ApplicantMobile, c.RegionCode)
        {
            DepartmentCode = c.DepartmentCode, Outcome = c.Outcome, BundleApplicationId = c.BundleApplicationId,
        };

    private DateOnly Today => clock.TodayInChina();

    /// <summary>One named transition: its route, audit action, who may take it, and what it does.</summary>
    /// <param name="Open">Whether the case's present state allows it (the domain's own rule; the page offers only open transitions).</param>
    private sealed record Definition(
        string Route, string Action, string What, Func<HttpRequest, CancellationToken, Task<object?>> ReadBody, Func<Case, bool> Open,
        Func<CaseActions, Case, bool> MayAct, Func<CaseActions, Case, CalendarRules, object, CancellationToken, Task<Result>> Transition);

    private static Definition Def<TBody>(string route, string action, string what, Func<Case, bool> open, Func<CaseActions, Case, bool> mayAct,
        Func<CaseActions, Case, CalendarRules, TBody, CancellationToken, Task<Result>> transition)
        where TBody : class, new() =>
        new(route, action, what, async (http, ct) =>
            {
                // A body is optional (accept, withdraw need none); when there is one it must be JSON.
                if (http.HasJsonContentType())
                {
                    return await http.ReadFromJsonAsync<TBody>(ct) ?? new TBody();
                }

                return http.ContentLength is null or 0 ? new TBody() : null;
            },
            open, mayAct, (a, c, rules, body, ct) => transition(a, c, rules, (TBody)body, ct));

    private static Task<Result> Done(Result result) => Task.FromResult(result);

    private static readonly Definition[] Definitions =
    [
        Def<EmptyRequest>("accept", "CaseAccepted", "受理", c => c.CanAccept, (a, c) => a.IsClerkOf(c),
            async (a, c, rules, _, ct) => c.Accept(a.Today, rules, await a.RequiredAsync(c, ct))),
        Def<AcceptWithDeferralRequest>("accept-with-deferral", "CaseAcceptedWithDeferral", "容缺受理", c => c.CanAccept, (a, c) => a.IsClerkOf(c),
            async (a, c, rules, body, ct) =>
            {
                var item = (await a.Catalog.VersionAsync(c.ItemVersionId, ct))!;
                return body.PledgeDueDate is { } pledge
                    ? c.AcceptWithDeferral(a.Today, rules, await a.RequiredAsync(c, ct), body.Deferred ?? [], item.DeferrableMaterials, pledge)
                    : Error.Field("pledgeDueDate", "请填写承诺补齐日期");
            }),
        Def<SupplementRequest>("request-supplement", "SupplementRequested", "要求补正", c => c.CanRequestSupplement && !c.IsSuspended,
            (a, c) => a.IsClerkOf(c) || a.IsOfficerOf(c, Roles.Reviewer) || a.IsOfficerOf(c, Roles.Approver),
            (a, c, rules, body, _) => Done(c.RequestSupplement(a.Today, rules, body.Items ?? []))),
        Def<MaterialsRequest>("supplement", "Supplemented", "补正", c => c.CanSupplement, (a, c) => a.IsApplicantOf(c) || a.IsClerkOf(c) || a.IsHelperOf(c),
            async (a, c, rules, body, ct) =>
            {
                var given = await a.MaterialsAsync(c, body.Materials, ct);
                return given.IsSuccess ? c.Supplement(a.Today, rules, given.Value!) : given.Error!;
            }),
        Def<MaterialsRequest>("fulfil-pledge", "PledgeFulfilled", "补齐容缺材料", c => c.CanFulfilPledge, (a, c) => a.IsApplicantOf(c) || a.IsClerkOf(c) || a.IsHelperOf(c),
            async (a, c, rules, body, ct) =>
            {
                var given = await a.MaterialsAsync(c, body.Materials, ct);
                return given.IsSuccess ? c.FulfilPledge(a.Today, rules, given.Value!) : given.Error!;
            }),
        Def<ReasonRequest>("decline", "CaseDeclined", "不予受理", c => c.CanDecline, (a, c) => a.IsClerkOf(c), (_, c, _, body, _) => Done(c.Decline(body.Reason))),
        Def<ReviewRequest>("review", "CaseReviewed", "审查", c => c.CanReview && !c.IsSuspended, (a, c) => a.IsOfficerOf(c, Roles.Reviewer),
            (_, c, _, body, _) => Done(body.Recommendation is { } r ? c.Review(body.Opinion, r) : Error.Field("recommendation", "请选择审查建议：approve 或 deny"))),
        Def<OpinionRequest>("approve", "CaseApproved", "准予许可", c => c.CanDecide && !c.IsSuspended, (a, c) => a.IsOfficerOf(c, Roles.Approver),
            async (a, c, _, body, ct) => await a.LandObtainedAsync(c, ct) ? c.Decide(true, body.Opinion) : AwaitsLand(c)),
        Def<ReasonRequest>("deny", "CaseDenied", "不予许可", c => c.CanDecide && !c.IsSuspended, (a, c) => a.IsOfficerOf(c, Roles.Approver), (_, c, _, body, _) => Done(c.Decide(false, body.Reason))),
        Def<CompleteRequest>("complete", "CaseCompleted", "办结", c => c.CanComplete, (a, c) => a.IsClerkOf(c),
            (_, c, _, body, _) => Done(c.Complete(body.Delivery ?? Domain.Delivery.Counter))),
        Def<EmptyRequest>("withdraw", "CaseWithdrawn", "撤回", c => c.CanWithdraw, (a, c) => a.IsApplicantOf(c) || a.IsClerkOf(c), (_, c, _, _, _) => Done(c.Withdraw())),
    ];

    /// <summary>The transitions this user may take on this case now: theirs to take and open in its present state (the page shows their buttons).</summary>
    public IReadOnlySet<string> Permitted(Case c) => Definitions.Where(d => d.MayAct(this, c) && d.Open(c)).Select(d => d.Route).ToHashSet();

    /// <summary>The transitions that are this user's to take on this case, whatever its present state.</summary>
    public IReadOnlySet<string> Theirs(Case c) => Definitions.Where(d => d.MayAct(this, c)).Select(d => d.Route).ToHashSet();

    /// <summary>
    /// Takes a named transition (a route such as "accept") with its request body. With <paramref name="expectedVersion"/>
    /// (a page's hidden field, or an API If-Match), a case changed since the person looked at it is refused with 409.
    /// </summary>
    public async Task<Result<CaseView>> RunAsync(string route, Guid id, object body, int? expectedVersion, CancellationToken ct)
    {
        var d = Definitions.Single(x => x.Route == route);
        return await ActAsync(id, d.Action, c => d.MayAct(this, c), d.What, expectedVersion, (c, rules) => d.Transition(this, c, rules, body, ct), ct);
    }

    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/{id:guid}", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, CaseActions actions, CancellationToken ct) =>
            (await actions.GetAsync(id, ct)).ToOkOrProblem()).WithSummary("办件详情与进度（时间线）");

        foreach (var d in Definitions)
        {
            cases.MapPost("/{id:guid}/" + d.Route, async Task<Results<Ok<CaseView>, ProblemHttpResult>> (
                    Guid id, HttpRequest http, CaseActions actions, CancellationToken ct) =>
                {
                    if (await d.ReadBody(http, ct) is not { } body)
                    {
                        return new Error("request:unsupported-media-type", "请求内容应为 application/json", ErrorKind.Validation).ToProblem();
                    }

                    var expected = http.IfMatchVersion();
                    if (!expected.IsSuccess)
                    {
                        return expected.Error!.ToProblem();
                    }

                    return (await actions.RunAsync(d.Route, id, body, expected.Value, ct)).ToOkOrProblem();
                })
                .RequireAuthorization(p => p.RequireRole(RolesFor(d.Route)))
                .WithSummary(d.What);
        }
    }

    /// <summary>
    /// Who may call each action at all (checked before the case is read; docs/security/access.md). Which case they may act
    /// on is the action's own rule (the region's clerk, the owning department's officer, the applicant, the helper).
    /// </summary>
    private static string[] RolesFor(string route) => route switch
    {
        "accept" or "accept-with-deferral" or "decline" or "complete" => [Roles.IntakeClerk],
        "request-supplement" => [Roles.IntakeClerk, Roles.Reviewer, Roles.Approver],
        "supplement" or "fulfil-pledge" => [Roles.Applicant, Roles.IntakeClerk, Roles.HallGuide],
        "review" => [Roles.Reviewer],
        "approve" or "deny" => [Roles.Approver],
        "withdraw" => [Roles.Applicant, Roles.IntakeClerk],
        _ => throw new InvalidOperationException($"no roles for case action {route}"),
    };

    public sealed record EmptyRequest;
}
