using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Domain;

/// <summary>
/// An item group of a hall (业务分区): tickets are taken for a group, counters serve groups. A group
/// covers the items of its departments; <see cref="Departments"/> empty means every item (综合受理).
/// </summary>
internal sealed record QueueGroup
{
    /// <summary>The letter that starts its ticket numbers (A023); also its stable code.</summary>
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>Minutes one service usually takes: the estimate until the group has served enough tickets.</summary>
    public int ServiceMinutes { get; init; } = 10;

    /// <summary>Appointments per half-hour slot (0: the group takes no appointments).</summary>
    public int SlotCapacity { get; init; } = 4;
}

/// <summary>
/// 政务服务大厅 (or a town centre): its item groups, counters and opening hours. Every queue change of a
/// hall bumps <see cref="Stamp"/> in the same transaction: the bump is the lock that serialises the
/// hall's queue (two counters never call the same ticket, numbers never repeat) and the signal that
/// tells displays to refresh.
/// </summary>
internal sealed class Hall : IVersioned
{
    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public TimeOnly OpensAt { get; set; } = new(9, 0);

    public TimeOnly ClosesAt { get; set; } = new(17, 0);

    /// <summary>Open on rest days and holidays too (周末不打烊, a 24 小时自助服务区); otherwise on working days only.</summary>
    public bool OpenEveryDay { get; set; }

    /// <summary>Opening equal to closing means round the clock (a 24 小时自助服务区).</summary>
    public bool RoundTheClock => OpensAt == ClosesAt;

    /// <summary>办公时间, as the hall's pages and refusals say it: 工作日 09:00–17:00, 每天 全天.</summary>
    public string HoursText => (OpenEveryDay ? "每天" : "工作日") + " " + (RoundTheClock ? "全天" : $"{OpensAt:HH\\:mm}–{ClosesAt:HH\\:mm}");

    /// <summary>Whether the hall is open at a moment of Beijing time; <paramref name="workingDay"/> answers for its day.</summary>
    public bool IsOpenAt(DateTime local, bool workingDay) =>
        (OpenEveryDay || workingDay) && (RoundTheClock || (TimeOnly.FromDateTime(local) >= OpensAt && TimeOnly.FromDateTime(local) < ClosesAt));

    public List<QueueGroup> Groups { get; set; } = [];

    public const int NoticeMaxLength = 200;

    /// <summary>温馨提示 the hall's admins put on its display (e.g. 今日 15:00 后暂停办理不动产业务); empty for none.</summary>
    public string Notice { get; set; } = "";

    public long Stamp { get; set; }

    public int Version { get; set; }

    public QueueGroup? Group(string? code) => Groups.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The group that serves an item of a department: the first dedicated one naming it, else the general one.</summary>
    public QueueGroup? GroupForDepartment(string department) =>
        Groups.FirstOrDefault(g => g.Departments.Contains(department)) ?? Groups.FirstOrDefault(g => g.Departments.Count == 0);
}

internal enum CounterKind
{
    /// <summary>综合窗口: serves every group (无差别受理).</summary>
    General,

    /// <summary>专窗: serves its groups only.</summary>
    Dedicated,

    /// <summary>绿色通道: priority tickets of every group first (老年人、残疾人、重点项目), then its groups.</summary>
    Green,

    /// <summary>办不成事反映窗口: serves its groups (the hall's 办不成事 group); its officer registers each report (`/unresolved`).</summary>
    Unresolved,
}

internal enum CounterState
{
    Closed,
    Open,
    OnBreak,
}

/// <summary>A counter (窗口) of a hall, with the officer signed in at it.</summary>
internal sealed class Counter : IVersioned
{
    public Guid Id { get; set; }

    public Guid HallId { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>The window number people are called to (请 A023 号到 5 号窗口).</summary>
    public int Number { get; set; }

    public string Name { get; set; } = "";

    public CounterKind Kind { get; set; }

    /// <summary>Groups a dedicated or green counter serves (ignored for general counters).</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>The department the counter belongs to: its ratings and rectifications go there.</summary>
    public string DepartmentCode { get; set; } = "";

    public TimeOnly OpensAt { get; set; } = new(9, 0);

    public TimeOnly ClosesAt { get; set; } = new(17, 0);

    public CounterState State { get; set; }

    public string? StaffUserId { get; set; }

    public string? StaffName { get; set; }

    public DateTimeOffset? StateSince { get; set; }

    /// <summary>The ticket called to this counter and not yet finished.</summary>
    public Guid? CurrentTicketId { get; set; }

    public int Version { get; set; }

    public bool Serves(string group) => Kind == CounterKind.General || Groups.Count == 0 || Groups.Contains(group, StringComparer.OrdinalIgnoreCase);

    public static string Label(CounterKind kind) => kind switch
    {
        CounterKind.General => "综合窗口",
        CounterKind.Dedicated => "专窗",
        CounterKind.Green => "绿色通道",
        CounterKind.Unresolved => "办不成事反映窗口",
    };

    public static string Label(CounterState state) => state switch
    {
        CounterState.Closed => "未开窗",
        CounterState.Open => "服务中",
        CounterState.OnBreak => "暂停服务",
    };

    private static Error NotOpen => Error.Conflict("counter:not-open", "窗口未开启或暂停服务，请先签到或结束暂停");

    /// <summary>The officer at the counter (only they act on it).</summary>
    public Result MayAct(string? userId) =>
        State == CounterState.Closed || StaffUserId is null ? Error.Conflict("counter:not-open", "窗口未签到，请先签到")
        : StaffUserId != userId ? Error.Forbidden("counter:not-yours", $"窗口由 {StaffName} 签到使用，只有签到人员可以操作")
        : Result.Ok();

    public Result SignIn(string userId, string name, DateTimeOffset now)
    {
        if (State != CounterState.Closed && StaffUserId is not null && StaffUserId != userId)
        {
            return Error.Conflict("counter:occupied", $"窗口已由 {StaffName} 签到，请先由其签退");
        }

        State = CounterState.Open;
        StaffUserId = userId;
        StaffName = name;
        StateSince = now;
        return Result.Ok();
    }

    public Result SignOut(DateTimeOffset now)
    {
        if (CurrentTicketId is not null)
        {
            return Error.Conflict("counter:serving", "窗口还有未办完的号，请先办结或标记过号");
        }

        State = CounterState.Closed;
        StaffUserId = null;
        StaffName = null;
        StateSince = now;
        return Result.Ok();
    }

    public Result TakeBreak(DateTimeOffset now)
    {
        if (State != CounterState.Open)
        {
            return NotOpen;
        }

        if (CurrentTicketId is not null)
        {
            return Error.Conflict("counter:serving", "窗口还有未办完的号，请先办结或标记过号");
        }

        State = CounterState.OnBreak;
        StateSince = now;
        return Result.Ok();
    }

    public Result Resume(DateTimeOffset now)
    {
        if (State != CounterState.OnBreak)
        {
            return Error.Conflict("counter:not-on-break", "窗口不在暂停状态");
        }

        State = CounterState.Open;
        StateSince = now;
        return Result.Ok();
    }

    public Result ReadyToCall()
    {
        if (State != CounterState.Open)
        {
            return NotOpen;
        }

        return CurrentTicketId is null ? Result.Ok() : Error.Conflict("counter:serving", "当前号尚未办结，请先办结、过号或转移后再叫下一位");
    }
}

/// <summary>One period a counter was open (signed in and not on break): the denominator of utilisation.</summary>
internal sealed class CounterSession
{
    public Guid Id { get; set; }

    public Guid CounterId { get; set; }

    public Guid HallId { get; set; }

    public string RegionCode { get; set; } = "";

    public string StaffUserId { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}
