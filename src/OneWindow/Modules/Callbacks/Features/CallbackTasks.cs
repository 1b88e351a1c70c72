using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Features;

internal sealed record CallbackTaskView(
    Guid Id, DateOnly ListDate, DateOnly ServiceDate, string SubjectType, Guid SubjectId, int Round, string Number, string Label, string? ItemName, string RegionCode,
    string DepartmentCode, string DepartmentName, string? CitizenName, string Phone, DateTimeOffset? StartedAt, bool OnTime, bool HadCorrection, bool Deferral, string? ServedBy,
    bool MustCall, string? AgentUserId, string? AgentName, CallbackStatus Status, string StatusLabel, int Attempts, string? LastHalfDay, IReadOnlyList<AttemptView> AttemptLog,
    int? Attitude, int? Process, int? Efficiency, bool? DoneInOneVisit, string? Comment, int? Level, Guid? RatingId, Guid? RectificationId, int Version);

internal sealed record AttemptView(DateTimeOffset At, CallOutcome Outcome, string OutcomeLabel, string Agent);

internal sealed record AttemptInput
{
    public CallOutcome? Outcome { get; init; }

    public CallbackAnswers? Answers { get; init; }

    /// <summary>The overall level (1–5); the mean of the three answers when left out.</summary>
    public int? Level { get; init; }

    /// <summary>拒访 only: add the phone to 免打扰.</summary>
    public bool? DoNotCall { get; init; }
}

internal sealed record DoNotCallInput
{
    public string? Phone { get; init; }

    public string? Reason { get; init; }
}

internal sealed record DoNotCallView(string Phone, string? Reason);

internal sealed record CallbackQuery(DateOnly? Date, string? Status, string? Region, bool Mine, int Page, int PageSize);

/// <summary>
/// The callback console's side: the tasks of the signed-in agent's region (a county's line its county's, the city's line
/// every region's; supervisors and administrators read them), and one call attempt at a time. The phone is whole for
/// callback agents only (calling is their work), masked for everyone else.
/// </summary>
internal sealed class CallbackTasks(
    AppDbContext db, ICallbackRatings ratings, IDepartmentDirectory departments, PlatformSecrets secrets, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("callback:not-found", "回访任务不存在");

    private bool IsAgent => user.IsInRole(Roles.CallbackAgent);

    private string Scope => Regions.Prefix(user.RegionCode);

    public static Result<CallbackStatus?> ParseStatus(string? status) => status switch
    {
        null or "" or "all" => (CallbackStatus?)null,
        _ when TextRules.TryEnum<CallbackStatus>(status, out var s) => s,
        _ => Error.Field("status", "status 为 pending、reached、unreachable、refused、wrongNumber 或 all"),
    };

    public async Task<Result<Page<CallbackTaskView>>> ListAsync(CallbackQuery q, CancellationToken ct)
    {
        var status = ParseStatus(q.Status);
        if (!status.IsSuccess)
        {
            return status.Error!;
        }

        var scope = Scope;
        if (!string.IsNullOrEmpty(q.Region))
        {
            if (!Regions.Covers(user.RegionCode, q.Region))
            {
                return Error.Field("region", "只能查看本辖区的回访任务");
            }

            scope = Regions.Prefix(q.Region);
        }

        var date = q.Date ?? await DefaultDateAsync(ct);
        var rows = db.Set<CallbackTask>().AsNoTracking().Where(t => t.ListDate == date && t.RegionCode.StartsWith(scope));
        if (status.Value is { } s)
        {
            rows = rows.Where(t => t.Status == s);
        }

        if (q.Mine)
        {
            rows = rows.Where(t => t.AgentUserId == user.UserId);
        }

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(t => t.Status).ThenByDescending(t => t.MustCall).ThenBy(t => t.Number).Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        var names = await departments.NamesAsync(page.Select(t => t.DepartmentCode).Distinct(), ct);
        return new Page<CallbackTaskView>([.. page.Select(t => View(t, names))], total, q.Page, q.PageSize);
    }

    /// <summary>The list an agent opens on: today's; before it is built, the next one already built (the demo's), else the last.</summary>
    public async Task<DateOnly> DefaultDateAsync(CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var dates = db.Set<CallbackList>().AsNoTracking().Select(l => l.Date);
        if (await dates.AnyAsync(d => d == today, ct))
        {
            return today;
        }

        return await dates.Where(d => d > today).OrderBy(d => d).Select(d => (DateOnly?)d).FirstOrDefaultAsync(ct)
               ?? await dates.Where(d => d < today).OrderByDescending(d => d).Select(d => (DateOnly?)d).FirstOrDefaultAsync(ct)
               ?? today;
    }

    public async Task<CallbackTaskView?> FindAsync(Guid id, CancellationToken ct)
    {
        var t = await db.Set<CallbackTask>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return t is null || !Regions.Covers(user.RegionCode, t.RegionCode) ? null : View(t, await departments.NamesAsync([t.DepartmentCode], ct));
    }

    private CallbackTaskView View(CallbackTask t, IReadOnlyDictionary<string, string> names) => new(
        t.Id, t.ListDate, t.ServiceDate, t.SubjectType, t.SubjectId, t.Round, t.Number, t.Label, t.ItemName, t.RegionCode, t.DepartmentCode,
        names.GetValueOrDefault(t.DepartmentCode, t.DepartmentCode), t.CitizenName is null ? null : IsAgent ? t.CitizenName : Mask.Name(t.CitizenName),
        IsAgent ? t.Phone : Mask.Mobile(t.Phone), t.StartedAt, t.OnTime, t.HadCorrection, t.Deferral, t.ServedBy, t.MustCall, t.AgentUserId, t.AgentName, t.Status,
        CallbackTask.LabelOf(t.Status), t.Attempts, t.LastHalfDay, [.. t.AttemptLog.Select(a => new AttemptView(a.At, a.Outcome, CallbackTask.LabelOf(a.Outcome), a.Agent))],
        t.Attitude, t.Process, t.Efficiency, t.DoneInOneVisit, t.Comment, t.Level, t.RatingId, t.RectificationId, t.Version);

    /// <summary>
    /// One call: 接通 records the answers as a 好差评 rating with channel 回访 (and, for 不满意 or a complaint, a rectification
    /// with source 回访); 无人接听 waits for another half-day, the third closes the task as 未接通; 拒访 (optionally onto
    /// 免打扰) and 号码错误 close it.
    /// </summary>
    public async Task<Result<CallbackTaskView>> AttemptAsync(Guid id, AttemptInput input, int? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.Outcome is null)
        {
            errors.Add("outcome", "请选择回访结果：reached（接通）、noAnswer（无人接听）、refused（拒访）或 wrongNumber（号码错误）");
        }

        var a = input.Answers;
        var comment = string.IsNullOrWhiteSpace(a?.Comment) ? null : a!.Comment!.Trim();
        if (input.Outcome == CallOutcome.Reached)
        {
            foreach (var (field, value, label) in new[] { ("answers.attitude", a?.Attitude, "服务态度"), ("answers.process", a?.Process, "办事流程"), ("answers.efficiency", a?.Efficiency, "办事效率") })
            {
                if (value is not (>= 1 and <= 5))
                {
                    errors.Add(field, $"请记录群众对{label}的评价（1–5：5 非常满意 … 1 非常不满意）");
                }
            }

            if (a?.DoneInOneVisit is null)
            {
                errors.Add("answers.doneInOneVisit", "请记录是否一次办成");
            }

            if (TextRules.TextProblem(comment, 500) is { } bad)
            {
                errors.Add("answers.comment", "意见建议" + bad);
            }

            if (input.Level is { } l && l is < 1 or > 5)
            {
                errors.Add("level", "总体评价为 1–5");
            }
        }

        if (errors.Any)
        {
            return errors.ToError("callback:invalid", "回访记录有误");
        }

        if (!IsAgent)
        {
            return Error.Forbidden("callback:not-agent", "只有回访坐席可以记录回访");
        }

        var t = await db.Set<CallbackTask>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || !Regions.Covers(user.RegionCode, t.RegionCode))
        {
            return NotFound;
        }

        if (version is { } v && v != t.Version)
        {
            return Error.StaleWrite;
        }

        var answers = input.Outcome == CallOutcome.Reached ? a! with { Comment = comment } : null;
        var now = clock.Now();
        var done = t.Attempt(input.Outcome!.Value, answers, input.Level, user.UserId ?? "", user.DisplayName ?? user.UserName ?? "", now);
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (t.Status == CallbackStatus.Reached)
        {
            var (ratingId, rectificationId) = await ratings.RecordAsync(new CallbackRating(
                t.SubjectType, t.SubjectId.ToString(), t.Round, t.Label, t.RegionCode, t.DepartmentCode, t.ServedBy, t.Level!.Value, Summary(answers!), CallbackTask.IsComplaint(answers!, t.Level.Value),
                t.Id), ct);
            (t.RatingId, t.RectificationId) = (ratingId, rectificationId);
        }

        if (t.Status == CallbackStatus.Refused && input.DoNotCall == true)
        {
            var hash = CallbackLists.HashPhone(await secrets.GetAsync(CallbackLists.PhoneKeyName, ct), t.Phone);
            if (!await db.Set<DoNotCall>().AnyAsync(d => d.PhoneHash == hash, ct))
            {
                db.Add(new DoNotCall { PhoneHash = hash, RegionCode = t.RegionCode, Tail = t.Phone[^4..], Reason = "回访时要求不再回访", CreatedAt = now, CreatedBy = user.DisplayName ?? "" });
            }
        }

        var attempted = new AuditRecord(t.RegionCode, "CallbackTask", t.Id.ToString(), "CallbackAttempted",
            new { outcome = input.Outcome.ToString(), attempt = t.Attempts, status = t.Status.ToString(), t.Level, t.RatingId, t.RectificationId });
        if (t.Status == CallbackStatus.Pending)
        {
            audit.Record(attempted);
        }
        else
        {
            audit.Record(attempted, new CallbackClosed(t.Id, t.Status.ToString(), t.DepartmentCode, DateOnly.FromDateTime(Timestamps.InChina(now).DateTime), t.RegionCode));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.StaleWrite;
        }

        return View(t, await departments.NamesAsync([t.DepartmentCode], ct));
    }

    /// <summary>免打扰: a citizen asked (on the phone, at a window) not to be called back; only a salted hash of the number is kept.</summary>
    public async Task<Result<DoNotCallView>> AddDoNotCallAsync(DoNotCallInput input, CancellationToken ct)
    {
        var mobile = Mobile.Check(input.Phone);
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        var errors = new FieldErrors();
        if (!mobile.Valid)
        {
            errors.Add("phone", "请填写 11 位手机号码");
        }

        if (TextRules.TextProblem(reason, 200) is { } bad)
        {
            errors.Add("reason", "原因" + bad);
        }

        if (errors.Any)
        {
            return errors.ToError("callback:invalid", "免打扰登记有误");
        }

        var phone = mobile.Normalized;
        var hash = CallbackLists.HashPhone(await secrets.GetAsync(CallbackLists.PhoneKeyName, ct), phone);
        if (!await db.Set<DoNotCall>().AnyAsync(d => d.PhoneHash == hash, ct))
        {
            db.Add(new DoNotCall { PhoneHash = hash, RegionCode = user.RegionCode ?? "", Tail = phone[^4..], Reason = reason, CreatedAt = clock.Now(), CreatedBy = user.DisplayName ?? "" });
            audit.Record(new AuditRecord(user.RegionCode ?? "", "DoNotCall", phone[^4..], "DoNotCallAdded", new { tail = phone[^4..] }));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (!ct.IsCancellationRequested)
            {
                // Added by someone else at the same moment: it is on the list either way.
                db.ChangeTracker.Clear();
            }
        }

        return new DoNotCallView(Mask.Mobile(phone), reason);
    }

    /// <summary>What the rating's comment says: the script's answers, then the citizen's words.</summary>
    private static string Summary(CallbackAnswers a) =>
        $"服务态度 {a.Attitude}，办事流程 {a.Process}，办事效率 {a.Efficiency}，{(a.DoneInOneVisit == true ? "一次办成" : "未一次办成")}" + (a.Comment is null ? "" : "。" + a.Comment);
}
