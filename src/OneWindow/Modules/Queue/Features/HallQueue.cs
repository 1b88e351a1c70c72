using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Queue.Features;

internal sealed record TakeTicket
{
    public string? Group { get; init; }

    /// <summary>The item the person came for: its department picks the group when none is given.</summary>
    public string? ItemCode { get; init; }

    public TicketPriority? Priority { get; init; }

    public Guid? AppointmentId { get; init; }

    /// <summary>The six digits of an appointment, at a kiosk.</summary>
    public string? CheckInCode { get; init; }

    public string? Mobile { get; init; }

    public TicketChannel? Channel { get; init; }
}

internal sealed record TransferTicket
{
    public string? Group { get; init; }

    public Guid? CounterId { get; init; }
}

internal sealed record FinishTicket
{
    /// <summary>Cases (办件) accepted during this service.</summary>
    public List<Guid>? CaseIds { get; init; }
}

internal sealed record TicketView(
    Guid Id, Guid HallId, string HallName, string Number, string Group, string GroupName, TicketStatus Status, string StatusLabel, TicketPriority Priority,
    TicketChannel Channel, int? Position, int? EstimatedWaitMinutes, DateTimeOffset IssuedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? CalledAt, int? CounterNumber,
    Guid? CounterId, int Recalls, string? Mobile, IReadOnlyList<Guid> CaseIds, int Version)
{
    /// <summary>Only in the answer to whoever took the ticket: the secret of its phone link.</summary>
    public string? AccessCode { get; init; }
}

/// <summary>
/// 排队叫号: taking tickets (导服台, kiosk, phone, appointment check-in), and the counter's actions —
/// call next, recall, no-show, transfer, start, finish. Every change runs as one <see cref="HallWork"/>,
/// appends to the audit chain, and reaches the displays.
/// </summary>
internal sealed class HallQueue(
    AppDbContext db, HallWork work, HallHours hours, QueueEstimates estimates, AuditTrail audit, Outbox outbox, ICaseRecords cases, ICatalogQueries catalog, ICurrentUser user, TimeProvider clock, IOptions<QueueOptions> options)
{
    private static Error TicketNotFound => Error.NotFound("ticket:not-found", "排队号不存在");

    private static Error CounterNotFound => Error.NotFound("counter:not-found", "窗口不存在");

    /// <summary>Hall staff (导服, 综合窗口, admins) take tickets at the guide desk and may give priority.</summary>
    public bool IsHallStaff => user.IsInRole(Roles.HallGuide) || user.IsInRole(Roles.IntakeClerk) || user.IsInRole(Roles.Admin);

    public async Task<Result<TicketView>> TakeAsync(Guid hallId, TakeTicket input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(input.Mobile))
        {
            var check = Mobile.Check(input.Mobile);
            if (check.Valid)
            {
                mobile = check.Normalized;
            }
            else
            {
                errors.Add("mobile", check.Errors[0]);
            }
        }

        var priority = input.Priority ?? TicketPriority.Normal;
        if (priority != TicketPriority.Normal && !IsHallStaff)
        {
            errors.Add("priority", "优先号请到导服台由工作人员核实后领取");
        }

        if (input.Channel == TicketChannel.GuideDesk && !IsHallStaff)
        {
            errors.Add("channel", "导服台取号只能由工作人员操作");
        }

        if (errors.Any)
        {
            return errors.ToError("ticket:invalid", "取号信息有误");
        }

        var now = clock.Now();
        var today = clock.TodayInChina();
        var ticket = await work.RunAsync<QueueTicket>(hallId, async hall =>
        {
            Appointment? appointment = null;
            if (input.AppointmentId is { } appointmentId)
            {
                appointment = await db.Set<Appointment>().SingleOrDefaultAsync(a => a.Id == appointmentId && a.HallId == hallId, ct);
            }
            else if (!string.IsNullOrWhiteSpace(input.CheckInCode))
            {
                var code = input.CheckInCode.Trim();
                appointment = await db.Set<Appointment>().SingleOrDefaultAsync(a => a.HallId == hallId && a.Day == today && a.CheckInCode == code, ct);
            }

            if ((input.AppointmentId is not null || !string.IsNullOrWhiteSpace(input.CheckInCode)) && appointment is null)
            {
                return Error.Validation("ticket:invalid", "取号信息有误", new Dictionary<string, string[]>
                {
                    [input.AppointmentId is null ? "checkInCode" : "appointmentId"] = ["找不到该预约（只能签到本大厅今天的预约）"],
                });
            }

            var groupCode = appointment?.GroupCode ?? input.Group;
            if (groupCode is null && !string.IsNullOrWhiteSpace(input.ItemCode))
            {
                groupCode = await GroupForItemAsync(hall, input.ItemCode.Trim(), ct);
            }

            if (hall.Group(groupCode) is not { } group)
            {
                return Error.Validation("ticket:invalid", "取号信息有误", new Dictionary<string, string[]>
                {
                    ["group"] = [$"请选择业务分区：{string.Join("、", hall.Groups.Select(g => $"{g.Code}（{g.Name}）"))}"],
                });
            }

            if (await hours.ClosedAsync(hall, ct) is { } closed)
            {
                return closed;
            }

            var sequence = 1 + (await db.Set<QueueTicket>().Where(t => t.HallId == hallId && t.Day == today && t.GroupCode == group.Code)
                .MaxAsync(t => (int?)t.Sequence, ct) ?? 0);
            var t = new QueueTicket
            {
                Id = Guid.CreateVersion7(now), HallId = hallId, RegionCode = hall.RegionCode, Day = today, GroupCode = group.Code, Sequence = sequence,
                Number = $"{group.Code}{sequence:000}", Priority = priority,
                Channel = appointment is not null ? TicketChannel.Appointment : input.Channel ?? (IsHallStaff ? TicketChannel.GuideDesk : TicketChannel.Phone),
                ItemCode = string.IsNullOrWhiteSpace(input.ItemCode) ? appointment?.ItemCode : input.ItemCode.Trim(),
                Mobile = mobile ?? appointment?.Mobile, UserId = user.IsStaff ? appointment?.UserId : user.UserId ?? appointment?.UserId,
                AccessCode = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), Status = TicketStatus.Waiting, IssuedAt = now,
            };
            if (appointment is not null)
            {
                var checkedIn = appointment.CheckIn(t.Id, now);
                if (!checkedIn.IsSuccess)
                {
                    return checkedIn.Error!;
                }

                t.AppointmentId = appointment.Id;
                t.AppointmentAt = appointment.StartsAt;
            }

            t.Queue();
            db.Add(t);
            Record(t, "TicketIssued", new { t.Number, group = t.GroupCode, priority = t.Priority.ToString(), channel = t.Channel.ToString(), appointment = t.AppointmentId });
            return t;
        }, ct);

        return ticket.IsSuccess ? await ViewAsync(ticket.Value!, ct) with { AccessCode = ticket.Value!.AccessCode } : ticket.Error!;
    }

    private async Task<string?> GroupForItemAsync(Hall hall, string itemCode, CancellationToken ct)
    {
        var item = await catalog.CurrentAsync(itemCode, ct);
        return item is null ? null : hall.GroupForDepartment(item.Definition.Department)?.Code;
    }

    /// <summary>The ticket for whoever may see it: hall staff, the person who took it, or the holder of its phone link.</summary>
    public async Task<Result<TicketView>> FindAsync(Guid id, string? accessCode, CancellationToken ct)
    {
        var ticket = await db.Set<QueueTicket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !(HallAccess.WorksIn(user, ticket.RegionCode) || (ticket.UserId is not null && ticket.UserId == user.UserId)
                                || QueueTicket.Opens(ticket.AccessCode, accessCode)))
        {
            return TicketNotFound;
        }

        return await ViewAsync(ticket, ct);
    }

    private async Task<TicketView> ViewAsync(QueueTicket t, CancellationToken ct)
    {
        var hall = await db.Set<Hall>().AsNoTracking().SingleAsync(h => h.Id == t.HallId, ct);
        var (position, wait) = t.IsWaiting ? await estimates.ForAsync(hall, t, ct) : (null, null);
        return new TicketView(t.Id, t.HallId, hall.Name, t.Number, t.GroupCode, hall.Group(t.GroupCode)?.Name ?? t.GroupCode, t.Status, QueueTicket.Label(t.Status), t.Priority,
            t.Channel, position, wait, t.IssuedAt, t.AppointmentAt, t.CalledAt, t.CounterNumber, t.CounterId, t.Recalls,
            HallAccess.WorksIn(user, t.RegionCode) ? t.Mobile : Mask.Mobile(t.Mobile), t.CaseIds, t.Version);
    }

    /// <summary>
    /// 叫号: the counter's next ticket — one transferred to this very counter first; then (a green channel)
    /// priority tickets of any group; then the groups it serves by priority, appointment time, ticket time.
    /// Null when nobody waits for this counter.
    /// </summary>
    public async Task<Result<TicketView?>> CallNextAsync(Guid counterId, CancellationToken ct)
    {
        var hallId = await HallOfCounterAsync(counterId, ct);
        if (hallId is null)
        {
            return CounterNotFound;
        }

        var called = await work.RunAsync<QueueTicket?>(hallId.Value, async hall =>
        {
            var counter = await db.Set<Counter>().SingleAsync(c => c.Id == counterId, ct);
            if (!HallAccess.WorksIn(user, counter.RegionCode))
            {
                return HallAccess.NotYourHall;
            }

            if (counter.MayAct(user.UserId) is { IsSuccess: false } denied)
            {
                return denied.Error!;
            }

            if (counter.ReadyToCall() is { IsSuccess: false } busy)
            {
                return busy.Error!;
            }

            var next = await NextForAsync(hall, counter, ct);
            if (next is null)
            {
                return (QueueTicket?)null;
            }

            var now = clock.Now();
            var first = next.FirstCalledAt is null;
            var call = next.Call(counter, now);
            if (!call.IsSuccess)
            {
                return call.Error!;
            }

            Record(next, "TicketCalled", new { next.Number, counter = counter.Number, waitMinutes = Math.Round(next.WaitMinutes ?? 0, 1) });
            if (first)
            {
                outbox.Enqueue(new TicketCalled(next.Id, hall.Id, next.RegionCode, counter.DepartmentCode, clock.TodayInChina(), next.WaitMinutes ?? 0));
            }
            if (next.Mobile is { } mobile)
            {
                outbox.Enqueue(new TicketNotice(next.Id, next.Number, hall.Name, "Called", counter.Number, null, mobile, next.UserId, next.RegionCode));
            }

            await RemindNearAsync(hall, next, now, ct);
            return next;
        }, ct, stampLast: true);

        return called.IsSuccess ? called.Value is { } t ? await ViewAsync(t, ct) : (TicketView?)null : called.Error!;
    }

    private async Task<QueueTicket?> NextForAsync(Hall hall, Counter counter, CancellationToken ct)
    {
        // Today's queue only: a ticket left over from an earlier day is not called (the day-end job closes it).
        var today = clock.TodayInChina();
        if (await work.ClaimFirstAsync(hall.Id, today, counter.Id, priorityOnly: false, null, ct) is { } mine)
        {
            return mine;
        }

        if (counter.Kind == CounterKind.Green && await work.ClaimFirstAsync(hall.Id, today, null, priorityOnly: true, null, ct) is { } priority)
        {
            return priority;
        }

        var groups = counter.Kind != CounterKind.General && counter.Groups.Count > 0 ? counter.Groups : null;
        return await work.ClaimFirstAsync(hall.Id, today, null, priorityOnly: false, groups, ct);
    }

    /// <summary>
    /// 叫号前提醒: after a call, the holder who now has <see cref="QueueOptions.RemindAhead"/> people ahead in that
    /// group is sent an SMS (once), if they left a mobile number. Runs inside the call's unit of work.
    /// </summary>
    private async Task RemindNearAsync(Hall hall, QueueTicket called, DateTimeOffset now, CancellationToken ct)
    {
        var ahead = options.Value.RemindAhead;
        if (ahead <= 0)
        {
            return;
        }

        // The ticket just called is still waiting as far as the database knows (its change is not saved yet).
        var group = called.GroupCode;
        var calledId = called.Id;
        var day = called.Day;
        var near = await InCallingOrder(db.Set<QueueTicket>().Where(t => t.HallId == hall.Id && t.GroupCode == group && t.TargetCounterId == null && t.WaitingKey != null && t.Day == day && t.Id != calledId))
            .Skip(ahead).FirstOrDefaultAsync(ct);
        if (near is { Mobile: { } mobile, RemindedAt: null })
        {
            near.RemindedAt = now;
            outbox.Enqueue(new TicketNotice(near.Id, near.Number, hall.Name, "Near", null, ahead, mobile, near.UserId, near.RegionCode));
        }
    }

    /// <summary>Priority first, then appointments by their time, then the time the ticket was taken (<see cref="QueueTicket.WaitingKey"/>).</summary>
    internal static IOrderedQueryable<QueueTicket> InCallingOrder(IQueryable<QueueTicket> tickets) =>
        tickets.OrderBy(t => t.WaitingKey).ThenBy(t => t.Id);

    public Task<Result<TicketView>> RecallAsync(Guid ticketId, CancellationToken ct) =>
        AtCounterAsync(ticketId, (t, c, now) =>
        {
            var recalled = t.Recall(c, options.Value.MaxRecalls, now);
            return recalled.IsSuccess
                ? (Result<string>)(recalled.Value ? "TicketRecalled" : "TicketNoShow")
                : recalled.Error!;
        }, ct);

    public Task<Result<TicketView>> NoShowAsync(Guid ticketId, CancellationToken ct) =>
        AtCounterAsync(ticketId, (t, c, now) => t.NoShow(c, now) is { IsSuccess: false } r ? r.Error! : "TicketNoShow", ct);

    public Task<Result<TicketView>> StartAsync(Guid ticketId, CancellationToken ct) =>
        AtCounterAsync(ticketId, (t, c, now) => t.Start(c, user.UserId!, user.DisplayName ?? "", now) is { IsSuccess: false } r ? r.Error! : "TicketServing", ct);

    public async Task<Result<TicketView>> FinishAsync(Guid ticketId, FinishTicket input, CancellationToken ct)
    {
        var caseIds = (input.CaseIds ?? []).Distinct().ToList();
        var errors = new FieldErrors();
        foreach (var id in caseIds)
        {
            if (await cases.FindAsync(id, ct) is null)
            {
                errors.Add("caseIds", $"办件 {id} 不存在");
            }
        }

        if (errors.Any)
        {
            return errors.ToError("ticket:invalid", "办结信息有误");
        }

        return await AtCounterAsync(ticketId, (t, c, now) =>
            t.Finish(c, user.UserId!, user.DisplayName ?? "", caseIds, now) is { IsSuccess: false } r ? r.Error! : "TicketDone", ct);
    }

    public async Task<Result<TicketView>> TransferAsync(Guid ticketId, TransferTicket input, CancellationToken ct)
    {
        if (input.Group is null == (input.CounterId is null))
        {
            return Error.Field("group", "请指定转移到的业务分区（group）或窗口（counterId），二者选一");
        }

        return await AtCounterAsync(ticketId, async (t, c, now, hall) =>
        {
            Counter? target = null;
            string? group = null;
            if (input.CounterId is { } targetId)
            {
                target = await db.Set<Counter>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == targetId && x.HallId == hall.Id, ct);
                if (target is null || target.Id == c.Id)
                {
                    return Error.Field("counterId", "请选择本大厅的另一个窗口");
                }
            }
            else if (hall.Group(input.Group) is { } g)
            {
                group = g.Code;
            }
            else
            {
                return Error.Field("group", $"业务分区 {input.Group} 不存在");
            }

            return t.Transfer(c, group, target) is { IsSuccess: false } r ? r.Error! : "TicketTransferred";
        }, ct);
    }

    private Task<Result<TicketView>> AtCounterAsync(Guid ticketId, Func<QueueTicket, Counter, DateTimeOffset, Result<string>> change, CancellationToken ct) =>
        AtCounterAsync(ticketId, (t, c, now, _) => Task.FromResult(change(t, c, now)), ct);

    /// <summary>An action of the officer at the ticket's counter: the change names its audit action.</summary>
    private async Task<Result<TicketView>> AtCounterAsync(Guid ticketId, Func<QueueTicket, Counter, DateTimeOffset, Hall, Task<Result<string>>> change, CancellationToken ct)
    {
        var hallId = await db.Set<QueueTicket>().AsNoTracking().Where(t => t.Id == ticketId).Select(t => (Guid?)t.HallId).SingleOrDefaultAsync(ct);
        if (hallId is null)
        {
            return TicketNotFound;
        }

        var done = await work.RunAsync<QueueTicket>(hallId.Value, async hall =>
        {
            var ticket = await db.Set<QueueTicket>().SingleAsync(t => t.Id == ticketId, ct);
            if (ticket.CounterId is not { } counterId)
            {
                return Error.Conflict("ticket:wrong-state", $"{ticket.Number} 号当前{QueueTicket.Label(ticket.Status)}，不在任何窗口");
            }

            var counter = await db.Set<Counter>().SingleAsync(c => c.Id == counterId, ct);
            if (!HallAccess.WorksIn(user, counter.RegionCode))
            {
                return HallAccess.NotYourHall;
            }

            if (counter.MayAct(user.UserId) is { IsSuccess: false } denied)
            {
                return denied.Error!;
            }

            var number = counter.Number;
            var action = await change(ticket, counter, clock.Now(), hall);
            if (!action.IsSuccess)
            {
                return action.Error!;
            }

            Record(ticket, action.Value!, new { ticket.Number, counter = number, status = ticket.Status.ToString(), recalls = ticket.Recalls, cases = ticket.CaseIds.Count });
            return ticket;
        }, ct);
        return done.IsSuccess ? await ViewAsync(done.Value!, ct) : done.Error!;
    }

    private async Task<Guid?> HallOfCounterAsync(Guid counterId, CancellationToken ct) =>
        await db.Set<Counter>().AsNoTracking().Where(c => c.Id == counterId).Select(c => (Guid?)c.HallId).SingleOrDefaultAsync(ct);

    private void Record(QueueTicket t, string action, object data) =>
        audit.Record(new AuditRecord(t.RegionCode, "QueueTicket", t.Id.ToString(), action, data));
}
