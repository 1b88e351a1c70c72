using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Queue.Features;

internal sealed record BookAppointment
{
    public string? Group { get; init; }

    public DateOnly? Day { get; init; }

    /// <summary>Start of the half-hour slot, e.g. 09:30.</summary>
    public TimeOnly? Slot { get; init; }

    public string? Name { get; init; }

    public string? Mobile { get; init; }

    public string? ItemCode { get; init; }
}

internal sealed record SlotView(TimeOnly Start, int Capacity, int Booked, int Left);

internal sealed record AppointmentView(
    Guid Id, Guid HallId, string HallName, string Group, string GroupName, DateOnly Day, TimeOnly Slot, string Name, string Mobile, string CheckInCode,
    AppointmentStatus Status, string StatusLabel, Guid? TicketId, int Version);

/// <summary>网上预约: half-hour slots per hall and item group with a capacity, booked online, checked in on arrival for a ticket.</summary>
internal sealed class Appointments(AppDbContext db, HallWork work, WorkingDayCalendar calendar, AuditTrail audit, ICurrentUser user, TimeProvider clock, IOptions<QueueOptions> options)
{
    private static IEnumerable<TimeOnly> SlotsOf(Hall hall)
    {
        for (var t = hall.OpensAt; t.AddMinutes(Appointment.SlotMinutes) <= hall.ClosesAt && t >= hall.OpensAt; t = t.AddMinutes(Appointment.SlotMinutes))
        {
            yield return t;
        }
    }

    public async Task<Result<SlotView[]>> SlotsAsync(Guid hallId, string? group, DateOnly? day, CancellationToken ct)
    {
        var hall = await db.Set<Hall>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
        {
            return HallWork.HallNotFound;
        }

        if (hall.Group(group) is not { } g)
        {
            return Error.Field("group", "请选择业务分区");
        }

        var on = day ?? clock.TodayInChina();
        var booked = await BookedAsync(hallId, g.Code, on, ct);
        var working = (await calendar.RulesAsync(ct)).IsWorkingDay(on);
        if (!working.IsSuccess || !working.Value)
        {
            return Array.Empty<SlotView>();
        }

        return SlotsOf(hall).Select(s => new SlotView(s, g.SlotCapacity, booked.GetValueOrDefault(s), Math.Max(0, g.SlotCapacity - booked.GetValueOrDefault(s)))).ToArray();
    }

    /// <summary>The first working day after today: what the booking page offers first (weekends alone when next year's calendar is not yet published).</summary>
    public async Task<DateOnly> NextWorkingDayAsync(CancellationToken ct)
    {
        var today = clock.TodayInChina();
        return (await calendar.RulesAsync(ct)).Deadline(today, 1) is { IsSuccess: true } next ? next.Value.Date : today.AddDays(1);
    }

    private async Task<Dictionary<TimeOnly, int>> BookedAsync(Guid hallId, string group, DateOnly day, CancellationToken ct) =>
        (await db.Set<Appointment>().AsNoTracking().Where(a => a.HallId == hallId && a.Day == day && a.GroupCode == group && a.Status != AppointmentStatus.Cancelled)
            .Select(a => a.SlotStart).ToListAsync(ct)).GroupBy(s => s).ToDictionary(x => x.Key, x => x.Count());

    public async Task<Result<AppointmentView>> BookAsync(Guid hallId, BookAppointment input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? user.DisplayName ?? "";
        if (name.Length is < 1 or > 100 || TextRules.NameProblem(name) is not null)
        {
            errors.Add("name", "请填写姓名（不超过 100 个字，不含换行与控制字符）");
        }

        var mobile = Mobile.Check(input.Mobile);
        if (!mobile.Valid)
        {
            errors.Add("mobile", mobile.Errors[0]);
        }

        var today = clock.TodayInChina();
        var now = clock.Now();
        if (input.Day is not { } day || day < today || day > today.AddDays(options.Value.AppointmentDaysAhead))
        {
            errors.Add("day", $"可预约今天起 {options.Value.AppointmentDaysAhead} 天内的工作日");
        }
        else if ((await calendar.RulesAsync(ct)).IsWorkingDay(day) is not { IsSuccess: true, Value: true })
        {
            errors.Add("day", $"{day:yyyy-MM-dd} 不是工作日，大厅不对外办公");
        }

        if (input.Slot is null)
        {
            errors.Add("slot", "请选择预约时段");
        }

        if (errors.Any)
        {
            return errors.ToError("appointment:invalid", "预约信息有误");
        }

        var booked = await work.RunAsync<(Appointment, Hall)>(hallId, async hall =>
        {
            if (hall.Group(input.Group) is not { } g || g.SlotCapacity == 0)
            {
                return Error.Field("group", "请选择可预约的业务分区");
            }

            var slot = input.Slot!.Value;
            if (!SlotsOf(hall).Contains(slot))
            {
                return Error.Field("slot", $"时段应为 {hall.OpensAt:HH\\:mm}–{hall.ClosesAt:HH\\:mm} 之间的整半点");
            }

            var appointment = new Appointment
            {
                Id = Guid.CreateVersion7(now), HallId = hallId, RegionCode = hall.RegionCode, GroupCode = g.Code, Day = input.Day!.Value, SlotStart = slot, Name = name,
                Mobile = mobile.Normalized, UserId = user.UserId, ItemCode = string.IsNullOrWhiteSpace(input.ItemCode) ? null : input.ItemCode.Trim(),
                CheckInCode = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture),
                Status = AppointmentStatus.Booked, BookedAt = now,
            };
            if (appointment.StartsAt.AddMinutes(Appointment.SlotMinutes) <= now)
            {
                return Error.Field("slot", "该时段已过，请选择以后的时段");
            }

            // Counted under the hall's lock: two people never get the last place of a slot.
            var taken = await db.Set<Appointment>().CountAsync(a => a.HallId == hallId && a.Day == appointment.Day && a.SlotStart == slot && a.GroupCode == g.Code
                                                                    && a.Status != AppointmentStatus.Cancelled, ct);
            if (taken >= g.SlotCapacity)
            {
                return Error.Conflict("appointment:slot-full", $"{appointment.Day:yyyy-MM-dd} {slot:HH\\:mm} 时段已约满，请选择其他时段");
            }

            while (await db.Set<Appointment>().AnyAsync(a => a.HallId == hallId && a.Day == appointment.Day && a.CheckInCode == appointment.CheckInCode, ct))
            {
                appointment.CheckInCode = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
            }

            db.Add(appointment);
            audit.Record(new AuditRecord(hall.RegionCode, "Appointment", appointment.Id.ToString(), "AppointmentBooked",
                new { group = g.Code, appointment.Day, slot = slot.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), mobile = Mask.Mobile(appointment.Mobile) }));
            return (appointment, hall);
        }, ct);
        return booked.IsSuccess ? View(booked.Value.Item1, booked.Value.Item2) : booked.Error!;
    }

    public async Task<Result<AppointmentView>> CancelAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Set<Appointment>().AsNoTracking().Where(a => a.Id == id).Select(a => new { a.HallId, a.RegionCode, a.UserId }).SingleOrDefaultAsync(ct);
        var hallId = found is not null && ((found.UserId is not null && found.UserId == user.UserId) || HallAccess.WorksIn(user, found.RegionCode))
            ? found.HallId : (Guid?)null;
        if (hallId is null)
        {
            return Error.NotFound("appointment:not-found", "预约不存在");
        }

        var cancelled = await work.RunAsync<(Appointment, Hall)>(hallId.Value, async hall =>
        {
            var a = await db.Set<Appointment>().SingleAsync(x => x.Id == id, ct);
            if (a.Cancel() is { IsSuccess: false } r)
            {
                return r.Error!;
            }

            audit.Record(new AuditRecord(a.RegionCode, "Appointment", a.Id.ToString(), "AppointmentCancelled", new { a.Day }));
            return (a, hall);
        }, ct);
        return cancelled.IsSuccess ? View(cancelled.Value.Item1, cancelled.Value.Item2) : cancelled.Error!;
    }

    public async Task<IReadOnlyList<AppointmentView>> MineAsync(CancellationToken ct)
    {
        if (user.UserId is not { } me)
        {
            return [];
        }

        var mine = await db.Set<Appointment>().AsNoTracking().Where(a => a.UserId == me).OrderByDescending(a => a.Day).ThenByDescending(a => a.SlotStart).Take(50).ToListAsync(ct);
        var hallIds = mine.Select(a => a.HallId).Distinct().ToList();
        var halls = await db.Set<Hall>().AsNoTracking().Where(h => hallIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        return [.. mine.Select(a => View(a, halls[a.HallId]))];
    }

    private static AppointmentView View(Appointment a, Hall hall) => new(a.Id, a.HallId, hall.Name, a.GroupCode, hall.Group(a.GroupCode)?.Name ?? a.GroupCode, a.Day, a.SlotStart,
        a.Name, Mask.Mobile(a.Mobile), a.CheckInCode, a.Status, Appointment.Label(a.Status), a.TicketId, a.Version);
}
