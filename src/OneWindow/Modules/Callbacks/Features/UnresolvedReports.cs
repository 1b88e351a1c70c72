using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Callbacks.Features;

internal sealed record UnresolvedReportInput
{
    public string? ItemCode { get; init; }

    public string? Site { get; init; }

    public string? WhatHappened { get; init; }

    public string? Want { get; init; }

    /// <summary>Staff taking the report for someone (at the window, on 12345): who and how to reach them. A citizen's own come from the account.</summary>
    public string? CitizenName { get; init; }

    public string? Phone { get; init; }
}

internal sealed record ReportCloseInput
{
    public bool? Solved { get; init; }

    public string? Outcome { get; init; }

    public string? LegalBasis { get; init; }
}

internal sealed record UnresolvedReportView(
    Guid Id, string Number, string RegionCode, ReportChannel Channel, string ChannelLabel, string? ItemCode, string? ItemName, string? DepartmentCode, string Site,
    string WhatHappened, string Want, string? CitizenName, string? Phone, DateTimeOffset ReceivedAt, DateOnly TakeBy, DateOnly DueDate, ReportStatus Status, string StatusLabel,
    bool TakeLate, bool Overdue, string? OfficerName, DateTimeOffset? TakenAt, string? Outcome, string? LegalBasis, DateTimeOffset? ClosedAt, bool Flagged, Guid? RectificationId,
    int Version);

/// <summary>
/// 办不成事: a report from the window, the portal or 12345; taken by a named officer within a working day, solved or explained
/// with a legal basis within <c>UnresolvedDays</c>; rated like any service (<see cref="IRatableSubjects"/>); several reports on
/// one item flag it to the department head and open a rectification of the one loop.
/// </summary>
internal sealed class UnresolvedReports(
    AppDbContext db, GroupCommit groupCommit, ICatalogQueries catalog, IRectifications rectifications, WorkingDayCalendar calendar, AuditTrail audit, ICurrentUser user, TimeProvider clock,
    IOptions<CallbackOptions> options) : IRatableSubjects
{
    public const string Type = "unresolvedReport";

    private static Error NotFound => Error.NotFound("unresolved-report:not-found", "办不成事诉求不存在");

    private bool IsCitizen => user.IsInRole(Roles.Applicant) && !Roles.Staff.Any(user.IsInRole);

    /// <summary>Who takes and closes reports: the hall's guides, supervisors (政务办), department heads, administrators.</summary>
    public bool IsOfficer => user.IsInRole(Roles.HallGuide) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.Admin);

    public async Task<Result<UnresolvedReportView>> SubmitAsync(UnresolvedReportInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var site = Text(input.Site, "site", "办事地点（大厅、窗口或网上办事）", 2, 200, errors);
        var what = Text(input.WhatHappened, "whatHappened", "遇到的情况（被告知什么、为什么没办成）", 5, 2000, errors);
        var want = Text(input.Want, "want", "诉求（希望怎样解决）", 2, 1000, errors);
        PublishedItem? item = null;
        if (!string.IsNullOrWhiteSpace(input.ItemCode))
        {
            item = await catalog.CurrentAsync(input.ItemCode.Trim(), ct);
            if (item is null)
            {
                errors.Add("itemCode", "事项编码不存在；不清楚事项的可不填");
            }
        }

        string? name, phone;
        ReportChannel channel;
        if (IsCitizen)
        {
            var me = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => new { u.DisplayName, u.PhoneNumber }).SingleAsync(ct);
            (name, phone, channel) = (me.DisplayName, me.PhoneNumber, ReportChannel.Portal);
        }
        else
        {
            name = string.IsNullOrWhiteSpace(input.CitizenName) ? null : input.CitizenName.Trim();
            var mobile = Mobile.Check(input.Phone);
            phone = mobile.Valid ? mobile.Normalized : null;
            channel = user.IsInRole(Roles.HotlineAgent) ? ReportChannel.Hotline : ReportChannel.Window;
            if (name is null || name.Length > 50 || TextRules.TextProblem(name, 50) is not null)
            {
                errors.Add("citizenName", "请填写群众姓名（50 字以内）");
            }

            if (phone is null)
            {
                errors.Add("phone", "请填写群众的手机号码（11 位），以便答复和回访");
            }
        }

        if (errors.Any)
        {
            return errors.ToError("unresolved-report:invalid", "办不成事诉求有误");
        }

        var rules = await calendar.RulesAsync(ct);
        var today = clock.TodayInChina();
        var takeBy = rules.AddWorkingDays(today, 1);
        var due = rules.AddWorkingDays(today, options.Value.UnresolvedDays);
        if (!takeBy.IsSuccess || !due.IsSuccess)
        {
            return (takeBy.Error ?? due.Error)!;
        }

        var now = clock.Now();
        var region = user.RegionCode ?? "";
        var report = new UnresolvedReport
        {
            Id = Guid.CreateVersion7(now), RegionCode = region, Channel = channel, ItemCode = item?.Definition.Code, ItemName = item?.Definition.Name,
            DepartmentCode = item?.Definition.Department, Site = site!, WhatHappened = what!, Want = want!, CitizenName = name, Phone = phone,
            CitizenUserId = IsCitizen ? user.UserId : null, ReceivedById = user.UserId ?? "", ReceivedAt = now, TakeBy = takeBy.Value, DueDate = due.Value,
        };
        await groupCommit.RunAsync(db, async () =>
        {
            var n = await DayCounters.NextAsync(db, "unresolved-report", today, ct);
            report.Number = $"BS-{today:yyyyMMdd}-{n:0000}";
            db.Add(report);
            audit.Record(new AuditRecord(region, "UnresolvedReport", report.Id.ToString(), "UnresolvedReportReceived", new { report.Number, report.ItemCode, channel = channel.ToString() }));
            await FlagPatternAsync(report, item, now, ct);
            await db.SaveChangesAsync(ct);
            return true;
        });
        return View(report);
    }

    /// <summary>The report that makes an item's count reach the pattern flags it (once per window): the head is told, a rectification opens.</summary>
    private async Task FlagPatternAsync(UnresolvedReport report, PublishedItem? item, DateTimeOffset now, CancellationToken ct)
    {
        if (item is null)
        {
            return;
        }

        var o = options.Value;
        var since = now.AddDays(-o.PatternDays);
        var recent = await db.Set<UnresolvedReport>().Where(r => r.ItemCode == report.ItemCode && r.ReceivedAt >= since).Select(r => r.Flagged).ToListAsync(ct);
        if (recent.Count + 1 < o.PatternReports || recent.Any(f => f))
        {
            return;
        }

        report.Flagged = true;
        var d = item.Definition;
        var (id, _) = await rectifications.OpenAsync(new RectificationRequest(RectificationSource.UnresolvedReport, report.Id.ToString(), report.RegionCode, d.Department,
            $"事项“{d.Name}”{o.PatternDays} 天内 {recent.Count + 1} 次办不成", $"最新一件（{report.Number}）：{report.WhatHappened}"), ct);
        report.RectificationId = id;
        audit.Record(new AuditRecord(report.RegionCode, "UnresolvedReport", report.Id.ToString(), "UnresolvedPatternFlagged", new { d.Code, reports = recent.Count + 1 }),
            new UnresolvedPatternFlagged(d.Code, d.Name, d.Department, recent.Count + 1, o.PatternDays, report.RegionCode));
    }

    public async Task<Page<UnresolvedReportView>> ListAsync(string? status, string? itemCode, int page, int size, CancellationToken ct)
    {
        var q = Visible(db.Set<UnresolvedReport>().AsNoTracking());
        if (status == "open")
        {
            q = q.Where(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.Taken);
        }

        if (!string.IsNullOrWhiteSpace(itemCode))
        {
            q = q.Where(r => r.ItemCode == itemCode);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.ReceivedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<UnresolvedReportView>([.. rows.Select(View)], total, page, size);
    }

    private IQueryable<UnresolvedReport> Visible(IQueryable<UnresolvedReport> q)
    {
        if (IsCitizen)
        {
            var me = user.UserId;
            return q.Where(r => r.CitizenUserId == me);
        }

        var scope = Regions.Prefix(user.RegionCode);
        return q.Where(r => r.RegionCode.StartsWith(scope));
    }

    public async Task<UnresolvedReportView?> FindAsync(Guid id, CancellationToken ct) =>
        await Visible(db.Set<UnresolvedReport>().AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, ct) is { } r ? View(r) : null;

    public Task<Result<UnresolvedReportView>> TakeAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, "UnresolvedReportTaken", r => r.Take(user.UserId ?? "", user.DisplayName ?? user.UserName ?? "", user.DepartmentCode, clock.Now()), ct);

    public Task<Result<UnresolvedReportView>> CloseAsync(Guid id, ReportCloseInput input, int? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var outcome = Text(input.Outcome, "outcome", "办理结果（怎样解决的，或为什么不能办）", 2, 2000, errors);
        var basis = string.IsNullOrWhiteSpace(input.LegalBasis) ? null : input.LegalBasis.Trim();
        if (TextRules.TextProblem(basis, 1000) is { } bad)
        {
            errors.Add("legalBasis", "法律政策依据" + bad);
        }

        if (input.Solved is null)
        {
            errors.Add("solved", "请说明是否办成：solved=true（已解决）或 false（不能办，依法解释）");
        }

        return errors.Any
            ? Task.FromResult<Result<UnresolvedReportView>>(errors.ToError("unresolved-report:invalid", "办结信息有误"))
            : ChangeAsync(id, version, "UnresolvedReportClosed", r => r.Close(input.Solved!.Value, outcome!, basis, user.UserId ?? "", clock.Now()), ct);
    }

    private async Task<Result<UnresolvedReportView>> ChangeAsync(Guid id, int? version, string action, Func<UnresolvedReport, Result> change, CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Error.Forbidden("unresolved-report:not-officer", "只有大厅负责人、监督员或部门负责人可以办理办不成事诉求");
        }

        var r = await Visible(db.Set<UnresolvedReport>()).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return NotFound;
        }

        return await db.ChangeVersionedAsync(r, version, x => Task.FromResult(change(x)),
            x => audit.Record(new AuditRecord(x.RegionCode, "UnresolvedReport", x.Id.ToString(), action, new { status = x.Status.ToString(), officer = x.OfficerName })), View, ct);
    }

    private UnresolvedReportView View(UnresolvedReport r)
    {
        var today = clock.TodayInChina();
        // The citizen sees their own; the officers who handle reports, and whoever took this one, see who to answer; others see it masked.
        var own = IsCitizen || IsOfficer || r.ReceivedById == user.UserId;
        return new UnresolvedReportView(
            r.Id, r.Number, r.RegionCode, r.Channel, UnresolvedReport.Label(r.Channel), r.ItemCode, r.ItemName, r.DepartmentCode, r.Site, r.WhatHappened, r.Want,
            own ? r.CitizenName : Mask.Name(r.CitizenName), own ? r.Phone : Mask.Mobile(r.Phone), r.ReceivedAt, r.TakeBy, r.DueDate, r.Status, UnresolvedReport.Label(r.Status),
            r.Status == ReportStatus.Received && today > r.TakeBy, !r.IsClosed && today > r.DueDate, r.OfficerName, r.TakenAt, r.Outcome, r.LegalBasis, r.ClosedAt, r.Flagged,
            r.RectificationId, r.Version);
    }

    private static string? Text(string? value, string field, string label, int min, int max, FieldErrors errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length < min || text.Length > max || TextRules.TextProblem(text, max) is not null)
        {
            errors.Add(field, $"请填写{label}（{min}–{max} 字）");
            return null;
        }

        return text;
    }

    string IRatableSubjects.SubjectType => Type;

    /// <summary>A closed report is rated by the citizen who made it (on the portal).</summary>
    async Task<Result<RatableSubject>> IRatableSubjects.FindAsync(Guid id, string? accessCode, CancellationToken ct)
    {
        var r = await db.Set<UnresolvedReport>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || r.CitizenUserId is null || r.CitizenUserId != user.UserId)
        {
            return Error.NotFound("rating:subject-not-found", "评价对象不存在，或您无权评价");
        }

        if (!r.IsClosed)
        {
            return Error.Conflict("rating:not-completed", $"办不成事诉求 {r.Number} 尚未办结，办结后再评价");
        }

        return new RatableSubject(r.Id.ToString(), 0, $"办不成事 {r.Number}（{r.ItemName ?? r.Site}）", r.RegionCode, r.OfficerDepartment ?? r.DepartmentCode ?? "", false);
    }
}
