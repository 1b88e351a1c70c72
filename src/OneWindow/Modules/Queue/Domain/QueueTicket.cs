using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Domain;

/// <summary>Ticket states (API names): Waiting, Called, Serving, Done, NoShow, Transferred (waiting again, elsewhere).</summary>
internal enum TicketStatus
{
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
    Transferred,
}

/// <summary>Priority classes: called before normal tickets of the same queue.</summary>
internal enum TicketPriority
{
    Normal = 0,

    /// <summary>优先: 老年人、残疾人、孕妇、现役军人、重点项目 (served first, and by the green channel).</summary>
    Priority = 1,
}

internal enum TicketChannel
{
    /// <summary>大导服: the guide desk at the door.</summary>
    GuideDesk,

    /// <summary>自助取号机.</summary>
    Kiosk,

    /// <summary>手机取号 (the QR at the door, or a link).</summary>
    Phone,

    /// <summary>预约签到: an online appointment checked in.</summary>
    Appointment,
}

/// <summary>
/// 排队号: one person's place in a hall's queue for one item group, from taking the ticket to being
/// served (or not). Calling order: priority, then appointment time, then the time the ticket was taken.
/// </summary>
internal sealed class QueueTicket : IVersioned
{
    public Guid Id { get; set; }

    public Guid HallId { get; set; }

    public string RegionCode { get; set; } = "";

    public DateOnly Day { get; set; }

    public string GroupCode { get; set; } = "";

    public int Sequence { get; set; }

    /// <summary>Readable aloud: group letter and a three-digit daily sequence (A023).</summary>
    public string Number { get; set; } = "";

    public TicketPriority Priority { get; set; }

    public TicketChannel Channel { get; set; }

    public Guid? AppointmentId { get; set; }

    public DateTimeOffset? AppointmentAt { get; set; }

    public string? ItemCode { get; set; }

    public string? Mobile { get; set; }

    public string? UserId { get; set; }

    /// <summary>The secret in the phone link: who holds it may follow the ticket and rate the service.</summary>
    public string AccessCode { get; set; } = "";

    public TicketStatus Status { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? FirstCalledAt { get; set; }

    public DateTimeOffset? CalledAt { get; set; }

    public int Recalls { get; set; }

    public Guid? CounterId { get; set; }

    public int? CounterNumber { get; set; }

    /// <summary>Set by a transfer to one counter: only that counter calls it.</summary>
    public Guid? TargetCounterId { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? ServedBy { get; set; }

    public string? ServedByName { get; set; }

    /// <summary>The department of the counter that served it (ratings go there).</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>When the holder was told their turn is near (once).</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>Cases (办件) accepted during the service.</summary>
    public List<Guid> CaseIds { get; set; } = [];

    public int Version { get; set; }

    /// <summary>
    /// The calling order while the ticket waits (null once called): priority, then appointment time, then
    /// the time the ticket was taken, as one sortable number, so "call next" reads the first row of an
    /// index instead of sorting the hall's queue.
    /// </summary>
    public long? WaitingKey { get; set; }

    public bool IsWaiting => Status is TicketStatus.Waiting or TicketStatus.Transferred;

    /// <summary>Whether <paramref name="code"/> is the secret of the ticket's phone link (compared in constant time).</summary>
    public static bool Opens(string accessCode, string? code) =>
        code is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(code), System.Text.Encoding.ASCII.GetBytes(accessCode));

    private static readonly DateTimeOffset KeyEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Bit 61: not a priority ticket; bit 60: no appointment; bits 7–59: microseconds since 2020 of the
    /// appointment or of taking the ticket; bits 0–6: the daily sequence, so tickets of one instant keep
    /// the order they were numbered in.
    /// </summary>
    public static long CallingKey(TicketPriority priority, DateTimeOffset? appointmentAt, DateTimeOffset issuedAt, int sequence)
    {
        var at = appointmentAt ?? issuedAt;
        var micros = Math.Clamp((at - KeyEpoch).Ticks / 10, 0, (1L << 53) - 1);
        return ((priority == TicketPriority.Priority ? 0L : 1L) << 61) | ((appointmentAt is null ? 1L : 0L) << 60) | (micros << 7) | (sequence & 127L);
    }

    /// <summary>Into the queue (taken, checked in, or transferred): it keeps its place in time.</summary>
    public void Queue() => WaitingKey = CallingKey(Priority, AppointmentAt, IssuedAt, Sequence);

    public static string Label(TicketStatus s) => s switch
    {
        TicketStatus.Waiting => "等候中",
        TicketStatus.Called => "已叫号",
        TicketStatus.Serving => "办理中",
        TicketStatus.Done => "已办结",
        TicketStatus.NoShow => "已过号",
        TicketStatus.Transferred => "已转移，等候中",
    };

    public static string Label(TicketPriority p) => p switch
    {
        TicketPriority.Normal => "普通",
        TicketPriority.Priority => "优先",
    };

    public static string Label(TicketChannel c) => c switch
    {
        TicketChannel.GuideDesk => "导服台",
        TicketChannel.Kiosk => "自助取号机",
        TicketChannel.Phone => "手机取号",
        TicketChannel.Appointment => "预约签到",
    };

    private Error Not(string what) => Error.Conflict("ticket:wrong-state", $"{Number} 号当前{Label(Status)}，不能{what}");

    private Result AtCounter(Guid counterId, string what) =>
        CounterId != counterId ? Error.Conflict("ticket:other-counter", $"{Number} 号不在本窗口，不能{what}") : Result.Ok();

    public Result Call(Counter counter, DateTimeOffset now)
    {
        if (!IsWaiting)
        {
            return Not("叫号");
        }

        Status = TicketStatus.Called;
        WaitingKey = null;
        CounterId = counter.Id;
        CounterNumber = counter.Number;
        TargetCounterId = null;
        FirstCalledAt ??= now;
        CalledAt = now;
        Recalls = 0;
        counter.CurrentTicketId = Id;
        return Result.Ok();
    }

    /// <summary>重呼: called again; after <paramref name="maxRecalls"/> recalls the next one marks the ticket 过号.</summary>
    public Result<bool> Recall(Counter counter, int maxRecalls, DateTimeOffset now)
    {
        if (AtCounter(counter.Id, "重呼") is { IsSuccess: false } other)
        {
            return other.Error!;
        }

        if (Status != TicketStatus.Called)
        {
            return Not("重呼");
        }

        if (Recalls >= maxRecalls)
        {
            var noShow = NoShow(counter, now);
            return noShow.IsSuccess ? false : noShow.Error!;
        }

        Recalls++;
        CalledAt = now;
        return true;
    }

    public Result NoShow(Counter counter, DateTimeOffset now)
    {
        if (AtCounter(counter.Id, "过号") is { IsSuccess: false } other)
        {
            return other;
        }

        if (Status != TicketStatus.Called)
        {
            return Not("过号");
        }

        Status = TicketStatus.NoShow;
        FinishedAt = now;
        counter.CurrentTicketId = null;
        return Result.Ok();
    }

    public Result Start(Counter counter, string userId, string name, DateTimeOffset now)
    {
        if (AtCounter(counter.Id, "开始办理") is { IsSuccess: false } other)
        {
            return other;
        }

        if (Status != TicketStatus.Called)
        {
            return Not("开始办理");
        }

        Status = TicketStatus.Serving;
        StartedAt = now;
        ServedBy = userId;
        ServedByName = name;
        DepartmentCode = counter.DepartmentCode;
        return Result.Ok();
    }

    public Result Finish(Counter counter, string userId, string name, IEnumerable<Guid> caseIds, DateTimeOffset now)
    {
        if (AtCounter(counter.Id, "办结") is { IsSuccess: false } other)
        {
            return other;
        }

        if (Status == TicketStatus.Called)
        {
            // Served at once, without a separate 开始办理 click: the service began with the call.
            Start(counter, userId, name, CalledAt ?? now);
        }

        if (Status != TicketStatus.Serving)
        {
            return Not("办结");
        }

        Status = TicketStatus.Done;
        FinishedAt = now;
        CaseIds = [.. CaseIds.Union(caseIds)];
        counter.CurrentTicketId = null;
        return Result.Ok();
    }

    /// <summary>转移: to another group's queue, or to one counter; it keeps its place in time.</summary>
    public Result Transfer(Counter counter, string? group, Counter? target)
    {
        if (AtCounter(counter.Id, "转移") is { IsSuccess: false } other)
        {
            return other;
        }

        if (Status is not (TicketStatus.Called or TicketStatus.Serving))
        {
            return Not("转移");
        }

        Status = TicketStatus.Transferred;
        if (group is not null)
        {
            GroupCode = group;
        }

        Queue();

        TargetCounterId = target?.Id;
        CounterId = null;
        CounterNumber = null;
        StartedAt = null;
        ServedBy = null;
        ServedByName = null;
        counter.CurrentTicketId = null;
        return Result.Ok();
    }

    /// <summary>
    /// 日终: a ticket of an earlier day still open when the hall has closed — never called or never
    /// answered: 过号; being served: 办结 as of now (the officer did not press 办结).
    /// </summary>
    public Result Expire(Counter? counter, DateTimeOffset now)
    {
        if (Status is TicketStatus.Done or TicketStatus.NoShow)
        {
            return Not("日终结束");
        }

        Status = Status == TicketStatus.Serving ? TicketStatus.Done : TicketStatus.NoShow;
        WaitingKey = null;
        FinishedAt = now;
        if (counter?.CurrentTicketId == Id)
        {
            counter.CurrentTicketId = null;
        }

        return Result.Ok();
    }

    /// <summary>Minutes from taking the ticket (or the appointment time, if later) to the first call.</summary>
    public double? WaitMinutes
    {
        get
        {
            if (FirstCalledAt is not { } called)
            {
                return null;
            }

            var from = AppointmentAt is { } a && a > IssuedAt ? a : IssuedAt;
            return Math.Max(0, (called - from).TotalMinutes);
        }
    }

    public double? ServiceMinutes => Status == TicketStatus.Done && FinishedAt is { } f && (StartedAt ?? CalledAt) is { } s ? Math.Max(0, (f - s).TotalMinutes) : null;
}

internal enum AppointmentStatus
{
    Booked,
    CheckedIn,
    Cancelled,
}

/// <summary>预约: a half-hour slot in a hall for an item group, checked in on arrival for a ticket.</summary>
internal sealed class Appointment : IVersioned
{
    public Guid Id { get; set; }

    public Guid HallId { get; set; }

    public string RegionCode { get; set; } = "";

    public string GroupCode { get; set; } = "";

    public DateOnly Day { get; set; }

    public TimeOnly SlotStart { get; set; }

    public string Name { get; set; } = "";

    public string Mobile { get; set; } = "";

    public string? UserId { get; set; }

    public string? ItemCode { get; set; }

    /// <summary>Six digits to check in with at the kiosk or the guide desk.</summary>
    public string CheckInCode { get; set; } = "";

    public AppointmentStatus Status { get; set; }

    public Guid? TicketId { get; set; }

    public DateTimeOffset BookedAt { get; set; }

    public int Version { get; set; }

    public const int SlotMinutes = 30;

    public static string Label(AppointmentStatus s) => s switch
    {
        AppointmentStatus.Booked => "已预约",
        AppointmentStatus.CheckedIn => "已签到",
        AppointmentStatus.Cancelled => "已取消",
    };

    public DateTimeOffset StartsAt => Timestamps.AtChinaTime(Day, SlotStart);

    /// <summary>Check-in opens an hour before the slot and closes when the slot ends.</summary>
    public Result CheckIn(Guid ticketId, DateTimeOffset now)
    {
        if (Status != AppointmentStatus.Booked)
        {
            return Error.Conflict("appointment:not-booked", $"预约{Label(Status)}，不能再签到");
        }

        if (now < StartsAt.AddHours(-1))
        {
            return Error.Conflict("appointment:too-early", $"预约时段 {Day:yyyy-MM-dd} {SlotStart:HH\\:mm} 开始前 1 小时内方可签到");
        }

        if (now > StartsAt.AddMinutes(SlotMinutes))
        {
            return Error.Conflict("appointment:missed", "预约时段已过，请按普通号取号");
        }

        Status = AppointmentStatus.CheckedIn;
        TicketId = ticketId;
        return Result.Ok();
    }

    public Result Cancel()
    {
        if (Status != AppointmentStatus.Booked)
        {
            return Error.Conflict("appointment:not-booked", $"预约{Label(Status)}，不能取消");
        }

        Status = AppointmentStatus.Cancelled;
        return Result.Ok();
    }
}
