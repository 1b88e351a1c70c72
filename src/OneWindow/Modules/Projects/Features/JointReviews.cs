using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Projects.Contracts;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Projects.Features;

internal sealed record ScheduleReview
{
    public ReviewKind? Kind { get; init; }

    public string? Title { get; init; }

    public DateOnly? ScheduledOn { get; init; }

    public string? Location { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>The project's sub-cases the meeting or visit covers; their departments are invited.</summary>
    public List<Guid>? CaseIds { get; init; }
}

internal sealed record OpinionInput
{
    public string? Opinion { get; init; }

    public Verdict? Verdict { get; init; }

    /// <summary>Photos and files (uploaded first through /api/v1/files).</summary>
    public List<Guid>? FileIds { get; init; }
}

internal sealed record ConcludeInput
{
    public string? Conclusion { get; init; }

    public Verdict? Verdict { get; init; }
}

/// <summary>
/// 联合评审, 现场踏勘, 远程勘验 for several of a project's items at once. Scheduling starts the 特别程序: the
/// linked sub-cases' clocks stop. Each invited department records its opinion (with photos or files);
/// the conclusion, once every department has spoken, goes onto every linked sub-case and their clocks
/// resume, due dates moved by exactly the working days the procedure took.
/// </summary>
internal sealed class JointReviews(
    AppDbContext db, Projects projects, IBundleIntake bundles, IDepartmentDirectory departments, FileStore files, AuditTrail audit, Outbox outbox,
    ICurrentUser user, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("joint-review:not-found", "联合评审不存在");

    private static Error Changed => Error.Conflict("joint-review:changed", "联合评审已被他人更新，请刷新后再操作");

    internal static ReviewView View(JointReview r) => new(
        r.Id, r.Kind, JointReview.Label(r.Kind), r.Title, r.ScheduledOn, r.Location, r.Latitude, r.Longitude, r.CaseIds, r.Departments, r.Opinions, r.FileIds,
        r.StartedOn, r.ConcludedOn, r.Verdict, r.Conclusion, r.Version) { ExpertIds = r.ExpertIds };

    private bool IsOfficer => user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Approver) || user.IsInRole(Roles.DepartmentHead);

    internal bool MayOrganise(IEnumerable<string> invited) => projects.CanManage || (IsOfficer && invited.Contains(user.DepartmentCode));

    public async Task<Result<ReviewView>> ScheduleAsync(Guid projectId, ScheduleReview input, CancellationToken ct)
    {
        var project = await db.Set<ConstructionProject>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null || !await projects.CanSeeAsync(project, ct))
        {
            return Error.NotFound("project:not-found", "项目不存在");
        }

        var errors = new FieldErrors();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is < 2 or > 200)
        {
            errors.Add("title", "请填写评审（踏勘）事由");
        }

        if (input.Kind is null)
        {
            errors.Add("kind", "请选择方式：meeting（联合评审）、siteVisit（现场踏勘）或 remote（远程勘验）");
        }

        if (input.ScheduledOn is not { } on || on < clock.TodayInChina())
        {
            errors.Add("scheduledOn", "请填写今天或以后的日期");
        }

        if (input.Latitude is { } lat && lat is < -90 or > 90 || input.Longitude is { } lng && lng is < -180 or > 180)
        {
            errors.Add("latitude", "坐标超出范围");
        }

        // Only the project's own sub-cases can be linked.
        var stageApps = await db.Set<ProjectStage>().AsNoTracking().Where(s => s.ProjectId == projectId && s.ApplicationId != null).Select(s => s.ApplicationId!.Value).ToListAsync(ct);
        var subCases = (await bundles.FindAsync(stageApps, ct)).SelectMany(b => b.SubCases).ToDictionary(c => c.Id);
        var caseIds = (input.CaseIds ?? []).Distinct().ToList();
        if (caseIds.Count == 0)
        {
            errors.Add("caseIds", "请选择本次评审（踏勘）涉及的事项");
        }

        foreach (var id in caseIds.Where(id => !subCases.ContainsKey(id)))
        {
            errors.Add("caseIds", $"办件 {id} 不属于本项目");
        }

        if (errors.Any)
        {
            return errors.ToError("joint-review:invalid", "联合评审安排有误");
        }

        var invited = caseIds.Select(id => subCases[id].DepartmentCode).Distinct().ToList();
        if (!MayOrganise(invited))
        {
            return Error.Forbidden("joint-review:forbidden", "只有综合窗口、项目管家或相关部门可以组织联合评审");
        }

        var kind = input.Kind!.Value;
        var review = new JointReview
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), ProjectId = projectId, RegionCode = project.RegionCode, Kind = kind, Title = title, ScheduledOn = input.ScheduledOn!.Value,
            Location = string.IsNullOrWhiteSpace(input.Location) ? project.Location : input.Location.Trim(), Latitude = input.Latitude ?? project.Latitude, Longitude = input.Longitude ?? project.Longitude,
            CaseIds = caseIds, Departments = invited, StartedOn = clock.TodayInChina(), CreatedBy = user.UserId ?? "system",
        };
        var paused = await bundles.StartSpecialProcedureAsync(caseIds, JointReview.Label(kind), title, ct);
        if (!paused.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return paused.Error!;
        }

        db.Add(review);
        audit.Record(new AuditRecord(project.RegionCode, "Project", project.Id.ToString(), "JointReviewScheduled",
            new { reviewId = review.Id, kind = kind.ToString(), title, review.ScheduledOn, invited, cases = caseIds.Count }));
        if (project.StewardUserId is { } steward)
        {
            outbox.Enqueue(new ProjectAlert(project.Id, project.Name, "JointReviewScheduled",
                $"已安排{JointReview.Label(kind)}“{title}”（{review.ScheduledOn:yyyy-MM-dd}，{review.Location}），涉及 {caseIds.Count} 个事项，期间不计入审批时限。", steward, project.RegionCode));
        }

        return await SaveAsync(review, ct);
    }

    public async Task<Result<ReviewView>> OpinionAsync(Guid id, OpinionInput input, int? expectedVersion, CancellationToken ct)
    {
        var review = await db.Set<JointReview>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (review is null || await VisibleProjectAsync(review, ct) is not { } project)
        {
            return NotFound;
        }

        if (!IsOfficer || user.DepartmentCode is not { } department || !review.Departments.Contains(department))
        {
            return Error.Forbidden("joint-review:forbidden", "只有受邀部门的审查、审批人员可以填写意见");
        }

        if (review.ConcludedOn is not null)
        {
            return Error.Conflict("joint-review:concluded", "联合评审已形成结论，不能再填写意见");
        }

        if (expectedVersion is { } v && v != review.Version)
        {
            return Changed;
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Opinion) || TextRules.TextProblem(input.Opinion) is not null)
        {
            errors.Add("opinion", "请填写本部门意见（不超过 2000 字）");
        }

        if (input.Verdict is null)
        {
            errors.Add("verdict", "请选择：pass（通过）、revise（修改后通过）或 fail（不通过）");
        }

        var fileIds = (input.FileIds ?? []).Distinct().ToList();
        var found = await files.FindAsync(fileIds, ct);
        foreach (var missing in fileIds.Where(f => !found.ContainsKey(f)))
        {
            errors.Add("fileIds", $"文件 {missing} 不存在，请重新上传");
        }

        if (errors.Any)
        {
            return errors.ToError("joint-review:invalid-opinion", "意见有误");
        }

        var name = (await departments.FindAsync(department, ct))?.Name ?? department;
        review.Opinions = [.. review.Opinions.Where(o => o.Department != department),
            new ReviewOpinion(department, name, user.DisplayName ?? "", input.Opinion!.Trim(), input.Verdict!.Value, fileIds, clock.Now())];
        review.FileIds = [.. review.FileIds.Union(fileIds)];
        audit.Record(new AuditRecord(project.RegionCode, "JointReview", review.Id.ToString(), "ReviewOpinionRecorded",
            new { department, verdict = input.Verdict.ToString(), files = fileIds.Count }));
        return await SaveAsync(review, ct);
    }

    /// <summary>The conclusion, once every invited department has given its opinion: it feeds every linked sub-case and their clocks resume.</summary>
    public async Task<Result<ReviewView>> ConcludeAsync(Guid id, ConcludeInput input, int? expectedVersion, CancellationToken ct)
    {
        var review = await db.Set<JointReview>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (review is null || await VisibleProjectAsync(review, ct) is not { } project)
        {
            return NotFound;
        }

        if (!MayOrganise(review.Departments))
        {
            return Error.Forbidden("joint-review:forbidden", "只有综合窗口、项目管家或相关部门可以形成结论");
        }

        if (review.ConcludedOn is not null)
        {
            return Error.Conflict("joint-review:concluded", "联合评审已形成结论");
        }

        if (expectedVersion is { } v && v != review.Version)
        {
            return Changed;
        }

        var waiting = review.Departments.Except(review.Opinions.Select(o => o.Department)).ToList();
        if (waiting.Count > 0)
        {
            var names = await departments.NamesAsync(waiting, ct);
            return Error.Conflict("joint-review:opinions-missing", $"尚有部门未提交意见：{string.Join("、", waiting.Select(d => names.GetValueOrDefault(d, d)))}");
        }

        var expertsWaiting = review.ExpertIds.Count(e => !review.Opinions.Any(o => o.Department == JointReview.ExpertKey(e)));
        if (expertsWaiting > 0)
        {
            return Error.Conflict("joint-review:opinions-missing", $"尚有 {expertsWaiting} 位抽取的专家未提交意见");
        }

        if (string.IsNullOrWhiteSpace(input.Conclusion) || input.Verdict is null)
        {
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(input.Conclusion))
            {
                errors.Add("conclusion", "请填写结论");
            }

            if (input.Verdict is null)
            {
                errors.Add("verdict", "请选择：pass（通过）、revise（修改后通过）或 fail（不通过）");
            }

            return errors.ToError("joint-review:invalid", "结论有误");
        }

        var conclusion = $"{JointReview.Label(input.Verdict.Value)}：{input.Conclusion.Trim()}";
        var resumed = await bundles.EndSpecialProcedureAsync(review.CaseIds, conclusion, ct);
        if (!resumed.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return resumed.Error!;
        }

        review.ConcludedOn = clock.TodayInChina();
        review.Verdict = input.Verdict;
        review.Conclusion = input.Conclusion.Trim();
        audit.Record(new AuditRecord(project.RegionCode, "JointReview", review.Id.ToString(), "JointReviewConcluded",
            new { verdict = input.Verdict.ToString(), cases = review.CaseIds.Count, review.StartedOn, review.ConcludedOn }));
        return await SaveAsync(review, ct);
    }

    /// <summary>The review's project, when this person may see the review (the project's people, and the invited departments).</summary>
    internal async Task<ConstructionProject?> VisibleProjectAsync(JointReview review, CancellationToken ct) =>
        await db.Set<ConstructionProject>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == review.ProjectId, ct) is { } p
        && (await projects.CanSeeAsync(p, ct) || (user.DepartmentCode is { } d && review.Departments.Contains(d)))
            ? p
            : null;

    internal async Task<Result<ReviewView>> SaveAsync(JointReview review, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return View(review);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed;
        }
    }

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/v1/projects/{id:guid}/joint-reviews", async Task<Results<Created<ReviewView>, ProblemHttpResult>> (
                Guid id, ScheduleReview input, JointReviews reviews, CancellationToken ct) =>
                await reviews.ScheduleAsync(id, input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/joint-reviews/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .RequireAuthorization(Policies.Staff).WithTags("工程建设项目").WithSummary("安排联合评审 / 现场踏勘 / 远程勘验（特别程序，所涉办件暂停计时）");
        var group = app.MapGroup("/api/v1/joint-reviews").WithTags("工程建设项目").RequireAuthorization(Policies.Staff);
        group.MapPost("/{id:guid}/opinions", async Task<Results<Ok<ReviewView>, ProblemHttpResult>> (
                Guid id, OpinionInput input, HttpRequest http, JointReviews reviews, CancellationToken ct) =>
            await http.WithIfMatchAsync(version => reviews.OpinionAsync(id, input, version, ct))).RequireAuthorization(p => p.RequireRole(Roles.Reviewer, Roles.Approver, Roles.DepartmentHead)).WithSummary("受邀部门填写意见（可附照片、文件）");
        group.MapPost("/{id:guid}/conclude", async Task<Results<Ok<ReviewView>, ProblemHttpResult>> (
                Guid id, ConcludeInput input, HttpRequest http, JointReviews reviews, CancellationToken ct) =>
            await http.WithIfMatchAsync(version => reviews.ConcludeAsync(id, input, version, ct))).WithSummary("形成结论：写入所涉各办件，恢复计时");
    }
}
