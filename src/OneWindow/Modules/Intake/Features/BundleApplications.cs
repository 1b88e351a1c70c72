using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Intake.Features.Transitions;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features;

internal sealed record SubCaseView(
    Guid Id, string Number, string ItemCode, string ItemName, string Department, CaseStatus Status, string StatusLabel, DateOnly? DueDate,
    DeadlineState DeadlineState, string? Outcome, string? Reason);

internal sealed record HelperRequest(string? UserName);

internal sealed record BundleCreated(Guid Id, string Number, BundleStatus Status, IReadOnlyList<SubCaseView> SubCases);

internal sealed record BundleApplicationView(
    Guid Id, string Number, string BundleCode, string BundleName, BundleStatus Status, string StatusLabel, string LeadDepartment,
    string ApplicantKind, string ApplicantName, string ApplicantCode, Channel Channel, DateTimeOffset SubmittedAt, DateOnly? AcceptedOn, DateOnly? DueDate,
    int CommittedDays, bool Overdue, Issuance Issuance, DenialConsequence OnDenial, string? StopReason, IReadOnlyList<SubCaseView> SubCases,
    IReadOnlyList<BundleDeficiency> Notice, IReadOnlyList<CaseLicense> Licenses, IReadOnlyDictionary<string, string[]> Form,
    IReadOnlyList<SubmittedMaterial> Materials, int Version)
{
    /// <summary>帮办代办: the helper following the application.</summary>
    public string? HelperName { get; init; }
}

internal sealed record BundleApplicationSummary(
    Guid Id, string Number, string BundleName, BundleStatus Status, string StatusLabel, string ApplicantName, DateTimeOffset SubmittedAt, DateOnly? DueDate, int SubCases);

/// <summary>
/// One application for a 一件事: one form (the merged one), one set of materials, one acceptance at any
/// general counter; a sub-case per item then runs in its own department, in parallel. The applicant
/// answers one combined 一次性告知 for all of them and hears of the bundle as a whole.
/// </summary>
internal sealed class BundleApplications(
    AppDbContext db, Bundles bundles, SubmitCase submit, CaseMaterials checkMaterials, CaseActions actions, BundleSteps steps, CaseSubmissionWriter writer,
    ILicenseLibrary licenses, WorkingDayCalendar calendar, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("bundle-application:not-found", "一件事申请不存在");

    private static Error Changed => Error.Conflict("bundle-application:changed", "一件事申请已被他人处理，请刷新后再操作");

    public Task<Result<(BundleCreated Created, bool New)>> ApplyAsync(BundleApplyRequest request, string? idempotencyKey, CancellationToken ct) =>
        ApplyAsync(request, Catalog.Contracts.ICatalogQueries.FormValues(request.Form), idempotencyKey, null, ct);

    /// <summary>The same application with the form as text values (as the page posts it).</summary>
    /// <param name="grantAwaitsLicense">拿地即开工 (a project's pre-review): the sub-cases are granted only once the applicant holds one of these licences.</param>
    public async Task<Result<(BundleCreated Created, bool New)>> ApplyAsync(
        BundleApplyRequest request, IReadOnlyDictionary<string, string[]> formValues, string? idempotencyKey, IReadOnlyList<string>? grantAwaitsLicense,
        CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        return key is { Length: > 100 }
            ? Error.Field("Idempotency-Key", "Idempotency-Key 不超过 100 个字符")
            : await SubmitCase.OnceAsync(key, await ApplyNewAsync(request, formValues, key, grantAwaitsLicense, ct), ExistingAsync, ct);
    }

    private async Task<Result<(BundleCreated Created, bool New)>> ApplyNewAsync(
        BundleApplyRequest request, IReadOnlyDictionary<string, string[]> formValues, string? key, IReadOnlyList<string>? grantAwaitsLicense,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.BundleCode))
        {
            return Error.Field("bundleCode", "请选择一件事");
        }

        if (await bundles.LoadAsync(request.BundleCode.Trim(), ct) is not { Bundle.Published: true } loaded)
        {
            return Error.NotFound("bundle:not-found", $"一件事 {request.BundleCode} 不存在");
        }

        var (bundle, items, merged) = loaded;
        if (items.Count != bundle.ItemCodes.Count || merged.Conflicts.Count > 0)
        {
            return Error.Conflict("bundle:unavailable", "该一件事的事项正在调整，暂不能申请，请稍后再试或到综合窗口咨询");
        }

        var errors = new FieldErrors();
        var channel = submit.ChannelOf(request.Channel, errors);
        if (channel == Channel.Postal)
        {
            errors.Add("channel", "一件事请以窗口受理（counter）或帮办（assisted）提交；政邮商上门收件按单个事项受理");
        }
        var applicant = submit.CheckApplicant(request.Applicant, items.All(i => i.AcceptsPersons), items.All(i => i.AcceptsEnterprises), errors);
        await submit.CheckOwnNameAsync(channel, applicant.Code, errors, ct);
        var form = bundles.ValidateForm(merged, formValues, clock.TodayInChina());
        errors.AddAll(form.Error, "form.");

        var asked = merged.Materials.Where(m => m.AskedOfApplicant).ToList();
        var materials = await checkMaterials.CheckAsync(request.Materials, asked.Select(m => m.Code).ToHashSet(),
            asked.Where(m => m.SubstitutableBy is not null).ToDictionary(m => m.Code, m => m.SubstitutableBy!), applicant.Code, errors, ct);
        if (errors.Any)
        {
            return errors.ToError("bundle-application:invalid", "申请信息有误");
        }

        foreach (var item in items)
        {
            if (await submit.RefusedStandingAsync(applicant.Code, item, pledge: false, ct) is { } refused)
            {
                return refused;
            }
        }

        var now = clock.Now();
        var values = form.Value!;
        var (application, subCases) = BundleApplication.Submit(bundle, items, merged, channel,
            new CaseApplicant(applicant.Kind, applicant.Name, applicant.Code, applicant.Mobile, await submit.ApplicantAccountAsync(channel, applicant.Code, ct)),
            user.UserId!, user.DisplayName, key, values, materials, grantAwaitsLicense, now);

        var committed = await writer.WriteAsync(new PendingSubmission(subCases, c => new { c.Number, c.ItemCode, bundle = application.Number, channel = c.Channel.ToString() },
            user.UserId!, user.DisplayName ?? "系统")
        {
            Bundle = application,
            BundleAuditData = a => new { a.Number, a.BundleCode, items = subCases.Select(c => c.Number), applicant = Mask.IdentityCode(a.ApplicantCode), channel = a.Channel.ToString() },
        });
        return (new BundleCreated(application.Id, application.Number, BundleProgress.Of(application, subCases), [.. subCases.Select(View)]), committed);
    }

    private async Task<BundleCreated?> ExistingAsync(string key, CancellationToken ct)
    {
        var a = await db.Set<BundleApplication>().AsNoTracking().SingleOrDefaultAsync(b => b.SubmittedById == user.UserId && b.IdempotencyKey == key, ct);
        if (a is null)
        {
            return null;
        }

        var subCases = await SubCasesAsync(a.Id, track: false, ct);
        return new BundleCreated(a.Id, a.Number, BundleProgress.Of(a, subCases), [.. subCases.Select(View)]);
    }

    private async Task<List<Case>> SubCasesAsync(Guid id, bool track, CancellationToken ct)
    {
        var query = db.Set<Case>().Where(c => c.BundleApplicationId == id);
        return await (track ? query : query.AsNoTracking()).OrderBy(c => c.Number).ToListAsync(ct);
    }

    private static SubCaseView View(Case c) => new(
        c.Id, c.Number, c.ItemCode, c.ItemName, c.DepartmentCode, c.Status, c.StatusText, c.DueDate, c.DeadlineState, c.Outcome,
        c.DeclineReason ?? (c.Status is CaseStatus.Denied || c.Outcome?.Contains("不予", StringComparison.Ordinal) == true ? c.DecisionOpinion : null));

    private bool CanSee(BundleApplication a, IReadOnlyCollection<Case> subCases) => CaseAccess.MaySee(user, a, subCases);

    public async Task<Result<BundleApplicationView>> GetAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Set<BundleApplication>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (a is null)
        {
            return NotFound;
        }

        var subCases = await SubCasesAsync(id, track: false, ct);
        if (!CanSee(a, subCases))
        {
            return NotFound;
        }

        var status = BundleProgress.Of(a, subCases);
        var own = CaseAccess.SeesPersonalData(user, a, subCases);
        if (own && user.IsStaff)
        {
            // As for cases: every staff view of the full record is on the audit chain.
            audit.Record(new AuditRecord(a.RegionCode, "PersonalData", a.Id.ToString(), "BundleApplicationViewed", new { a.Number }));
            await db.SaveChangesAsync(ct);
        }

        var issued = await licenses.ForCasesAsync([.. subCases.Select(c => c.Id)], ct);
        var overdue = a.DueDate is { } due && clock.TodayInChina() > due && status is BundleStatus.InProgress or BundleStatus.Supplementing;
        return new BundleApplicationView(a.Id, a.Number, a.BundleCode, a.BundleName, status, BundleProgress.Label(status), a.LeadDepartment,
            a.ApplicantKind, a.ApplicantName, own ? a.ApplicantCode : Mask.IdentityCode(a.ApplicantCode), a.Channel, a.SubmittedAt, a.AcceptedOn,
            a.DueDate, a.CommittedDays, overdue, a.Issuance, a.OnDenial, a.StopReason, [.. subCases.Select(View)], await steps.NoticeAsync(subCases, ct),
            issued, own ? a.Form : Mask.PersonalValues(a.Form), a.Materials, a.Version)
        {
            HelperName = a.HelperName,
        };
    }

    /// <summary>Runs one step over the bundle's sub-cases and the bundle itself in one unit of work.</summary>
    private async Task<Result<BundleApplicationView>> OnAllAsync(
        Guid id, int? expectedVersion, Func<BundleApplication, List<Case>, CalendarRules, Task<Result>> step, CancellationToken ct)
    {
        var a = await db.Set<BundleApplication>().SingleOrDefaultAsync(b => b.Id == id, ct);
        var subCases = a is null ? [] : await SubCasesAsync(id, track: true, ct);
        if (a is null || !CanSee(a, subCases))
        {
            return NotFound;
        }

        if (expectedVersion is { } expected && expected != a.Version)
        {
            return Changed;
        }

        var result = await step(a, subCases, await calendar.RulesAsync(ct));
        if (!result.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return result.Error!;
        }

        db.Entry(a).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed;
        }

        return await GetAsync(id, ct);
    }

    /// <summary>受理 at a general counter: every sub-case at once (its materials less those the bundle produces itself); the bundle's clock starts.</summary>
    public Task<Result<BundleApplicationView>> AcceptAsync(Guid id, int? expectedVersion, CancellationToken ct) =>
        OnAllAsync(id, expectedVersion, async (a, subCases, rules) =>
        {
            var waiting = subCases.Where(c => c.CanAccept).ToList();
            if (waiting.Count != subCases.Count)
            {
                return Error.Conflict("bundle-application:invalid-transition", $"一件事当前状态为“{BundleProgress.Label(BundleProgress.Of(a, subCases))}”，不能受理");
            }

            var accepted = await actions.RunAllAsync(CaseTransitions.Accept, waiting, _ => new NoBody(), ct);
            if (!accepted.IsSuccess)
            {
                return accepted.Error!;
            }

            var due = rules.AddWorkingDays(clock.TodayInChina(), a.CommittedDays);
            if (!due.IsSuccess)
            {
                return due.Error!;
            }

            a.AcceptedOn = clock.TodayInChina();
            a.DueDate = due.Value;
            BundleRecording.Record(audit, a, BundleRecording.Event<BundleAccepted>(a, $"承诺 {a.DueDate:yyyy-MM-dd} 前办结"), new { a.DueDate, cases = subCases.Count });
            return Result.Ok();
        }, ct);

    /// <summary>
    /// 一次性告知 from the counter for the bundle as a whole: each listed material goes to every sub-case
    /// whose item needs it; those sub-cases wait (their clocks stop once accepted).
    /// </summary>
    public Task<Result<BundleApplicationView>> RequestSupplementAsync(Guid id, IReadOnlyList<DeficiencyItem>? items, int? expectedVersion, CancellationToken ct) =>
        OnAllAsync(id, expectedVersion, async (a, subCases, _) =>
        {
            if (items is not { Count: > 0 } || items.Any(i => i is null || string.IsNullOrWhiteSpace(i.MaterialCode) || string.IsNullOrWhiteSpace(i.Reason)))
            {
                return Error.Field("items", "一次性告知须列出每一项需补正的材料及原因");
            }

            var needs = new Dictionary<Guid, IReadOnlySet<string>>();
            foreach (var c in subCases)
            {
                needs[c.Id] = (await actions.Catalog.VersionAsync(c.ItemVersionId, ct))?.MaterialCodes ?? new HashSet<string>();
            }

            var concerned = subCases.Where(c => c.CanRequestSupplement && items.Any(i => needs[c.Id].Contains(i.MaterialCode))).ToList();
            if (concerned.Count == 0)
            {
                return Error.Field("items", "所列材料不属于本一件事尚在办理的事项");
            }

            var requested = await actions.RunAllAsync(CaseTransitions.RequestSupplement, concerned, c => new SupplementRequest
            {
                Items = [.. items.Where(i => needs[c.Id].Contains(i.MaterialCode))],
            }, ct);
            if (!requested.IsSuccess)
            {
                return requested.Error!;
            }

            BundleRecording.Record(audit, a, BundleRecording.Event<BundleSupplementRequested>(a,
                string.Join("；", (await steps.NoticeAsync(subCases, ct)).Select(d => $"{d.ItemName}：{d.MaterialName}（{d.Reason}）"))), null);
            return Result.Ok();
        }, ct);

    /// <summary>The applicant answers the combined notice once: each waiting sub-case takes the materials it asked for and resumes.</summary>
    public Task<Result<BundleApplicationView>> SupplementAsync(Guid id, IReadOnlyList<MaterialInput?>? given, int? expectedVersion, CancellationToken ct) =>
        OnAllAsync(id, expectedVersion, async (a, subCases, _) =>
        {
            var waiting = subCases.Where(c => c.CanSupplement).ToList();
            if (waiting.Count == 0)
            {
                return Error.Conflict("bundle-application:no-notice", "本一件事没有待补正的材料");
            }

            var errors = new FieldErrors();
            var wanted = waiting.SelectMany(c => c.Deficiencies.Select(d => d.MaterialCode)).ToHashSet();
            var materials = await checkMaterials.CheckAsync(given, wanted, new Dictionary<string, string>(), a.ApplicantCode, errors, ct);
            foreach (var code in wanted.Where(code => !materials.Any(m => m.MaterialCode == code)))
            {
                errors.Add("materials." + code, "请提交一次性告知中要求补正的这项材料");
            }

            if (errors.Any)
            {
                return errors.ToError("bundle-application:invalid-materials", "补正材料不齐全");
            }

            var supplemented = await actions.RunAllAsync(CaseTransitions.Supplement, waiting, c => new MaterialsRequest
            {
                Materials = [.. materials.Where(m => c.Deficiencies.Any(d => d.MaterialCode == m.MaterialCode)).Select(m => new MaterialInput(m.MaterialCode, m.FileId, m.LicenseId))],
            }, ct);
            if (!supplemented.IsSuccess)
            {
                return supplemented.Error!;
            }

            a.Materials = [.. a.Materials.Where(m => !wanted.Contains(m.MaterialCode)), .. materials];
            BundleRecording.Record(audit, a, BundleRecording.Event<BundleSupplemented>(a), null);
            return Result.Ok();
        }, ct);

    /// <summary>帮办代办: names the helper who follows the application (clerks, helpers, admins); they are told of its deficiencies and outcome.</summary>
    public Task<Result<BundleApplicationView>> AssignHelperAsync(Guid id, string? userName, int? expectedVersion, CancellationToken ct) =>
        OnAllAsync(id, expectedVersion, async (a, _, _) =>
        {
            if (!user.IsInRole(Roles.IntakeClerk) && !user.IsInRole(Roles.HallGuide) && !user.IsInRole(Roles.Admin))
            {
                return Error.Forbidden("bundle-application:forbidden", "只有综合窗口、帮办代办人员或管理员可以指定帮办人");
            }

            var helper = string.IsNullOrWhiteSpace(userName) ? null
                : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName.Trim() && u.Kind == AccountKind.Staff, ct);
            if (helper is null)
            {
                return Error.Field("userName", string.IsNullOrWhiteSpace(userName) ? "请指定帮办人" : $"工作人员 {userName} 不存在");
            }

            a.HelperUserId = helper.Id;
            a.HelperName = helper.DisplayName;
            audit.Record(new AuditRecord(a.RegionCode, "BundleApplication", a.Id.ToString(), "HelperAssigned", new { helper = helper.DisplayName }));
            return Result.Ok();
        }, ct);

    public async Task<Result<Page<BundleApplicationSummary>>> ListAsync(string? view, string? q, int page, int pageSize, CancellationToken ct)
    {
        if (view is not (null or "" or "mine" or "all") || page < 1 || pageSize is < 1 or > 200)
        {
            return Error.Field("view", "view 应为 mine 或 all；page 从 1 开始，pageSize 为 1 到 200");
        }

        var query = db.Set<BundleApplication>().AsNoTracking();
        if (!user.IsStaff)
        {
            query = query.Where(a => a.ApplicantUserId == user.UserId);
        }
        else if (view == "mine")
        {
            // A helper's own: the applications they follow.
            query = query.Where(a => a.HelperUserId == user.UserId);
        }
        else if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Supervisor))
        {
            // As CaseAccess: the region's clerks and hotline, the departments with a sub-case, the helper.
            var region = user.RegionCode;
            var regionWide = user.IsInRole(Roles.IntakeClerk) || user.IsInRole(Roles.HotlineAgent);
            var officer = user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Approver) || user.IsInRole(Roles.DepartmentHead);
            var department = officer ? user.DepartmentCode : null;
            var me = user.UserId;
            query = query.Where(a => (regionWide && a.RegionCode == region) || a.HelperUserId == me || a.SubmittedById == me
                                     || (department != null && db.Set<Case>().Any(c => c.BundleApplicationId == a.Id && c.DepartmentCode == department)));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(a => a.Number.Contains(term) || a.ApplicantName.Contains(term) || a.BundleName.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.SubmittedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.Select(a => a.Id).ToList();
        var subCases = (await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.BundleApplicationId!.Value)).ToListAsync(ct))
            .ToLookup(c => c.BundleApplicationId!.Value);
        return new Page<BundleApplicationSummary>([.. rows.Select(a =>
        {
            var status = BundleProgress.Of(a, [.. subCases[a.Id]]);
            return new BundleApplicationSummary(a.Id, a.Number, a.BundleName, status, BundleProgress.Label(status), a.ApplicantName, a.SubmittedAt, a.DueDate, subCases[a.Id].Count());
        })], total, page, pageSize);
    }

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/bundle-applications").WithTags("一件事").RequireAuthorization();
        group.MapPost("/", async Task<Results<Created<BundleCreated>, ProblemHttpResult>> (
                BundleApplyRequest request, HttpRequest http, BundleApplications apps, CancellationToken ct) =>
            {
                var result = await apps.ApplyAsync(request, http.Headers["Idempotency-Key"].FirstOrDefault(), ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/bundle-applications/{result.Value.Created.Id}", result.Value.Created)
                    : result.Error!.ToProblem();
            })
            .AcceptsIdempotencyKey().WithSummary("申请一件事：一张表单、一套材料（Idempotency-Key 重试返回同一申请）");
        group.MapGet("/", async Task<Results<Ok<Page<BundleApplicationSummary>>, ProblemHttpResult>> (
                string? view, string? q, BundleApplications apps, CancellationToken ct, int page = 1, int pageSize = 20) =>
            (await apps.ListAsync(view, q, page, pageSize, ct)).ToOkOrProblem()).WithSummary("一件事申请列表");
        group.MapGet("/{id:guid}", async Task<Results<Ok<BundleApplicationView>, ProblemHttpResult>> (Guid id, BundleApplications apps, CancellationToken ct) =>
            (await apps.GetAsync(id, ct)).ToOkOrProblem()).WithSummary("一件事申请：总体状态、时限、各子办件、证照");
        group.MapPost("/{id:guid}/accept", async Task<Results<Ok<BundleApplicationView>, ProblemHttpResult>> (Guid id, HttpRequest http, BundleApplications apps, CancellationToken ct) =>
            await http.WithIfMatchAsync(version => apps.AcceptAsync(id, version, ct))).RequireAuthorization(p => p.RequireRole(Roles.IntakeClerk)).WithSummary("综合窗口一次受理全部子办件");
        group.MapPost("/{id:guid}/request-supplement", async Task<Results<Ok<BundleApplicationView>, ProblemHttpResult>> (
                Guid id, SupplementRequest body, HttpRequest http, BundleApplications apps, CancellationToken ct) =>
            await http.WithIfMatchAsync(version => apps.RequestSupplementAsync(id, body.Items, version, ct))).RequireAuthorization(p => p.RequireRole(Roles.IntakeClerk, Roles.Reviewer, Roles.Approver)).WithSummary("一次性告知（合并告知全部子办件）");
        group.MapPost("/{id:guid}/supplement", async Task<Results<Ok<BundleApplicationView>, ProblemHttpResult>> (
                Guid id, MaterialsRequest body, HttpRequest http, BundleApplications apps, CancellationToken ct) =>
            await http.WithIfMatchAsync(version => apps.SupplementAsync(id, body.Materials, version, ct))).RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.IntakeClerk, Roles.HallGuide)).WithSummary("一次补正，全部待补正子办件继续办理");
        group.MapPut("/{id:guid}/helper", async Task<Results<Ok<BundleApplicationView>, ProblemHttpResult>> (
                Guid id, HelperRequest body, HttpRequest http, BundleApplications apps, CancellationToken ct) =>
            await http.WithIfMatchAsync(version => apps.AssignHelperAsync(id, body.UserName, version, ct))).RequireAuthorization(p => p.RequireRole(Roles.IntakeClerk, Roles.HallGuide, Roles.Admin)).WithSummary("指定帮办代办人员");
    }
}
