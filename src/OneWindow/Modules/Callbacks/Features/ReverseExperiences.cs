using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Features;

internal sealed record ProblemInput
{
    public string? Step { get; init; }

    public string? Problem { get; init; }
}

internal sealed record ReverseExperienceInput
{
    public string? ItemCode { get; init; }

    public DateOnly? Date { get; init; }

    public string? Steps { get; init; }

    public IReadOnlyList<ProblemInput>? Problems { get; init; }
}

internal sealed record ReverseExperienceView(
    Guid Id, string ItemCode, string ItemName, string DepartmentCode, DateOnly Date, string Steps, IReadOnlyList<ExperienceProblem> Problems, string ByName, DateTimeOffset CreatedAt);

/// <summary>反向体验: staff and leaders go through a service as an applicant; each problem they record opens a rectification (source 反向体验) for the item's department.</summary>
internal sealed class ReverseExperiences(AppDbContext db, ICatalogQueries catalog, IRectifications rectifications, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<ReverseExperienceView>> RecordAsync(ReverseExperienceInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var item = string.IsNullOrWhiteSpace(input.ItemCode) ? null : await catalog.CurrentAsync(input.ItemCode.Trim(), ct);
        if (item is null)
        {
            errors.Add("itemCode", "请填写体验的事项编码");
        }

        var steps = input.Steps?.Trim() ?? "";
        if (steps.Length is < 2 or > 2000 || TextRules.TextProblem(steps, 2000) is not null)
        {
            errors.Add("steps", "请写明体验经过（渠道、环节，2–2000 字）");
        }

        var today = clock.TodayInChina();
        var date = input.Date ?? today;
        if (date > today || date < today.AddDays(-90))
        {
            errors.Add("date", "体验日期应在最近 90 天内，且不晚于今天");
        }

        var problems = input.Problems ?? [];
        if (problems.Count is 0 or > 20)
        {
            errors.Add("problems", "请列出发现的问题（1–20 条）");
        }

        for (var i = 0; i < problems.Count; i++)
        {
            if (problems[i].Step?.Trim() is not { Length: >= 1 and <= 100 } || TextRules.TextProblem(problems[i].Step, 100) is not null)
            {
                errors.Add($"problems[{i}].step", "请写明问题出在哪个环节（100 字以内）");
            }

            if (problems[i].Problem?.Trim() is not { Length: >= 2 and <= 500 } || TextRules.TextProblem(problems[i].Problem, 500) is not null)
            {
                errors.Add($"problems[{i}].problem", "请描述问题（2–500 字）");
            }
        }

        if (errors.Any)
        {
            return errors.ToError("reverse-experience:invalid", "反向体验记录有误");
        }

        var d = item!.Definition;
        var now = clock.Now();
        var record = new ReverseExperience
        {
            Id = Guid.CreateVersion7(now), RegionCode = user.RegionCode ?? "", ItemCode = d.Code, ItemName = d.Name, DepartmentCode = d.Department, Date = date, Steps = steps,
            ByUserId = user.UserId ?? "", ByName = user.DisplayName ?? user.UserName ?? "", CreatedAt = now,
        };
        foreach (var p in problems)
        {
            var (id, _) = await rectifications.OpenAsync(new RectificationRequest(RectificationSource.ReverseExperience, record.Id.ToString(), record.RegionCode, d.Department,
                $"反向体验：{d.Name}（{p.Step!.Trim()}）", p.Problem!.Trim()), ct);
            record.Problems.Add(new ExperienceProblem(p.Step.Trim(), p.Problem.Trim(), id));
        }

        db.Add(record);
        audit.Record(new AuditRecord(record.RegionCode, "ReverseExperience", record.Id.ToString(), "ReverseExperienceRecorded", new { d.Code, problems = problems.Count }));
        await db.SaveChangesAsync(ct);
        return View(record);
    }

    public async Task<Page<ReverseExperienceView>> ListAsync(int page, int size, CancellationToken ct)
    {
        var scope = Regions.Prefix(user.RegionCode);
        var q = db.Set<ReverseExperience>().AsNoTracking().Where(r => r.RegionCode.StartsWith(scope));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.CreatedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<ReverseExperienceView>([.. rows.Select(View)], total, page, size);
    }

    private static ReverseExperienceView View(ReverseExperience r) => new(r.Id, r.ItemCode, r.ItemName, r.DepartmentCode, r.Date, r.Steps, r.Problems, r.ByName, r.CreatedAt);
}
