using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Projects.Features;

internal sealed record ExpertInput
{
    public string? Name { get; init; }

    public string? Field { get; init; }

    public string? Title { get; init; }

    public string? EmployerName { get; init; }

    public string? EmployerCode { get; init; }

    public List<string>? Involvements { get; init; }
}

internal sealed record ExpertView(Guid Id, string Name, string Field, string FieldLabel, string Title, string EmployerName, string EmployerCode, IReadOnlyList<string> Involvements, bool Active);

internal sealed record DrawInput
{
    public string? Field { get; init; }

    public int? Count { get; init; }
}

internal sealed record DrawView(
    Guid Id, Guid ReviewId, Guid ProjectId, string Field, string FieldLabel, int Count, string Seed, IReadOnlyList<Guid> Eligible, IReadOnlyList<RecusedExpert> Recused,
    IReadOnlyList<ExpertView> Drawn, DateTimeOffset DrawnAt, string DrawnBy)
{
    /// <summary>How to recompute it: the rule the draw follows.</summary>
    public string Rule { get; init; } = "可抽名单按 HMAC-SHA256(种子, 专家编号) 由小到大排序，取前 N 名";
}

internal sealed record ExpertOpinionInput
{
    public Guid? ExpertId { get; init; }

    public string? Opinion { get; init; }

    public Verdict? Verdict { get; init; }
}

/// <summary>
/// 专家库 and 专家抽取 for joint reviews: experts with their field, employer and involvements; a draw of N from the eligible with a
/// random seed kept with it (anyone recomputes it: <see cref="ExpertDraw.Choose"/>), never one who must recuse (回避); the drawn
/// experts' opinions join the review like departments' and the conclusion waits for them.
/// </summary>
internal sealed class ExpertPool(AppDbContext db, JointReviews reviews, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static ExpertView View(Expert e) =>
        new(e.Id, e.Name, e.Field, ExpertFields.All.GetValueOrDefault(e.Field, e.Field), e.Title, e.EmployerName, e.EmployerCode, e.Involvements, e.Active);

    private static DrawView View(ExpertDraw d, Dictionary<Guid, Expert> experts) =>
        new(d.Id, d.ReviewId, d.ProjectId, d.Field, ExpertFields.All.GetValueOrDefault(d.Field, d.Field), d.Count, d.Seed, d.Eligible, d.Recused,
            [.. d.Drawn.Where(experts.ContainsKey).Select(id => View(experts[id]))], d.DrawnAt, d.DrawnBy);

    public async Task<Page<ExpertView>> ListAsync(string? field, int page, int size, CancellationToken ct)
    {
        var q = db.Set<Expert>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(field))
        {
            q = q.Where(e => e.Field == field);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(e => e.Field).ThenBy(e => e.Name).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<ExpertView>([.. rows.Select(View)], total, page, size);
    }

    /// <summary>Experts by id (the project page names the drawn ones).</summary>
    public async Task<Dictionary<Guid, ExpertView>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await db.Set<Expert>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct)).ToDictionary(e => e.Id, View);

    public async Task<Result<ExpertView>> RegisterAsync(ExpertInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 50 || TextRules.NameProblem(name) is not null)
        {
            errors.Add("name", "请填写专家姓名（2 到 50 个字）");
        }

        if (input.Field is null || !ExpertFields.All.ContainsKey(input.Field))
        {
            errors.Add("field", "专业应为 " + string.Join("、", ExpertFields.All.Select(f => $"{f.Key}（{f.Value}）")));
        }

        var employer = input.EmployerName?.Trim() ?? "";
        if (employer.Length is < 2 or > 100)
        {
            errors.Add("employerName", "请填写工作单位");
        }

        var code = input.EmployerCode?.Trim().ToUpperInvariant() ?? "";
        if (code.Length != 18)
        {
            errors.Add("employerCode", "请填写工作单位的 18 位统一社会信用代码（用于回避）");
        }

        if (errors.Any)
        {
            return errors.ToError("expert:invalid", "专家信息有误");
        }

        var expert = new Expert
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name, Field = input.Field!, Title = TextRules.Clip(input.Title?.Trim() ?? "", 50), EmployerName = employer,
            EmployerCode = code, Involvements = [.. (input.Involvements ?? []).Select(i => i.Trim()).Where(i => i.Length is > 0 and <= 40).Distinct()], CreatedAt = clock.Now(),
        };
        db.Add(expert);
        audit.Record(new AuditRecord(user.RegionCode ?? DemoCity.City, "Expert", expert.Id.ToString(), "ExpertRegistered", new { expert.Name, expert.Field, expert.EmployerCode }));
        await db.SaveChangesAsync(ct);
        return View(expert);
    }

    public async Task<Result<DrawView>> DrawAsync(Guid reviewId, DrawInput input, CancellationToken ct)
    {
        var review = await db.Set<JointReview>().SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null || await reviews.VisibleProjectAsync(review, ct) is not { } project)
        {
            return Error.NotFound("joint-review:not-found", "联合评审不存在");
        }

        if (!reviews.MayOrganise(review.Departments))
        {
            return Error.Forbidden("joint-review:forbidden", "只有综合窗口、项目管家或相关部门可以抽取专家");
        }

        if (review.ConcludedOn is not null)
        {
            return Error.Conflict("joint-review:concluded", "联合评审已形成结论，不能再抽取专家");
        }

        var errors = new FieldErrors();
        if (input.Field is null || !ExpertFields.All.ContainsKey(input.Field))
        {
            errors.Add("field", "专业应为 " + string.Join("、", ExpertFields.All.Select(f => $"{f.Key}（{f.Value}）")));
        }

        if (input.Count is not (>= 1 and <= 15))
        {
            errors.Add("count", "抽取人数为 1 到 15 人");
        }

        if (errors.Any)
        {
            return errors.ToError("expert-draw:invalid", "抽取条件有误");
        }

        var pool = await db.Set<Expert>().AsNoTracking().Where(e => e.Field == input.Field && e.Active).OrderBy(e => e.Id).ToListAsync(ct);
        var recused = pool.Select(e => (e, reason: e.RecusalFor(project.Code, project.OwnerCode))).Where(x => x.reason is not null)
            .Select(x => new RecusedExpert(x.e.Id, x.e.Name, x.reason!)).ToList();
        var eligible = pool.Where(e => !recused.Any(r => r.ExpertId == e.Id) && !review.ExpertIds.Contains(e.Id)).Select(e => e.Id).ToList();
        if (eligible.Count < input.Count)
        {
            return Error.Conflict("expert-draw:too-few", $"符合条件（已回避 {recused.Count} 人）的{ExpertFields.All[input.Field!]}专家只有 {eligible.Count} 人，不足 {input.Count} 人");
        }

        var seed = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var draw = new ExpertDraw
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), ReviewId = review.Id, ProjectId = project.Id, RegionCode = project.RegionCode, Field = input.Field!, Count = input.Count!.Value,
            Seed = seed, Eligible = eligible, Recused = recused, Drawn = ExpertDraw.Choose(seed, eligible, input.Count.Value), DrawnAt = clock.Now(),
            DrawnBy = user.DisplayName ?? user.UserName ?? "",
        };
        review.ExpertIds = [.. review.ExpertIds, .. draw.Drawn];
        db.Add(draw);
        audit.Record(new AuditRecord(project.RegionCode, "JointReview", review.Id.ToString(), "ExpertsDrawn",
            new { drawId = draw.Id, draw.Field, draw.Count, draw.Seed, eligible = eligible.Count, recused = recused.Count, draw.Drawn }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("joint-review:changed", "联合评审已被他人更新，请刷新后再操作");
        }

        return View(draw, pool.ToDictionary(e => e.Id));
    }

    public async Task<DrawView?> FindDrawAsync(Guid id, CancellationToken ct)
    {
        var draw = await db.Set<ExpertDraw>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null || await db.Set<JointReview>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == draw.ReviewId, ct) is not { } review
            || await reviews.VisibleProjectAsync(review, ct) is null)
        {
            return null;
        }

        var experts = await db.Set<Expert>().AsNoTracking().Where(e => draw.Drawn.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        return View(draw, experts);
    }

    /// <summary>A drawn expert's opinion, recorded by the organiser (experts have no accounts): it joins the review like a department's.</summary>
    public async Task<Result<ReviewView>> OpinionAsync(Guid reviewId, ExpertOpinionInput input, int? version, CancellationToken ct)
    {
        var review = await db.Set<JointReview>().SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null || await reviews.VisibleProjectAsync(review, ct) is not { } project)
        {
            return Error.NotFound("joint-review:not-found", "联合评审不存在");
        }

        if (!reviews.MayOrganise(review.Departments))
        {
            return Error.Forbidden("joint-review:forbidden", "只有综合窗口、项目管家或相关部门可以录入专家意见");
        }

        if (review.ConcludedOn is not null)
        {
            return Error.Conflict("joint-review:concluded", "联合评审已形成结论，不能再填写意见");
        }

        if (version is { } v && v != review.Version)
        {
            return Error.Conflict("joint-review:changed", "联合评审已被他人更新，请刷新后再操作");
        }

        var errors = new FieldErrors();
        if (input.ExpertId is not { } expertId || !review.ExpertIds.Contains(expertId))
        {
            errors.Add("expertId", "请选择本次评审抽取的专家");
        }

        if (string.IsNullOrWhiteSpace(input.Opinion) || TextRules.TextProblem(input.Opinion) is not null)
        {
            errors.Add("opinion", "请填写专家意见（不超过 2000 字）");
        }

        if (input.Verdict is null)
        {
            errors.Add("verdict", "请选择：pass（通过）、revise（修改后通过）或 fail（不通过）");
        }

        if (errors.Any)
        {
            return errors.ToError("joint-review:invalid-opinion", "意见有误");
        }

        var expert = await db.Set<Expert>().AsNoTracking().SingleAsync(e => e.Id == input.ExpertId, ct);
        var key = JointReview.ExpertKey(expert.Id);
        review.Opinions = [.. review.Opinions.Where(o => o.Department != key),
            new ReviewOpinion(key, $"专家（{ExpertFields.All.GetValueOrDefault(expert.Field, expert.Field)}）", expert.Name, input.Opinion!.Trim(), input.Verdict!.Value, [], clock.Now())];
        audit.Record(new AuditRecord(project.RegionCode, "JointReview", review.Id.ToString(), "ExpertOpinionRecorded",
            new { expert = expert.Id, verdict = input.Verdict.ToString(), by = user.DisplayName }));
        return await reviews.SaveAsync(review, ct);
    }

    public static void Map(WebApplication app)
    {
        var experts = app.MapGroup("/api/v1/experts").WithTags("专家库").RequireAuthorization(Policies.Staff);
        experts.MapGet("/", async (string? field, int? page, int? pageSize, ExpertPool pool, CancellationToken ct) =>
                TypedResults.Ok(await pool.ListAsync(field, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, 200), ct)))
            .WithSummary("专家库（按专业筛选）");
        experts.MapPost("/", async Task<Results<Created<ExpertView>, ProblemHttpResult>> (ExpertInput input, ExpertPool pool, CancellationToken ct) =>
                await pool.RegisterAsync(input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/experts/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .RequireAuthorization(Policies.Admin).WithSummary("登记专家：专业、职称、工作单位（回避用）、曾参与的项目或服务过的单位");

        var reviewsGroup = app.MapGroup("/api/v1/joint-reviews").WithTags("工程建设项目").RequireAuthorization(Policies.Staff);
        reviewsGroup.MapPost("/{id:guid}/expert-draws", async Task<Results<Created<DrawView>, ProblemHttpResult>> (Guid id, DrawInput input, ExpertPool pool, CancellationToken ct) =>
                await pool.DrawAsync(id, input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/expert-draws/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .WithSummary("随机抽取评审专家（回避同单位、曾参与者；记录种子，可复算）");
        reviewsGroup.MapPost("/{id:guid}/expert-opinions", async Task<Results<Ok<ReviewView>, ProblemHttpResult>> (
                Guid id, ExpertOpinionInput input, HttpRequest http, ExpertPool pool, CancellationToken ct) =>
                await http.WithIfMatchAsync(version => pool.OpinionAsync(id, input, version, ct)))
            .WithSummary("录入抽取专家的评审意见");
        app.MapGet("/api/v1/expert-draws/{id:guid}", async Task<Results<Ok<DrawView>, ProblemHttpResult>> (Guid id, ExpertPool pool, CancellationToken ct) =>
                await pool.FindDrawAsync(id, ct) is { } v ? TypedResults.Ok(v) : Error.NotFound("expert-draw:not-found", "抽取记录不存在").ToProblem())
            .RequireAuthorization(Policies.Staff).WithTags("工程建设项目").WithSummary("一次专家抽取：种子、可抽名单、回避名单与结果（可复算）");
    }
}
