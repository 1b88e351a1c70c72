using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Queue.Features;

internal sealed record GroupView(string Code, string Name, string Description, IReadOnlyList<string> Departments, int ServiceMinutes, int SlotCapacity);

internal sealed record HallView(
    Guid Id, string RegionCode, string Name, string Address, TimeOnly OpensAt, TimeOnly ClosesAt, bool OpenEveryDay, string Hours, IReadOnlyList<GroupView> Groups, string Notice, int Version);

internal sealed record CounterView(
    Guid Id, Guid HallId, int Number, string Name, CounterKind Kind, string KindLabel, IReadOnlyList<string> Groups, string DepartmentCode, TimeOnly OpensAt, TimeOnly ClosesAt,
    CounterState State, string StateLabel, string? StaffName, Guid? CurrentTicketId, int Version);

internal sealed record HallInput
{
    public string? Name { get; init; }

    public string? RegionCode { get; init; }

    public string? Address { get; init; }

    public TimeOnly? OpensAt { get; init; }

    public TimeOnly? ClosesAt { get; init; }

    /// <summary>Open on rest days too (周末不打烊, 24 小时自助区); opening equal to closing means round the clock.</summary>
    public bool? OpenEveryDay { get; init; }

    public List<QueueGroup>? Groups { get; init; }
}

internal sealed record HallNoticeInput(string? Notice);

internal sealed record CounterInput
{
    public int? Number { get; init; }

    public string? Name { get; init; }

    public CounterKind? Kind { get; init; }

    public List<string>? Groups { get; init; }

    public string? DepartmentCode { get; init; }

    public TimeOnly? OpensAt { get; init; }

    public TimeOnly? ClosesAt { get; init; }
}

/// <summary>Hall set-up (admins): halls with their item groups and opening hours, counters; and the officers' shifts at a counter.</summary>
internal sealed class Halls(AppDbContext db, HallWork work, IDepartmentDirectory departments, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static Error CounterNotFound => Error.NotFound("counter:not-found", "窗口不存在");

    internal static HallView View(Hall h) => new(h.Id, h.RegionCode, h.Name, h.Address, h.OpensAt, h.ClosesAt, h.OpenEveryDay, h.HoursText,
        [.. h.Groups.Select(g => new GroupView(g.Code, g.Name, g.Description, g.Departments, g.ServiceMinutes, g.SlotCapacity))], h.Notice, h.Version);

    internal static CounterView View(Counter c) => new(c.Id, c.HallId, c.Number, c.Name, c.Kind, Counter.Label(c.Kind), c.Groups, c.DepartmentCode, c.OpensAt, c.ClosesAt,
        c.State, Counter.Label(c.State), c.StaffName, c.CurrentTicketId, c.Version);

    public async Task<IReadOnlyList<HallView>> ListAsync(string? region, CancellationToken ct) =>
        [.. (await db.Set<Hall>().AsNoTracking().Where(h => region == null || h.RegionCode == region).OrderBy(h => h.RegionCode).ThenBy(h => h.Name).ToListAsync(ct)).Select(View)];

    public async Task<HallView?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct) is { } h ? View(h) : null;

    public async Task<IReadOnlyList<CounterView>> CountersAsync(Guid hallId, CancellationToken ct) =>
        [.. (await db.Set<Counter>().AsNoTracking().Where(c => c.HallId == hallId).OrderBy(c => c.Number).ToListAsync(ct)).Select(View)];

    public async Task<CounterView?> CounterAsync(Guid id, CancellationToken ct) =>
        await db.Set<Counter>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } c ? View(c) : null;

    /// <summary>The counter this officer is signed in at, if any.</summary>
    public async Task<CounterView?> MyCounterAsync(CancellationToken ct) =>
        user.UserId is { } me && await db.Set<Counter>().AsNoTracking().FirstOrDefaultAsync(c => c.StaffUserId == me, ct) is { } c ? View(c) : null;

    public async Task<Result<HallView>> CreateAsync(HallInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            errors.Add("name", "请填写大厅名称（2–100 字）");
        }

        var region = input.RegionCode?.Trim() ?? user.RegionCode ?? "";
        if (region.Length != 6 || !region.All(char.IsAsciiDigit))
        {
            errors.Add("regionCode", "行政区划代码应为 6 位数字");
        }

        var opens = input.OpensAt ?? new TimeOnly(9, 0);
        var closes = input.ClosesAt ?? new TimeOnly(17, 0);
        if (closes < opens)
        {
            errors.Add("closesAt", "关门时间应晚于开门时间（两者相同表示全天开放）");
        }

        var groups = input.Groups ?? [];
        if (groups.Count == 0)
        {
            errors.Add("groups", "请至少设置一个业务分区（如 A 综合受理）");
        }

        foreach (var (g, i) in groups.Select((g, i) => (g, i)))
        {
            if (g.Code.Length != 1 || !char.IsAsciiLetterUpper(g.Code[0]))
            {
                errors.Add($"groups[{i}].code", "分区代码为一个大写字母，作为号码开头（如 A）");
            }

            if (string.IsNullOrWhiteSpace(g.Name))
            {
                errors.Add($"groups[{i}].name", "请填写分区名称");
            }

            if (g.ServiceMinutes is < 1 or > 240 || g.SlotCapacity is < 0 or > 100)
            {
                errors.Add($"groups[{i}].serviceMinutes", "平均办理时长 1–240 分钟，每时段预约名额 0–100");
            }
        }

        if (groups.GroupBy(g => g.Code).Any(x => x.Count() > 1))
        {
            errors.Add("groups", "分区代码不能重复");
        }

        if (errors.Any)
        {
            return errors.ToError("hall:invalid", "大厅信息有误");
        }

        var hall = new Hall
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), RegionCode = region, Name = name, Address = input.Address?.Trim() ?? "", OpensAt = opens, ClosesAt = closes,
            OpenEveryDay = input.OpenEveryDay ?? false, Groups = [.. groups.Select(g => g with { Name = g.Name.Trim(), Description = g.Description.Trim() })],
        };
        db.Add(hall);
        audit.Record(new AuditRecord(region, "Hall", hall.Id.ToString(), "HallCreated", new { name, groups = hall.Groups.Select(g => g.Code) }));
        await db.SaveChangesAsync(ct);
        return View(hall);
    }

    /// <summary>Sets (or clears) the 温馨提示 on the hall's displays; the stamp bump in the same transaction refreshes them.</summary>
    public async Task<Result<HallView>> SetNoticeAsync(Guid hallId, HallNoticeInput input, CancellationToken ct)
    {
        var notice = input.Notice?.Trim() ?? "";
        if (notice.Length > Hall.NoticeMaxLength)
        {
            return new FieldErrors().Add("notice", $"温馨提示最多 {Hall.NoticeMaxLength} 个字").ToError("hall:invalid", "大厅信息有误");
        }

        var saved = await work.RunAsync<bool>(hallId, async hall =>
        {
            await db.Set<Hall>().Where(h => h.Id == hallId).ExecuteUpdateAsync(s => s.SetProperty(h => h.Notice, notice), CancellationToken.None);
            audit.Record(new AuditRecord(hall.RegionCode, "Hall", hallId.ToString(), "HallNoticeSet", new { notice }));
            return true;
        }, ct);
        return saved.IsSuccess ? (await FindAsync(hallId, ct))! : saved.Error!;
    }

    public async Task<Result<CounterView>> AddCounterAsync(Guid hallId, CounterInput input, CancellationToken ct)
    {
        var hall = await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
        {
            return HallWork.HallNotFound;
        }

        var errors = new FieldErrors();
        if (input.Number is not (>= 1 and <= 999))
        {
            errors.Add("number", "窗口号为 1–999");
        }
        else if (await db.Set<Counter>().AnyAsync(c => c.HallId == hallId && c.Number == input.Number, ct))
        {
            errors.Add("number", $"{input.Number} 号窗口已存在");
        }

        var kind = input.Kind ?? CounterKind.General;
        var groups = (input.Groups ?? []).Select(g => g.Trim().ToUpperInvariant()).Distinct().ToList();
        foreach (var g in groups.Where(g => hall.Group(g) is null))
        {
            errors.Add("groups", $"业务分区 {g} 不存在");
        }

        if (kind is CounterKind.Dedicated or CounterKind.Unresolved && groups.Count == 0)
        {
            errors.Add("groups", kind == CounterKind.Dedicated ? "专窗请选择其服务的业务分区" : "办不成事反映窗口请选择其服务的业务分区（大厅的办不成事分区）");
        }

        var department = input.DepartmentCode?.Trim() ?? "";
        if (await departments.FindAsync(department, ct) is null)
        {
            errors.Add("departmentCode", "请选择窗口所属部门（好差评和整改由其负责）");
        }

        if (errors.Any)
        {
            return errors.ToError("counter:invalid", "窗口信息有误");
        }

        var counter = new Counter
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), HallId = hallId, RegionCode = hall.RegionCode, Number = input.Number!.Value,
            Name = string.IsNullOrWhiteSpace(input.Name) ? $"{input.Number} 号窗口" : input.Name.Trim(), Kind = kind, Groups = kind == CounterKind.General ? [] : groups,
            DepartmentCode = department, OpensAt = input.OpensAt ?? hall.OpensAt, ClosesAt = input.ClosesAt ?? hall.ClosesAt, State = CounterState.Closed,
        };
        db.Add(counter);
        audit.Record(new AuditRecord(hall.RegionCode, "Counter", counter.Id.ToString(), "CounterCreated", new { counter.Number, kind = kind.ToString(), groups }));
        await db.SaveChangesAsync(ct);
        return View(counter);
    }

    /// <summary>签到: the officer opens the counter (leaving any other counter they were signed in at).</summary>
    public Task<Result<CounterView>> SignInAsync(Guid counterId, CancellationToken ct) => ShiftAsync(counterId, "CounterSignedIn", async (c, now) =>
    {
        if (!HallAccess.WorksIn(user, c.RegionCode) || user.UserId is null)
        {
            return HallAccess.NotYourHall;
        }

        var elsewhere = await db.Set<Counter>().Where(x => x.StaffUserId == user.UserId && x.Id != c.Id).ToListAsync(ct);
        if (elsewhere.FirstOrDefault(x => x.CurrentTicketId is not null) is { } busy)
        {
            return Error.Conflict("counter:serving", $"您在 {busy.Number} 号窗口还有未办完的号，请先办结");
        }

        foreach (var other in elsewhere)
        {
            await EndSessionAsync(other.Id, now, ct);
            other.SignOut(now);
        }

        var wasOpen = c.State == CounterState.Open;
        var signed = c.SignIn(user.UserId, user.DisplayName ?? "", now);
        if (signed.IsSuccess && !wasOpen)
        {
            db.Add(new CounterSession { Id = Guid.CreateVersion7(now), CounterId = c.Id, HallId = c.HallId, RegionCode = c.RegionCode, StaffUserId = user.UserId, StartedAt = now });
        }

        return signed;
    }, mustBeAtCounter: false, ct);

    /// <summary>签退: the officer at the counter; the hall's guide (值班) or an admin may sign out a counter someone left open.</summary>
    public Task<Result<CounterView>> SignOutAsync(Guid counterId, CancellationToken ct) => ShiftAsync(counterId, "CounterSignedOut", async (c, now) =>
    {
        var r = c.SignOut(now);
        if (r.IsSuccess)
        {
            await EndSessionAsync(c.Id, now, ct);
        }

        return r;
    }, mustBeAtCounter: !(user.IsInRole(Roles.HallGuide) || user.IsInRole(Roles.Admin)), ct, adminMay: true);

    public Task<Result<CounterView>> BreakAsync(Guid counterId, CancellationToken ct) => ShiftAsync(counterId, "CounterOnBreak", async (c, now) =>
    {
        var r = c.TakeBreak(now);
        if (r.IsSuccess)
        {
            await EndSessionAsync(c.Id, now, ct);
        }

        return r;
    }, mustBeAtCounter: true, ct);

    public Task<Result<CounterView>> ResumeAsync(Guid counterId, CancellationToken ct) => ShiftAsync(counterId, "CounterResumed", (c, now) =>
    {
        var r = c.Resume(now);
        if (r.IsSuccess)
        {
            db.Add(new CounterSession { Id = Guid.CreateVersion7(now), CounterId = c.Id, HallId = c.HallId, RegionCode = c.RegionCode, StaffUserId = c.StaffUserId!, StartedAt = now });
        }

        return Task.FromResult(r);
    }, mustBeAtCounter: true, ct);

    private async Task EndSessionAsync(Guid counterId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var s in await db.Set<CounterSession>().Where(s => s.CounterId == counterId && s.EndedAt == null).ToListAsync(ct))
        {
            s.EndedAt = now;
        }
    }

    private async Task<Result<CounterView>> ShiftAsync(
        Guid counterId, string action, Func<Counter, DateTimeOffset, Task<Result>> change, bool mustBeAtCounter, CancellationToken ct, bool adminMay = false)
    {
        var hallId = await db.Set<Counter>().AsNoTracking().Where(c => c.Id == counterId).Select(c => (Guid?)c.HallId).SingleOrDefaultAsync(ct);
        if (hallId is null)
        {
            return CounterNotFound;
        }

        var done = await work.RunAsync<Counter>(hallId.Value, async _ =>
        {
            var counter = await db.Set<Counter>().SingleAsync(c => c.Id == counterId, ct);
            if (!HallAccess.WorksIn(user, counter.RegionCode) && !(adminMay && user.IsInRole(Roles.Admin)))
            {
                return HallAccess.NotYourHall;
            }

            if (mustBeAtCounter && counter.MayAct(user.UserId) is { IsSuccess: false } denied)
            {
                return denied.Error!;
            }

            var r = await change(counter, clock.Now());
            if (!r.IsSuccess)
            {
                return r.Error!;
            }

            audit.Record(new AuditRecord(counter.RegionCode, "Counter", counter.Id.ToString(), action, new { counter.Number, state = counter.State.ToString() }));
            return counter;
        }, ct);
        return done.IsSuccess ? View(done.Value!) : done.Error!;
    }
}
