using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Intake.Features.Transitions;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features;

internal sealed record TimelineEntry(DateTimeOffset At, string Action, string Actor);

internal sealed record CaseView(
    Guid Id, string Number, CaseStatus Status, string StatusLabel, string? Outcome, string ItemCode, string ItemName, string Department, Channel Channel,
    bool SoleApprover, string ApplicantKind, string ApplicantName, string ApplicantCode, DateTimeOffset SubmittedAt, DateOnly? AcceptedOn, DateOnly? DueDate,
    int CommittedDays, DeadlineState DeadlineState, IReadOnlyList<PausedPeriod> Pauses, IReadOnlyList<SubmittedMaterial> Materials,
    IReadOnlyList<DeficiencyItem> Deficiencies, DateOnly? SupplementDueDate, IReadOnlyList<string> DeferredMaterials, DateOnly? PledgeDueDate,
    DateOnly? PledgeFulfilledOn, DateOnly? SuspendedSince, Recommendation? ReviewRecommendation, string? ReviewOpinion, string? DecisionOpinion,
    string? DeclineReason, ResultDelivery? Delivery, IReadOnlyDictionary<string, string[]> Form, int Version, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The 一件事 application this case is a sub-case of.</summary>
    public Guid? BundleApplicationId { get; init; }

    /// <summary>跨域通办: the region whose counter accepted it on the owner's behalf (it hands out the result).</summary>
    public string? AcceptingRegion { get; init; }

    /// <summary>特别程序 (联合评审, 现场踏勘) the case went through, with their conclusions; their days do not count.</summary>
    public IReadOnlyList<SpecialProcedure> Procedures { get; init; } = [];

    /// <summary>拿地即开工: licence types one of which the applicant must hold before the case is granted.</summary>
    public IReadOnlyList<string> GrantAwaitsLicense { get; init; } = [];

    /// <summary>暂定: the due date counts days of a year whose holidays are not published yet; it is recomputed on import.</summary>
    public bool DueDateProvisional { get; init; }

    /// <summary>
    /// How it was decided: <c>by: "rules"</c> (秒批, 告知承诺 at once: each rule, the data it read, passed or not) or <c>"officer"</c> (with
    /// the rules that failed when the rules were tried); null until a decision.
    /// </summary>
    public CaseDecision? Decision { get; init; }

    /// <summary>告知承诺: the signed letter and the materials it replaced.</summary>
    public CasePledge? Pledge { get; init; }
}

/// <summary>
/// Officers' and applicants' actions on a case. Who may act: a clerk of the case's region accepts,
/// declines and completes any item (一窗); reviewers and approvers act only on their department's
/// cases; the applicant supplements and withdraws their own. Two officers acting at once: one wins,
/// the other gets 409.
/// </summary>
internal sealed class CaseActions(
    AppDbContext db, AuditTrail audit, ICurrentUser user, WorkingDayCalendar calendar, ICatalogQueries catalog, CaseMaterials materials,
    BundleSteps bundleSteps, Licenses.Contracts.ILicenseLibrary licenses, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("case:not-found", "办件不存在");

    private static Error Changed => Error.Conflict("case:changed", "办件已被他人处理（内容已更新），请刷新后再操作");

    internal ICatalogQueries Catalog => catalog;

    /// <summary>Checks materials handed in for this case against its item version; field errors when any is wrong.</summary>
    internal async Task<Result<List<SubmittedMaterial>>> MaterialsAsync(Case c, List<MaterialInput?>? given, CancellationToken ct)
    {
        var item = await catalog.VersionAsync(c.ItemVersionId, ct);
        var errors = new FieldErrors();
        var checkedMaterials = await materials.CheckAsync(given, item, c.ApplicantCode, errors, ct);
        return errors.Any ? errors.ToError("case:invalid-materials", "材料有误") : checkedMaterials;
    }

    /// <summary>A step that hands materials in (补正, 补齐容缺材料): checks them, then lets <paramref name="apply"/> take them.</summary>
    internal async Task<Result> WithMaterialsAsync(Case c, List<MaterialInput?>? given, Func<List<SubmittedMaterial>, Result> apply, CancellationToken ct)
    {
        var checkedMaterials = await MaterialsAsync(c, given, ct);
        return checkedMaterials.IsSuccess ? apply(checkedMaterials.Value!) : checkedMaterials.Error!;
    }

    /// <summary>What acceptance needs: the item's required materials, less those a sibling in the bundle produces.</summary>
    internal async Task<IReadOnlyDictionary<string, string>> RequiredAsync(Case c, CancellationToken ct)
    {
        var required = (await catalog.VersionAsync(c.ItemVersionId, ct))!.RequiredMaterials;
        return c.ProvidedWithinBundle.Count == 0 ? required : required.Where(r => !c.ProvidedWithinBundle.Contains(r.Key)).ToDictionary();
    }

    /// <summary>拿地即开工: whether a pre-reviewed case's applicant now holds the land licence it waits for.</summary>
    internal async Task<bool> LandObtainedAsync(Case c, CancellationToken ct) =>
        c.GrantAwaitsLicense.Count == 0 || (await licenses.ValidAsync(c.ApplicantCode, c.GrantAwaitsLicense, ct)).Count > 0;

    internal static Error AwaitsLand(Case c) => Error.Conflict("case:awaits-land",
        $"拿地即开工：本办件已可出具预审意见，建设单位取得{string.Join("或", c.GrantAwaitsLicense.Select(Licenses.Contracts.LicenseTypes.NameOf))}后方可准予许可");

    private static Error Forbidden(string what) => Error.Forbidden("case:forbidden", $"您无权{what}该办件");

    /// <summary>A clerk of the case's region, or (跨域通办) of the region whose counter accepted it on the owner's behalf.</summary>
    internal bool IsClerkOf(Case c) => user.IsInRole(Roles.IntakeClerk) && (user.RegionCode == c.RegionCode || (c.AcceptingRegion is not null && user.RegionCode == c.AcceptingRegion));

    internal bool IsOfficerOf(Case c, string role) => user.IsInRole(role) && user.DepartmentCode == c.DepartmentCode;

    /// <summary>独任审批师 for the case's item: an approver of its department who also accepts it.</summary>
    internal bool IsSoleApproverFor(Case c) => c.SoleApprover && IsOfficerOf(c, Roles.Approver) && user.Holds(Qualifications.SoleApprover(c.ItemCode));

    /// <summary>综合受理 + 即办: may decide a 即办件 at the counter.</summary>
    internal bool HoldsImmediate => user.Holds(Qualifications.Immediate);

    /// <summary>The acting person's name, as a decision records it.</summary>
    internal string ActorName => user.DisplayName ?? user.UserName ?? "";

    internal bool IsApplicantOf(Case c) => c.ApplicantUserId is not null && c.ApplicantUserId == user.UserId;

    /// <summary>The helper (帮办代办, 项目管家) who submitted the case for the applicant: they prepare its materials with them.</summary>
    internal bool IsHelperOf(Case c) => user.IsInRole(Roles.HallGuide) && c.SubmittedById == user.UserId;

    public bool CanSee(Case c) => CaseAccess.MaySee(user, c);

    public Task<Result<CaseView>> GetAsync(Guid id, CancellationToken ct) => GetAsync(id, viewAudited: true, ct);

    /// <param name="viewAudited">
    /// Whether a staff member's sight of the personal data goes on the audit chain as a view of its own. Not after a step
    /// they just took: the step's own entry (who, when, which case) already records that they worked on it, and a second
    /// entry per step would double every officer's audited writes.
    /// </param>
    private async Task<Result<CaseView>> GetAsync(Guid id, bool viewAudited, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CanSee(c))
        {
            return NotFound;
        }

        return await ViewAsync(c, viewAudited, ct);
    }

    /// <summary>The case as this user may see it, with its timeline (after a step: the case as the step saved it, not read again).</summary>
    private async Task<CaseView> ViewAsync(Case c, bool viewAudited, CancellationToken ct)
    {
        var subject = c.Id.ToString();
        var timeline = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectType == "Case" && a.SubjectId == subject)
            .OrderBy(a => a.Id).Select(a => new TimelineEntry(a.At, a.Action, a.ActorName)).ToListAsync(ct);
        var full = CaseAccess.SeesPersonalData(user, c);
        if (full && user.IsStaff && viewAudited)
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
            BundleApplicationId = c.BundleApplicationId, Procedures = c.Procedures, GrantAwaitsLicense = c.GrantAwaitsLicense, AcceptingRegion = c.AcceptingRegion,
            DueDateProvisional = c.DueDateProvisional, Pledge = c.Pledge,
            Decision = c.Decision ?? (c.DecisionOpinion is not null ? new CaseDecision(CaseDecision.ByOfficer, []) : null),
        };
    }

    /// <summary>Loads, checks who may act, applies the step, and saves it with its audit entry and event — or answers why not.</summary>
    private async Task<Result<CaseView>> ActAsync(CaseTransition step, Guid id, object body, int? expectedVersion, CancellationToken ct)
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

            if (!step.MayAct(this, c))
            {
                return Forbidden(step.What);
            }

            if (expectedVersion is { } expected && expected != c.Version)
            {
                return Changed;
            }

            var result = await step.ApplyAsync(this, c, await calendar.RulesAsync(ct), body, ct);
            if (!result.IsSuccess)
            {
                return result.Error!;
            }

            foreach (var fact in step.EventsOf(c, body))
            {
                CaseRecording.Record(audit, c, fact);
                if (c.BundleApplicationId is not null)
                {
                    await bundleSteps.AfterSubCaseStepAsync(c, fact, ct);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return await ViewAsync(c, viewAudited: false, ct);
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
    /// One step on several cases at once (a bundle's acceptance or supplement), in the caller's unit of work:
    /// every case passes or none changes. The cases are tracked by the caller, who saves.
    /// </summary>
    internal async Task<Result> RunAllAsync<TBody>(CaseTransition<TBody> step, IReadOnlyList<Case> cases, Func<Case, TBody> bodyFor, CancellationToken ct)
        where TBody : class, new()
    {
        var rules = await calendar.RulesAsync(ct);
        var errors = new FieldErrors();
        Error? first = null;
        foreach (var c in cases)
        {
            if (!step.MayAct(this, c))
            {
                return Forbidden(step.What);
            }

            var result = await step.ApplyAsync(this, c, rules, bodyFor(c), ct);
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
            CaseRecording.Record(audit, c, step.EventOf(c));
        }

        return Result.Ok();
    }

    internal DateOnly Today => clock.TodayInChina();

    /// <summary>The steps this user may take on this case now: theirs to take and open in its present state (the page shows their buttons).</summary>
    public IReadOnlySet<CaseTransition> Permitted(Case c) => CaseTransitions.All.Where(t => t.MayAct(this, c) && t.Open(c)).ToHashSet();

    /// <summary>The steps that are this user's to take on this case, whatever its present state.</summary>
    public IReadOnlySet<CaseTransition> Theirs(Case c) => CaseTransitions.All.Where(t => t.MayAct(this, c)).ToHashSet();

    /// <summary>
    /// Takes a step with its request. With <paramref name="expectedVersion"/> (a page's hidden field, or an API
    /// If-Match), a case changed since the person looked at it is refused with 409.
    /// </summary>
    public Task<Result<CaseView>> RunAsync<TBody>(CaseTransition<TBody> step, Guid id, TBody body, int? expectedVersion, CancellationToken ct)
        where TBody : class, new() => ActAsync(step, id, body, expectedVersion, ct);

    /// <summary>The same for a step named by a posted form, its request read from the form (<see cref="CaseTransition.BodyType"/>).</summary>
    internal Task<Result<CaseView>> RunPostedAsync(CaseTransition step, Guid id, object body, int? expectedVersion, CancellationToken ct) =>
        body.GetType() == step.BodyType ? ActAsync(step, id, body, expectedVersion, ct) : throw new ArgumentException($"{step.Route} takes {step.BodyType.Name}", nameof(body));

    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/{id:guid}", async Task<Results<Ok<CaseView>, ProblemHttpResult>> (Guid id, CaseActions actions, CancellationToken ct) =>
            (await actions.GetAsync(id, ct)).ToOkOrProblem()).WithSummary("办件详情与进度（时间线）");

        foreach (var step in CaseTransitions.All)
        {
            cases.MapPost("/{id:guid}/" + step.Route, async Task<Results<Ok<CaseView>, ProblemHttpResult>> (
                    Guid id, HttpRequest http, CaseActions actions, CancellationToken ct) =>
                {
                    if (await ReadBodyAsync(http, step.BodyType, ct) is not { } body)
                    {
                        return new Error("request:unsupported-media-type", "请求内容应为 application/json", ErrorKind.Validation).ToProblem();
                    }

                    var expected = http.IfMatchVersion();
                    if (!expected.IsSuccess)
                    {
                        return expected.Error!.ToProblem();
                    }

                    return (await actions.ActAsync(step, id, body, expected.Value, ct)).ToOkOrProblem();
                })
                .RequireAuthorization(p => p.RequireRole(step.CallerRoles))
                .Accepts(step.BodyType, isOptional: true, "application/json")
                .WithSummary(step.What);
        }
    }

    /// <summary>A step's request: optional (accept, withdraw need none); when there is one it must be JSON. Null when it is not.</summary>
    private static async Task<object?> ReadBodyAsync(HttpRequest http, Type type, CancellationToken ct)
    {
        if (http.HasJsonContentType())
        {
            return await http.ReadFromJsonAsync(type, ct) ?? Activator.CreateInstance(type);
        }

        return http.ContentLength is null or 0 ? Activator.CreateInstance(type) : null;
    }
}
