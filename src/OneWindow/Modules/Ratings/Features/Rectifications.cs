using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Ratings.Features;

internal sealed record RectificationView(
    Guid Id, RectificationSource Source, string SourceLabel, string SourceId, Guid? RatingId, string Department, string DepartmentName, string? AssignedTo, string Subject,
    int? Level, string? LevelLabel, string? Comment, RectificationStatus Status, string StatusLabel, DateOnly DueDate, bool Overdue, RectificationDeadline DeadlineState,
    DateTimeOffset OpenedAt, string? VerifyNote, string? AssignNote, string? RectifyNote, string? FeedbackNote, bool? CitizenSatisfied, int SendBacks, string? HandledBy,
    DateTimeOffset? ClosedAt, int Version);

internal sealed record RectificationStep
{
    public string? Note { get; init; }

    /// <summary>核实 only: whether the complaint is founded (false ends the rectification).</summary>
    public bool? Founded { get; init; }

    /// <summary>反馈 only: the citizen's answer (false sends it back to 核实 once); leave out when the citizen was not asked.</summary>
    public bool? Satisfied { get; init; }
}

/// <summary>交办: the responsible department (code), optionally a person, and the working days it has.</summary>
internal sealed record RectificationAssignment
{
    public string? Department { get; init; }

    public string? Person { get; init; }

    public int? WorkingDays { get; init; }

    public string? Note { get; init; }
}

/// <summary>A listing's filters: department, open only, 预警/超期 only, source.</summary>
internal sealed record RectificationFilter(string? Department, bool OpenOnly, bool OverdueOnly = false, RectificationSource? Source = null);

internal sealed record SatisfactionView(
    string? DepartmentCode, DateOnly From, DateOnly To, int Total, IReadOnlyList<LevelCount> Levels, double? SatisfactionRate, int OpenRectifications, int OverdueRectifications,
    IReadOnlyList<ChannelCount> Channels);

/// <summary>How many of the counted ratings came through a channel (窗口评价器, 手机, 网上, 回访).</summary>
internal sealed record ChannelCount(RatingChannel Channel, string Label, int Count);

internal sealed record LevelCount(int Level, string Label, int Count);

/// <summary>
/// 差评整改 for the department that was rated: 核实 → 整改 → 反馈, with its deadline; and the 好差评
/// summary (satisfaction rate = (非常满意 + 满意 + 基本满意) / all). Officers see their department's;
/// supervisors (政务办) and administrators every department's.
/// </summary>
internal sealed class Rectifications(AppDbContext db, IDepartmentDirectory departments, WorkingDayCalendar calendar, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("rectification:not-found", "整改记录不存在");

    private bool SeesAll => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    /// <summary>The department a listing is about: the asked one if this person may see it, else their own.</summary>
    private string? Scope(string? department) => SeesAll ? (string.IsNullOrWhiteSpace(department) ? null : department) : user.DepartmentCode ?? "-";

    public async Task<Page<RectificationView>> ListAsync(RectificationFilter filter, int page, int size, CancellationToken ct)
    {
        var scope = Scope(filter.Department);
        var region = RegionPrefix;
        var q = db.Set<Rectification>().AsNoTracking().Where(r => scope == null ? r.RegionCode.StartsWith(region) : r.DepartmentCode == scope);
        if (filter.OpenOnly || filter.OverdueOnly)
        {
            q = q.Where(r => Rectification.OpenStates.Contains(r.Status));
        }

        if (filter.OverdueOnly)
        {
            q = q.Where(r => r.DeadlineState != RectificationDeadline.Normal);
        }

        if (filter.Source is { } source)
        {
            q = q.Where(r => r.Source == source);
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
        r.Id, r.Source, Rectification.Label(r.Source), r.SourceId, r.RatingId, r.DepartmentCode, names.GetValueOrDefault(r.DepartmentCode, r.DepartmentCode), r.AssignedTo,
        r.Subject, r.Level, r.Level is { } l ? Rating.Label(l) : null, r.Comment, r.Status, Rectification.Label(r.Status), r.DueDate, r.IsOpen && r.DueDate < clock.TodayInChina(),
        r.DeadlineState, r.OpenedAt, r.VerifyNote, r.AssignNote, r.RectifyNote, r.FeedbackNote, r.CitizenSatisfied, r.SendBacks, r.HandledBy, r.ClosedAt, r.Version);

    public async Task<Result<RectificationView>> VerifyAsync(Guid id, RectificationStep step, int? version, CancellationToken ct)
    {
        // The officer whose service was rated never 核实s (finds "not founded") his own bad rating.
        var rated = await db.Set<Rectification>().AsNoTracking().Where(x => x.Id == id)
            .Join(db.Set<Rating>(), r => r.RatingId, g => g.Id, (r, g) => g.StaffUserId).SingleOrDefaultAsync(ct);
        if (rated is not null && rated == user.UserId)
        {
            return Error.Forbidden("rectification:own-rating", "被评价的工作人员不能核实对自己的评价，请由本部门其他人员核实");
        }

        return await StepAsync(id, step.Note, version, "RectificationVerified", true, (r, note) =>
            Task.FromResult(step.Founded is null ? Error.Field("founded", "请说明核实结论：founded=true（属实，进入交办）或 false（不属实）") : r.Verify(note, step.Founded.Value, By, clock.Now())), ct);
    }

    /// <summary>交办: to a department of the city (or the county's), with a person if named, due in working days from today.</summary>
    public Task<Result<RectificationView>> AssignAsync(Guid id, RectificationAssignment input, int? version, CancellationToken ct) =>
        StepAsync(id, input.Note ?? "交办整改", version, "RectificationAssigned", true, async (r, note) =>
        {
            var errors = new FieldErrors();
            var department = input.Department?.Trim();
            var found = string.IsNullOrEmpty(department) ? null : await departments.FindAsync(department, ct);
            if (found is null || !found.RegionCode.StartsWith(r.RegionCode[..Math.Min(4, r.RegionCode.Length)], StringComparison.Ordinal))
            {
                errors.Add("department", "请选择本市的责任部门（部门编码）");
            }

            var person = string.IsNullOrWhiteSpace(input.Person) ? null : input.Person.Trim();
            if (person is { Length: > 50 } || TextRules.TextProblem(person, 50) is not null)
            {
                errors.Add("person", "责任人姓名不超过 50 字");
            }

            if (input.WorkingDays is not (>= 1 and <= 60))
            {
                errors.Add("workingDays", "整改期限为 1–60 个工作日");
            }

            if (errors.Any)
            {
                return errors.ToError("rectification:invalid", "交办有误");
            }

            var due = (await calendar.RulesAsync(ct)).AddWorkingDays(clock.TodayInChina(), input.WorkingDays!.Value);
            return due.IsSuccess ? r.Assign(found!.Code, person, note, due.Value, By) : due.Error!;
        }, ct);

    public Task<Result<RectificationView>> RectifyAsync(Guid id, RectificationStep step, int? version, CancellationToken ct) =>
        StepAsync(id, step.Note, version, "RectificationRectified", false, (r, note) => Task.FromResult(r.Rectify(note, By)), ct);

    public Task<Result<RectificationView>> FeedbackAsync(Guid id, RectificationStep step, int? version, CancellationToken ct) =>
        StepAsync(id, step.Note, version, "RectificationFeedback", false, (r, note) => Task.FromResult(r.Feedback(note, step.Satisfied, By, clock.Now())), ct);

    private string By => user.DisplayName ?? user.UserName ?? "";

    /// <summary>
    /// One step. 核实 and 交办 are the centre's (政务办) or the responsible department's; 整改 and 反馈 the responsible
    /// department's. Administrators may do any.
    /// </summary>
    private async Task<Result<RectificationView>> StepAsync(
        Guid id, string? text, int? version, string action, bool centreMay, Func<Rectification, string, Task<Result>> change, CancellationToken ct)
    {
        var r = await db.Set<Rectification>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !MaySee(r) || (SeesAll && !r.RegionCode.StartsWith(RegionPrefix, StringComparison.Ordinal)))
        {
            return NotFound;
        }

        if (r.DepartmentCode != user.DepartmentCode && !user.IsInRole(Roles.Admin) && !(centreMay && user.IsInRole(Roles.Supervisor)))
        {
            return Error.Forbidden("rectification:forbidden", centreMay ? "只有政务服务管理机构或责任部门可以核实、交办" : "只有责任部门的工作人员可以整改和反馈");
        }

        if (version is { } v && v != r.Version)
        {
            return Error.StaleWrite;
        }

        var note = text?.Trim() ?? "";
        if (note.Length is < 2 or > 2000 || TextRules.TextProblem(note) is not null)
        {
            return Error.Field("note", "请填写说明（2–2000 字）");
        }

        var changed = await change(r, note);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        audit.Record(new AuditRecord(r.RegionCode, "Rectification", r.Id.ToString(), action,
            new { status = r.Status.ToString(), department = r.DepartmentCode, r.AssignedTo, r.DueDate, r.CitizenSatisfied }));
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
        var all = db.Set<Rating>().AsNoTracking();

        // Each service event (and round) counts once: the citizen's own rating where there is one, else the callback's.
        var ratings = all.Where(r => r.CreatedAt >= start && r.CreatedAt < end && (scope == null ? r.RegionCode.StartsWith(region) : r.DepartmentCode == scope)
                                     && (!r.ByCallback || !all.Any(o => !o.ByCallback && o.SubjectType == r.SubjectType && o.SubjectId == r.SubjectId && o.Round == r.Round)));
        var counts = await ratings.GroupBy(r => new { r.Level, r.Channel }).Select(g => new { g.Key.Level, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        var total = counts.Sum(l => l.Count);
        var satisfied = counts.Where(l => l.Level >= 3).Sum(l => l.Count);
        var rects = db.Set<Rectification>().AsNoTracking().Where(r => (scope == null ? r.RegionCode.StartsWith(region) : r.DepartmentCode == scope)
                                                                     && Rectification.OpenStates.Contains(r.Status));
        var today = clock.TodayInChina();
        return new SatisfactionView(scope, first, last, total,
            [.. Enumerable.Range(1, 5).Reverse().Select(l => new LevelCount(l, Rating.Label(l), counts.Where(x => x.Level == l).Sum(x => x.Count)))],
            total > 0 ? Math.Round((double)satisfied / total, 4) : null, await rects.CountAsync(ct), await rects.CountAsync(r => r.DueDate < today, ct),
            [.. Enum.GetValues<RatingChannel>().Select(c => new ChannelCount(c, Rating.Label(c), counts.Where(x => x.Channel == c).Sum(x => x.Count)))]);
    }
}
