using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Ratings.Features;

internal sealed record RectificationView(
    Guid Id, Guid RatingId, string DepartmentCode, string DepartmentName, string Subject, int Level, string LevelLabel, string? Comment, RectificationStatus Status,
    string StatusLabel, DateOnly DueDate, bool Overdue, DateTimeOffset OpenedAt, string? VerifyNote, string? RectifyNote, string? FeedbackNote, string? HandledBy,
    DateTimeOffset? ClosedAt, int Version);

internal sealed record RectificationStep
{
    public string? Note { get; init; }

    /// <summary>核实 only: whether the complaint is founded (false ends the rectification).</summary>
    public bool? Founded { get; init; }
}

internal sealed record SatisfactionView(string? DepartmentCode, DateOnly From, DateOnly To, int Total, IReadOnlyList<LevelCount> Levels, double? SatisfactionRate, int OpenRectifications, int OverdueRectifications);

internal sealed record LevelCount(int Level, string Label, int Count);

/// <summary>
/// 差评整改 for the department that was rated: 核实 → 整改 → 反馈, with its deadline; and the 好差评
/// summary (satisfaction rate = (非常满意 + 满意 + 基本满意) / all). Officers see their department's;
/// supervisors (政务办) and administrators every department's.
/// </summary>
internal sealed class Rectifications(AppDbContext db, IDepartmentDirectory departments, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("rectification:not-found", "整改记录不存在");

    private bool SeesAll => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    /// <summary>The department a listing is about: the asked one if this person may see it, else their own.</summary>
    private string? Scope(string? department) => SeesAll ? (string.IsNullOrWhiteSpace(department) ? null : department) : user.DepartmentCode ?? "-";

    public async Task<Page<RectificationView>> ListAsync(string? department, bool openOnly, int page, int size, CancellationToken ct)
    {
        var scope = Scope(department);
        var region = RegionPrefix;
        var q = db.Set<Rectification>().AsNoTracking().Where(r => scope == null ? r.RegionCode.StartsWith(region) : r.DepartmentCode == scope);
        if (openOnly)
        {
            q = q.Where(r => r.Status == RectificationStatus.Verifying || r.Status == RectificationStatus.Rectifying || r.Status == RectificationStatus.AwaitingFeedback);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.DueDate).ThenBy(r => r.OpenedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await departments.NamesAsync(rows.Select(r => r.DepartmentCode).Distinct().ToList(), ct);
        return new Page<RectificationView>([.. rows.Select(r => View(r, names))], total, page, size);
    }

    public async Task<RectificationView?> FindAsync(Guid id, CancellationToken ct)
    {
        var r = await db.Set<Rectification>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return r is null || !MaySee(r) ? null : View(r, await departments.NamesAsync([r.DepartmentCode], ct));
    }

    /// <summary>A city's people see the city and its counties (371600 → 3716…); a county's, the county.</summary>
    private string RegionPrefix => Platform.Calendar.Regions.Prefix(user.RegionCode);

    private bool MaySee(Rectification r) => SeesAll || r.DepartmentCode == user.DepartmentCode;

    private RectificationView View(Rectification r, IReadOnlyDictionary<string, string> names) => new(
        r.Id, r.RatingId, r.DepartmentCode, names.GetValueOrDefault(r.DepartmentCode, r.DepartmentCode), r.Subject, r.Level, Rating.Label(r.Level), r.Comment, r.Status,
        Rectification.Label(r.Status), r.DueDate, r.IsOpen && r.DueDate < clock.TodayInChina(), r.OpenedAt, r.VerifyNote, r.RectifyNote, r.FeedbackNote, r.HandledBy,
        r.ClosedAt, r.Version);

    public async Task<Result<RectificationView>> VerifyAsync(Guid id, RectificationStep step, int? version, CancellationToken ct)
    {
        // The officer whose service was rated never 核实s (finds "not founded") his own bad rating.
        var rated = await db.Set<Rectification>().AsNoTracking().Where(x => x.Id == id)
            .Join(db.Set<Rating>(), r => r.RatingId, g => g.Id, (r, g) => g.StaffUserId).SingleOrDefaultAsync(ct);
        if (rated is not null && rated == user.UserId)
        {
            return Error.Forbidden("rectification:own-rating", "被评价的工作人员不能核实对自己的评价，请由本部门其他人员核实");
        }

        return await StepAsync(id, step, version, "RectificationVerified", (r, note) =>
            step.Founded is null ? Error.Field("founded", "请说明核实结论：founded=true（属实，进入整改）或 false（不属实）") : r.Verify(note, step.Founded.Value, By, clock.Now()), ct);
    }

    public Task<Result<RectificationView>> RectifyAsync(Guid id, RectificationStep step, int? version, CancellationToken ct) =>
        StepAsync(id, step, version, "RectificationRectified", (r, note) => r.Rectify(note, By), ct);

    public Task<Result<RectificationView>> FeedbackAsync(Guid id, RectificationStep step, int? version, CancellationToken ct) =>
        StepAsync(id, step, version, "RectificationFeedback", (r, note) => r.Feedback(note, By, clock.Now()), ct);

    private string By => user.DisplayName ?? user.UserName ?? "";

    private async Task<Result<RectificationView>> StepAsync(Guid id, RectificationStep step, int? version, string action, Func<Rectification, string, Result> change, CancellationToken ct)
    {
        var r = await db.Set<Rectification>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !MaySee(r))
        {
            return NotFound;
        }

        if (r.DepartmentCode != user.DepartmentCode && !user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("rectification:forbidden", "只有被评价部门的工作人员可以办理整改");
        }

        if (version is { } v && v != r.Version)
        {
            return Error.StaleWrite;
        }

        var note = step.Note?.Trim() ?? "";
        if (note.Length is < 2 or > 2000 || TextRules.TextProblem(note) is not null)
        {
            return Error.Field("note", "请填写说明（2–2000 字）");
        }

        var changed = change(r, note);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        audit.Record(new AuditRecord(r.RegionCode, "Rectification", r.Id.ToString(), action, new { status = r.Status.ToString() }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.StaleWrite;
        }

        return View(r, await departments.NamesAsync([r.DepartmentCode], ct));
    }

    public async Task<Result<SatisfactionView>> SummaryAsync(string? department, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var scope = Scope(department);
        var period = DateRanges.Check(from ?? clock.TodayInChina().AddDays(-29), to ?? clock.TodayInChina(), 3660);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var (first, last) = period.Value;
        var start = Timestamps.AtChinaTime(first);
        var end = Timestamps.AtChinaTime(last.AddDays(1));
        var region = RegionPrefix;
        var ratings = db.Set<Rating>().AsNoTracking().Where(r => r.CreatedAt >= start && r.CreatedAt < end && (scope == null ? r.RegionCode.StartsWith(region) : r.DepartmentCode == scope));
        var levels = await ratings.GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = levels.Sum(l => l.Count);
        var satisfied = levels.Where(l => l.Key >= 3).Sum(l => l.Count);
        var rects = db.Set<Rectification>().AsNoTracking().Where(r => (scope == null ? r.RegionCode.StartsWith(region) : r.DepartmentCode == scope)
                                                                     && (r.Status == RectificationStatus.Verifying || r.Status == RectificationStatus.Rectifying || r.Status == RectificationStatus.AwaitingFeedback));
        var today = clock.TodayInChina();
        return new SatisfactionView(scope, first, last, total,
            [.. Enumerable.Range(1, 5).Reverse().Select(l => new LevelCount(l, Rating.Label(l), levels.FirstOrDefault(x => x.Key == l)?.Count ?? 0))],
            total > 0 ? Math.Round((double)satisfied / total, 4) : null, await rects.CountAsync(ct), await rects.CountAsync(r => r.DueDate < today, ct));
    }
}
