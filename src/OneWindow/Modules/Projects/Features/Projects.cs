using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Projects.Features;

internal sealed class ProjectsOptions
{
    /// <summary>全流程审批时限 per risk class, in working days (demo: 15 for low-risk, 45 for industrial).</summary>
    public Dictionary<RiskClass, int> LimitDays { get; set; } = new() { [RiskClass.LowRisk] = 15, [RiskClass.Industrial] = 45, [RiskClass.General] = 90 };

    /// <summary>预警 once this share of the limit is used.</summary>
    public double WarningShare { get; set; } = 0.8;

    public bool DeadlineJob { get; set; } = true;

    /// <summary>拿地即开工: the licences that count as "the land is obtained" (a pre-reviewed item is granted once the owner holds one).</summary>
    public List<string> LandLicenseTypes { get; set; } = ["LandUsePlanningPermit", "RealEstateCertificate"];

    public int DeadlineScanSeconds { get; set; } = 300;
}

internal sealed record StageView(int Number, string Name, string BundleCode, BundleFacts? Application, int Days);

internal sealed record ReviewView(
    Guid Id, ReviewKind Kind, string KindLabel, string Title, DateOnly ScheduledOn, string Location, double? Latitude, double? Longitude,
    IReadOnlyList<Guid> CaseIds, IReadOnlyList<string> Departments, IReadOnlyList<ReviewOpinion> Opinions, IReadOnlyList<Guid> FileIds,
    DateOnly StartedOn, DateOnly? ConcludedOn, Verdict? Verdict, string? Conclusion, int Version)
{
    /// <summary>Experts drawn for the review (专家抽取); their opinions are among <see cref="Opinions"/>, keyed <c>expert:&lt;id&gt;</c>.</summary>
    public IReadOnlyList<Guid> ExpertIds { get; init; } = [];
}

internal sealed record StewardView(string UserId, string Name);

internal sealed record ProjectView(
    Guid Id, string Code, string Name, string RegionCode, string OwnerName, string OwnerCode, string Location, double? Latitude, double? Longitude,
    decimal Investment, decimal FloorArea, RiskClass RiskClass, string RiskClassLabel, int LimitDays, int UsedDays, int PausedDays, int RemainingDays,
    ProjectDeadline DeadlineState, DateOnly? DueDate, StewardView? Steward, IReadOnlyList<StageView> Stages, IReadOnlyList<ReviewView> Reviews, int Version);

internal sealed record ProjectSummary(Guid Id, string Code, string Name, RiskClass RiskClass, string RiskClassLabel, string OwnerName, string? StewardName, ProjectDeadline DeadlineState, int StagesDone);

internal sealed record ProjectInput
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? OwnerName { get; init; }

    public string? OwnerUscc { get; init; }

    public string? OwnerMobile { get; init; }

    public string? Location { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public decimal? Investment { get; init; }

    public decimal? FloorArea { get; init; }

    public RiskClass? RiskClass { get; init; }

    /// <summary>The steward's user name (项目管家), optional.</summary>
    public string? Steward { get; init; }
}

internal sealed record StewardInput(string? UserName);

/// <param name="PreReview">拿地即开工: apply before the stage before is decided; the items are pre-reviewed and granted once the land licence exists.</param>
internal sealed record StageApplication(Dictionary<string, JsonElement>? Form, List<MaterialInput?>? Materials, bool? PreReview = null);

/// <summary>Steward coverage and completion: who follows how many projects and how many are through.</summary>
internal sealed record StewardReport(int Projects, int WithSteward, double Coverage, IReadOnlyList<StewardLine> Stewards);

internal sealed record StewardLine(string UserId, string Name, int Projects, int Completed, double CompletionRate, int Warned);

/// <summary>
/// 工程建设项目: registration (owner, place, investment, risk class → limit), the four stages each applied
/// for as one 一件事, the project's clock across stages, and its steward (项目管家).
/// </summary>
internal sealed partial class Projects(
    AppDbContext db, IBundleIntake bundles, WorkingDayCalendar calendar, AuditTrail audit, DivisionRegistry divisions, IOptions<ProjectsOptions> options,
    ICurrentUser user, TimeProvider clock)
{
    /// <summary>The four stages (工程建设项目审批四个阶段) and the 一件事 that carries each.</summary>
    public static readonly IReadOnlyList<(int Number, string Name, string BundleCode)> StageDefinitions =
    [
        (1, "立项用地规划许可", "GCJS-1"), (2, "工程建设许可", "GCJS-2"), (3, "施工许可", "GCJS-3"), (4, "竣工验收", "GCJS-4"),
    ];

    [GeneratedRegex(@"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$")]
    private static partial Regex CodePattern();

    private static Error NotFound => Error.NotFound("project:not-found", "项目不存在");

    private static readonly string[] Registrars = [Roles.Admin, Roles.IntakeClerk, Roles.HallGuide];

    internal bool CanManage => Registrars.Any(user.IsInRole);

    /// <summary>Who sees a project: staff of its region (and supervisors), its steward, and its owner.</summary>
    internal async Task<bool> CanSeeAsync(ConstructionProject p, CancellationToken ct) =>
        (user.IsStaff && (user.RegionCode == p.RegionCode || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor) || p.StewardUserId == user.UserId))
        || (!user.IsStaff && user.VerifiedIdentityCode is { } code && code == p.OwnerCode);

    public async Task<Result<ProjectView>> CreateAsync(ProjectInput input, CancellationToken ct) =>
        CanManage ? await RegisterAsync(input, ct) : Error.Forbidden("project:forbidden", "只有综合窗口、帮办代办人员或管理员可以登记项目");

    /// <summary>Registers a project (the caller has checked who may): its four stages, its limit from the risk class.</summary>
    internal async Task<Result<ProjectView>> RegisterAsync(ProjectInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = input.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code))
        {
            errors.Add("code", "项目代码格式应为 2611-371600-04-01-000001（投资项目在线审批监管平台赋码）");
        }
        else if (await db.Set<ConstructionProject>().AnyAsync(p => p.Code == code, ct))
        {
            errors.Add("code", "该项目代码已登记");
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 200 || TextRules.NameProblem(name, 200) is not null)
        {
            errors.Add("name", "请填写项目名称（2 到 200 个字，不含换行与控制字符）");
        }

        var ownerName = input.OwnerName?.Trim() ?? "";
        if (ownerName.Length is < 2 or > 100 || TextRules.NameProblem(ownerName) is not null)
        {
            errors.Add("ownerName", "请填写建设单位名称（2 到 100 个字，不含换行与控制字符）");
        }

        var uscc = Uscc.Check(input.OwnerUscc, divisions);
        foreach (var m in uscc.Errors)
        {
            errors.Add("ownerUscc", m);
        }

        var mobile = Mobile.Check(input.OwnerMobile);
        foreach (var m in mobile.Errors)
        {
            errors.Add("ownerMobile", m);
        }

        if (string.IsNullOrWhiteSpace(input.Location))
        {
            errors.Add("location", "请填写建设地点");
        }

        if (input.Latitude is { } lat && lat is < -90 or > 90 || input.Longitude is { } lng && lng is < -180 or > 180)
        {
            errors.Add("latitude", "坐标超出范围");
        }

        if (input.Investment is not (> 0 and < 100_000_000))
        {
            errors.Add("investment", "请填写总投资（万元，大于 0）");
        }

        if (input.RiskClass is not { } risk)
        {
            errors.Add("riskClass", "请选择风险等级：lowRisk（社会投资低风险）、industrial（工业）或 general（一般）");
            risk = RiskClass.General;
        }

        var steward = await StewardAsync(input.Steward, errors, ct);
        if (errors.Any)
        {
            return errors.ToError("project:invalid", "项目信息有误");
        }

        var project = new ConstructionProject
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), Code = code, Name = name, RegionCode = user.RegionCode ?? DemoCity.City, OwnerName = ownerName,
            OwnerCode = uscc.Normalized, OwnerMobile = mobile.Normalized, Location = input.Location!.Trim(), Latitude = input.Latitude, Longitude = input.Longitude,
            Investment = input.Investment!.Value, FloorArea = input.FloorArea ?? 0, RiskClass = risk,
            LimitDays = options.Value.LimitDays.TryGetValue(risk, out var limit) ? limit : 90,
            StewardUserId = steward?.Id, StewardName = steward?.DisplayName, CreatedAt = clock.Now(), CreatedBy = user.UserId ?? "system",
        };
        db.Add(project);
        foreach (var (number, stageName, bundle) in StageDefinitions)
        {
            db.Add(new ProjectStage { ProjectId = project.Id, RegionCode = project.RegionCode, Number = number, Name = stageName, BundleCode = bundle });
        }

        audit.Record(new AuditRecord(project.RegionCode, "Project", project.Id.ToString(), "ProjectRegistered",
            new { project.Code, project.Name, risk = project.RiskClass.ToString(), project.LimitDays, steward = project.StewardName }));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(project, ct);
    }

    private async Task<AppUser?> StewardAsync(string? userName, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return null;
        }

        var steward = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName.Trim() && u.Kind == AccountKind.Staff, ct);
        if (steward is null)
        {
            errors.Add("steward", $"工作人员 {userName} 不存在");
        }

        return steward;
    }

    public async Task<Result<ProjectView>> AssignStewardAsync(Guid id, string? userName, CancellationToken ct)
    {
        var project = await db.Set<ConstructionProject>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || !await CanSeeAsync(project, ct))
        {
            return NotFound;
        }

        if (!CanManage)
        {
            return Error.Forbidden("project:forbidden", "只有综合窗口、帮办代办人员或管理员可以指定项目管家");
        }

        var errors = new FieldErrors();
        var steward = await StewardAsync(userName, errors, ct);
        if (steward is null)
        {
            return errors.Any ? errors.ToError("project:invalid", "项目管家有误") : Error.Field("userName", "请指定项目管家");
        }

        project.StewardUserId = steward.Id;
        project.StewardName = steward.DisplayName;
        audit.Record(new AuditRecord(project.RegionCode, "Project", project.Id.ToString(), "StewardAssigned", new { steward = steward.DisplayName }));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Applies for a stage: the stage's 一件事 in the owner's name, the form pre-filled from the project
    /// (name, code, owner, place, investment). A stage opens when the one before it is decided.
    /// </summary>
    public Task<Result<BundleFacts>> ApplyForStageAsync(Guid id, int number, StageApplication body, string? key, CancellationToken ct) =>
        ApplyForStageAsync(id, number, Catalog.Contracts.ICatalogQueries.FormValues(body.Form), body.Materials, body.PreReview == true, key, ct);

    /// <summary>The form fields a stage's application takes from the project itself.</summary>
    public static readonly IReadOnlySet<string> ProjectFields =
        new HashSet<string> { "projectName", "projectCode", "enterpriseName", "uscc", "mobile", "location", "investment", "floorArea" };

    /// <summary>The same with the form as text values (as the project page posts it).</summary>
    public async Task<Result<BundleFacts>> ApplyForStageAsync(
        Guid id, int number, IReadOnlyDictionary<string, string[]> formValues, List<MaterialInput?>? materials, bool preReview, string? key, CancellationToken ct)
    {
        var project = await db.Set<ConstructionProject>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || !await CanSeeAsync(project, ct))
        {
            return NotFound;
        }

        var stages = await db.Set<ProjectStage>().Where(s => s.ProjectId == id).OrderBy(s => s.Number).ToListAsync(ct);
        if (stages.FirstOrDefault(s => s.Number == number) is not { } stage)
        {
            return Error.NotFound("project:stage-not-found", "阶段不存在（1 至 4）");
        }

        if (stage.ApplicationId is not null)
        {
            return Error.Conflict("project:stage-applied", $"“{stage.Name}”阶段已申请");
        }

        // 拿地即开工: a later stage may start before the one before it is decided; its items are pre-reviewed
        // (预审意见) and granted once the owner holds the land licence.
        var early = number > 1 && !await DecidedAsync(stages.Single(s => s.Number == number - 1), ct);
        if (early && !preReview)
        {
            return Error.Conflict("project:stage-closed", "上一阶段尚未审批完成，本阶段暂不能申请；需提前开展的，可按“拿地即开工”申请预审");
        }

        var form = formValues.Where(kv => !ProjectFields.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (field, value) in new Dictionary<string, string>
                 {
                     ["projectName"] = project.Name, ["projectCode"] = project.Code, ["enterpriseName"] = project.OwnerName, ["uscc"] = project.OwnerCode,
                     ["mobile"] = project.OwnerMobile, ["location"] = project.Location,
                     ["investment"] = project.Investment.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     ["floorArea"] = project.FloorArea.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            form[field] = [value];
        }

        var applied = await bundles.ApplyAsync(
            new BundleApplyRequest(stage.BundleCode, new ApplicantInput("enterprise", null, project.OwnerCode, project.OwnerName, project.OwnerMobile), null,
                materials, "assisted"), form, key, early ? options.Value.LandLicenseTypes : null, ct);
        if (!applied.IsSuccess)
        {
            return applied.Error!;
        }

        stage.ApplicationId = applied.Value!.Id;
        audit.Record(new AuditRecord(project.RegionCode, "Project", project.Id.ToString(), "StageApplied",
            new { stage.Number, stage.Name, application = applied.Value.Number, preReview = early }));
        await db.SaveChangesAsync(ct);
        return applied.Value;
    }

    private async Task<bool> DecidedAsync(ProjectStage stage, CancellationToken ct) =>
        stage.ApplicationId is { } application && (await bundles.FindAsync([application], ct)).Single().DecidedOn is not null;

    public async Task<Result<ProjectView>> GetAsync(Guid id, CancellationToken ct)
    {
        var project = await db.Set<ConstructionProject>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return project is null || !await CanSeeAsync(project, ct) ? NotFound : await ViewAsync(project, ct);
    }

    private async Task<Result<ProjectView>> ViewAsync(ConstructionProject project, CancellationToken ct)
    {
        var measured = await ClockAsync(project, ct);
        if (!measured.IsSuccess)
        {
            return measured.Error!;
        }

        var (state, stages, reviews) = measured.Value;
        return new ProjectView(project.Id, project.Code, project.Name, project.RegionCode, project.OwnerName, project.OwnerCode, project.Location,
            project.Latitude, project.Longitude, project.Investment, project.FloorArea, project.RiskClass, ConstructionProject.Label(project.RiskClass), state.LimitDays,
            state.UsedDays, state.PausedDays, state.RemainingDays, state.State, state.ProjectedDueDate,
            project.StewardUserId is { } s ? new StewardView(s, project.StewardName ?? "") : null, stages,
            [.. reviews.Select(JointReviews.View)], project.Version);
    }

    /// <summary>The project's clock: its stages' days (from the sub-cases' bundles) less the days of its joint reviews and inspections.</summary>
    internal async Task<Result<(ProjectClock Clock, IReadOnlyList<StageView> Stages, IReadOnlyList<JointReview> Reviews)>> ClockAsync(ConstructionProject project, CancellationToken ct)
    {
        var stages = await db.Set<ProjectStage>().AsNoTracking().Where(s => s.ProjectId == project.Id).OrderBy(s => s.Number).ToListAsync(ct);
        var facts = (await bundles.FindAsync([.. stages.Where(s => s.ApplicationId is not null).Select(s => s.ApplicationId!.Value)], ct)).ToDictionary(f => f.Id);
        var reviews = await db.Set<JointReview>().AsNoTracking().Where(r => r.ProjectId == project.Id).OrderBy(r => r.StartedOn).ToListAsync(ct);
        var today = clock.TodayInChina();
        var rules = await calendar.RulesAsync(ct);
        var running = stages.Select(s => s.ApplicationId is { } a && facts.TryGetValue(a, out var f) ? f : null).Where(f => f?.AcceptedOn is not null)
            .Select(f => (f!.AcceptedOn!.Value, f.DecidedOn)).ToList();
        var paused = reviews.Select(r => new PausedPeriod(r.StartedOn, r.ConcludedOn ?? today)).ToList();
        var state = ProjectClock.Of(project.LimitDays, running, paused, today, rules, options.Value.WarningShare);
        if (!state.IsSuccess)
        {
            return state.Error!;
        }

        var views = new List<StageView>();
        foreach (var s in stages)
        {
            var f = s.ApplicationId is { } a ? facts.GetValueOrDefault(a) : null;
            var days = f?.AcceptedOn is { } from ? rules.CountWorkingDays(from, f.DecidedOn ?? today).Value : 0;
            views.Add(new StageView(s.Number, s.Name, s.BundleCode, f, days));
        }

        return (state.Value!, views, reviews);
    }

    public async Task<Page<ProjectSummary>> ListAsync(string? q, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Set<ConstructionProject>().AsNoTracking();
        if (!user.IsStaff)
        {
            var code = user.VerifiedIdentityCode;
            query = query.Where(p => code != null && p.OwnerCode == code);
        }
        else if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Supervisor))
        {
            var region = user.RegionCode;
            var me = user.UserId;
            query = query.Where(p => p.RegionCode == region || p.StewardUserId == me);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(p => p.Name.Contains(term) || p.Code.Contains(term) || p.OwnerName.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToList();
        var stages = (await db.Set<ProjectStage>().AsNoTracking().Where(s => ids.Contains(s.ProjectId) && s.ApplicationId != null).ToListAsync(ct)).ToLookup(s => s.ProjectId);
        var decided = (await bundles.FindAsync([.. stages.SelectMany(g => g).Select(s => s.ApplicationId!.Value)], ct)).Where(f => f.DecidedOn is not null).Select(f => f.Id).ToHashSet();
        return new Page<ProjectSummary>([.. rows.Select(p => new ProjectSummary(p.Id, p.Code, p.Name, p.RiskClass, ConstructionProject.Label(p.RiskClass), p.OwnerName, p.StewardName,
            p.DeadlineState, stages[p.Id].Count(s => decided.Contains(s.ApplicationId!.Value))))], total, page, pageSize);
    }

    /// <summary>帮办代办 coverage and completion: projects with a steward, and per steward how many are through all four stages.</summary>
    public async Task<StewardReport> StewardReportAsync(CancellationToken ct)
    {
        var projects = await db.Set<ConstructionProject>().AsNoTracking().Select(p => new { p.Id, p.StewardUserId, p.StewardName, p.DeadlineState }).ToListAsync(ct);
        var lastStages = await db.Set<ProjectStage>().AsNoTracking().Where(s => s.Number == StageDefinitions.Count && s.ApplicationId != null)
            .Select(s => new { s.ProjectId, s.ApplicationId }).ToListAsync(ct);
        var through = (await bundles.FindAsync([.. lastStages.Select(s => s.ApplicationId!.Value)], ct)).Where(f => f.DecidedOn is not null).Select(f => f.Id).ToHashSet();
        var completed = lastStages.Where(s => through.Contains(s.ApplicationId!.Value)).Select(s => s.ProjectId).ToHashSet();
        var lines = projects.Where(p => p.StewardUserId is not null).GroupBy(p => (p.StewardUserId!, p.StewardName ?? ""))
            .Select(g => new StewardLine(g.Key.Item1, g.Key.Item2, g.Count(), g.Count(p => completed.Contains(p.Id)),
                Math.Round((double)g.Count(p => completed.Contains(p.Id)) / g.Count(), 3), g.Count(p => p.DeadlineState != ProjectDeadline.Normal)))
            .OrderByDescending(l => l.Projects).ToList();
        var with = projects.Count(p => p.StewardUserId is not null);
        return new StewardReport(projects.Count, with, projects.Count == 0 ? 0 : Math.Round((double)with / projects.Count, 3), lines);
    }

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("工程建设项目").RequireAuthorization();
        group.MapGet("/", async (string? q, Projects p, CancellationToken ct, int page = 1, int pageSize = 20) =>
            TypedResults.Ok(await p.ListAsync(q, Math.Max(1, page), Math.Clamp(pageSize, 1, 200), ct))).WithSummary("项目列表");
        group.MapPost("/", async Task<Results<Created<ProjectView>, ProblemHttpResult>> (ProjectInput input, Projects p, CancellationToken ct) =>
            await p.CreateAsync(input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/projects/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .WithSummary("登记工程建设项目（风险等级决定全流程时限）");
        group.MapGet("/{id:guid}", async Task<Results<Ok<ProjectView>, ProblemHttpResult>> (Guid id, Projects p, CancellationToken ct) =>
            (await p.GetAsync(id, ct)).ToOkOrProblem()).WithSummary("项目：各阶段、全流程时限、项目管家、联合评审");
        group.MapPut("/{id:guid}/steward", async Task<Results<Ok<ProjectView>, ProblemHttpResult>> (Guid id, StewardInput input, Projects p, CancellationToken ct) =>
            (await p.AssignStewardAsync(id, input.UserName, ct)).ToOkOrProblem()).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.IntakeClerk, Roles.HallGuide)).WithSummary("指定项目管家");
        group.MapPost("/{id:guid}/stages/{number:int}/applications", async Task<Results<Created<BundleFacts>, ProblemHttpResult>> (
                Guid id, int number, StageApplication body, HttpRequest http, Projects p, CancellationToken ct) =>
            await p.ApplyForStageAsync(id, number, body, http.Headers["Idempotency-Key"].FirstOrDefault(), ct) is var r && r.IsSuccess
                ? TypedResults.Created($"/api/v1/bundle-applications/{r.Value!.Id}", r.Value)
                : r.Error!.ToProblem())
            .AcceptsIdempotencyKey().WithSummary("申请项目的某一阶段（该阶段的一件事）");
        group.MapGet("/stewards", async (Projects p, CancellationToken ct) => TypedResults.Ok(await p.StewardReportAsync(ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Supervisor, Roles.HallGuide, Roles.DepartmentHead))
            .WithSummary("帮办代办覆盖率与完成率");
    }
}
