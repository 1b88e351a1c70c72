using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Delivery.Contracts;
using OneWindow.Modules.Delivery.Domain;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Delivery.Features;

internal sealed record BookPickupInput
{
    public string? ItemCode { get; init; }

    /// <summary>By phone through staff: the caller's name (online: the account's own name when left out).</summary>
    public string? ApplicantName { get; init; }

    public string? Mobile { get; init; }

    /// <summary>The county-level region code of the address (GB/T 2260).</summary>
    public string? RegionCode { get; init; }

    public string? Line { get; init; }

    public DateOnly? Day { get; init; }

    /// <summary>am or pm.</summary>
    public string? Slot { get; init; }

    public string? Note { get; init; }
}

internal sealed record DoorCheckInput(string? MaterialCode, bool? Present, string? Note);

internal sealed record CollectInput(List<DoorCheckInput>? Checks);

internal sealed record PickupView(
    Guid Id, string Number, string ItemCode, string ItemName, string ApplicantName, string Mobile, string BookedVia, string AddressLine, DateOnly Day, string Slot, string? Note,
    IReadOnlyDictionary<string, string> Materials, string Status, string StatusLabel, string? AgentName, IReadOnlyList<DoorCheck> Checks, DateTimeOffset BookedAt,
    DateTimeOffset? CollectedAt, DateTimeOffset? AtWindowAt, Guid? CaseId, string? CaseNumber, int Version);

/// <summary>
/// 上门办: booking (the citizen or enterprise on the portal, or staff taking a phone call), the agent's 一次性告知 list from the
/// item's materials, 派单 (an agent takes it), the first check at the door, handing the materials in at the 政邮商 window; the case a
/// clerk takes from them links back (CaseSubmitted, CaseAccepted with the pickup).
/// </summary>
internal sealed class DoorstepPickups(
    AppDbContext db, ICatalogQueries catalog, DivisionRegistry divisions, AuditTrail audit, ICurrentUser user, TimeProvider clock)
    : IDoorstepPickups, IOutboxHandler<CaseSubmitted>, IOutboxHandler<CaseAccepted>
{
    private static readonly string[] PhoneBookers = [Roles.IntakeClerk, Roles.HallGuide, Roles.HotlineAgent, Roles.DoorstepAgent];

    private static Error NotFound => Error.NotFound("pickup:not-found", "上门收件单不存在");

    private bool IsAgent => user.IsInRole(Roles.DoorstepAgent);

    private bool SeesAll => IsAgent || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);

    private IQueryable<Pickup> Visible()
    {
        var q = db.Set<Pickup>().AsNoTracking();
        if (SeesAll)
        {
            return q;
        }

        var me = user.UserId ?? "";
        var region = user.IsInRole(Roles.IntakeClerk) ? user.RegionCode ?? "" : "-";
        return q.Where(p => p.BookedByUserId == me || p.RegionCode == region);
    }

    public async Task<PickupFacts?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Pickup>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PickupFacts(p.Id, p.Number, p.ItemCode, p.ApplicantName, p.ApplicantMobile, p.RegionCode, p.Status == PickupStatus.AtWindow, p.CaseId))
            .SingleOrDefaultAsync(ct);

    public Task HandleAsync(CaseSubmitted e, OutboxDeliveryContext context, CancellationToken ct) => LinkAsync(e, false, ct);

    public Task HandleAsync(CaseAccepted e, OutboxDeliveryContext context, CancellationToken ct) => LinkAsync(e, true, ct);

    private async Task LinkAsync(CaseEvent e, bool accepted, CancellationToken ct)
    {
        if (e.PickupId is { } id && await db.Set<Pickup>().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p)
        {
            p.Link(e.CaseId, e.Number, accepted);
            audit.Record(new AuditRecord(p.RegionCode, "Pickup", p.Id.ToString(), accepted ? "PickupCaseAccepted" : "PickupCaseSubmitted", new { e.Number }), "system", "系统（政邮商）");
        }
    }

    public async Task<Result<PickupView>> BookAsync(BookPickupInput input, CancellationToken ct)
    {
        var byPhone = user.IsStaff;
        if (byPhone && !PhoneBookers.Any(user.IsInRole))
        {
            return Error.Forbidden("pickup:not-booker", "只有窗口、导服、12345 坐席和政邮商专员可以代为电话预约上门收件");
        }

        var errors = new FieldErrors();
        var item = string.IsNullOrWhiteSpace(input.ItemCode) ? null : await catalog.CurrentAsync(input.ItemCode.Trim(), ct);
        if (item is null)
        {
            errors.Add("itemCode", "请选择要办理的事项");
        }

        var name = (byPhone ? input.ApplicantName : input.ApplicantName ?? user.DisplayName)?.Trim() ?? "";
        if (name.Length is < 2 or > 100 || TextRules.NameProblem(name) is not null)
        {
            errors.Add("applicantName", "请填写申请人（单位）名称（2 到 100 字）");
        }

        var mobile = Mobile.Check(input.Mobile);
        if (!mobile.Valid)
        {
            errors.Add("mobile", "联系电话：" + string.Join("；", mobile.Errors));
        }

        var region = input.RegionCode?.Trim() ?? "";
        if (!divisions.IsCounty(region))
        {
            errors.Add("regionCode", "请选择上门地址所在的县（市、区）：6 位行政区划代码");
        }

        var line = input.Line?.Trim() ?? "";
        if (line.Length is < 4 or > 150 || TextRules.TextProblem(line) is not null)
        {
            errors.Add("line", "请填写上门地址（乡镇街道、门牌号，4 到 150 字）");
        }

        var today = clock.TodayInChina();
        if (input.Day is not { } day || day < today || day > today.AddDays(14))
        {
            errors.Add("day", "上门日期应在今天起 14 天内");
        }

        if (input.Slot is not ("am" or "pm"))
        {
            errors.Add("slot", "请选择上午（am）或下午（pm）");
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > 500 } || (note is not null && TextRules.TextProblem(note) is not null))
        {
            errors.Add("note", "备注不超过 500 字");
        }

        if (errors.Any)
        {
            return errors.ToError("pickup:invalid", "上门收件预约有误");
        }

        var p = new Pickup
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), RegionCode = item!.Definition.Region, ItemCode = item.Definition.Code, ItemName = item.Definition.Name,
            ApplicantName = name, ApplicantMobile = mobile.Normalized, BookedByUserId = byPhone ? null : user.UserId, BookedVia = byPhone ? "phone" : "portal",
            AddressRegion = region, AddressLine = divisions.FullName(region) + line, Day = input.Day!.Value, Slot = input.Slot!, Note = note,
            Materials = item.Definition.Materials.Where(m => m.Source != MaterialSource.Government).ToDictionary(m => m.Code, m => m.Name + (m.Required ? "" : "（如有）")),
            Status = PickupStatus.Booked, BookedAt = clock.Now(),
        };
        p.Number = $"SM{today:yyyyMMdd}{await DayCounters.NextAsync(db, "doorstep-pickup", today, ct):D4}";
        db.Add(p);
        audit.Record(new AuditRecord(p.RegionCode, "Pickup", p.Id.ToString(), "PickupBooked", new { p.Number, p.ItemCode, p.BookedVia, mobile = Mask.Mobile(p.ApplicantMobile) }));
        await db.SaveChangesAsync(ct);
        return View(p);
    }

    public async Task<Page<PickupView>> ListAsync(string? status, bool mine, int page, int size, CancellationToken ct)
    {
        var q = Visible();
        if (TextRules.TryEnum<PickupStatus>(status ?? "", out var s))
        {
            q = q.Where(p => p.Status == s);
        }

        if (mine && IsAgent)
        {
            var me = user.UserId ?? "";
            q = q.Where(p => p.AgentUserId == me);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(p => p.Status).ThenBy(p => p.Day).ThenBy(p => p.Number).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<PickupView>([.. rows.Select(View)], total, page, size);
    }

    public async Task<PickupView?> ViewAsync(Guid id, CancellationToken ct) => await Visible().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? View(p) : null;

    public Task<Result<PickupView>> TakeAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, "PickupAssigned", true, p => p.Assign(user.UserId!, user.DisplayName ?? user.UserName ?? "", user.DepartmentCode ?? ""), ct);

    public Task<Result<PickupView>> CollectAsync(Guid id, CollectInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "PickupCollected", true, p =>
    {
        var checks = input.Checks ?? [];
        var errors = new FieldErrors();
        foreach (var code in p.Materials.Keys.Where(code => !checks.Any(c => c.MaterialCode == code && c.Present is not null)))
        {
            errors.Add("checks", $"请核对“{p.Materials[code]}”是否收到");
        }

        for (var i = 0; i < checks.Count; i++)
        {
            if (checks[i].MaterialCode is not { } code || !p.Materials.ContainsKey(code))
            {
                errors.Add($"checks[{i}].materialCode", "不在一次性告知清单中的材料");
            }
        }

        return errors.Any
            ? errors.ToError("pickup:invalid", "上门初审记录有误")
            : p.Collect(user.UserId!, [.. p.Materials.Select(m =>
            {
                var c = checks.First(x => x.MaterialCode == m.Key);
                return new DoorCheck(m.Key, m.Value, c.Present!.Value, string.IsNullOrWhiteSpace(c.Note) ? null : TextRules.Clip(c.Note.Trim(), 200));
            })], clock.Now());
    }, ct);

    public Task<Result<PickupView>> HandInAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, "PickupAtWindow", true, p => p.HandIn(user.UserId!, clock.Now()), ct);

    public Task<Result<PickupView>> CancelAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, "PickupCancelled", false, p => p.Cancel(), ct);

    private async Task<Result<PickupView>> ChangeAsync(Guid id, int? version, string action, bool agentOnly, Func<Pickup, Result> change, CancellationToken ct)
    {
        if (!await Visible().AnyAsync(p => p.Id == id, ct) || await db.Set<Pickup>().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } p)
        {
            return NotFound;
        }

        var mayAct = agentOnly ? IsAgent : IsAgent || p.BookedByUserId == user.UserId || PhoneBookers.Any(user.IsInRole);
        return mayAct
            ? await db.ChangeVersionedAsync(p, version, x => Task.FromResult(change(x)),
                x => audit.Record(new AuditRecord(x.RegionCode, "Pickup", x.Id.ToString(), action, new { x.Number, status = x.Status.ToString() })), View, ct)
            : Error.Forbidden("pickup:not-agent", agentOnly ? "只有政邮商专员可以接单、上门收件和交窗口" : "只有预约人或工作人员可以取消");
    }

    private PickupView View(Pickup p)
    {
        var whole = IsAgent || p.BookedByUserId == user.UserId || user.IsInRole(Roles.IntakeClerk);
        return new PickupView(p.Id, p.Number, p.ItemCode, p.ItemName, p.ApplicantName, whole ? p.ApplicantMobile : Mask.Mobile(p.ApplicantMobile), p.BookedVia,
            whole ? p.AddressLine : divisions.FullName(p.AddressRegion) ?? "", p.Day, p.Slot, p.Note, p.Materials, p.Status.InJson(), Pickup.Label(p.Status),
            p.AgentName, p.Checks, p.BookedAt, p.CollectedAt, p.AtWindowAt, p.CaseId, p.CaseNumber, p.Version);
    }
}
