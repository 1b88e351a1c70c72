using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Delivery.Contracts;
using OneWindow.Modules.Delivery.Domain;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Delivery.Features;

internal sealed record ScanInput(string? Status, DateTimeOffset? At, string? Place, string? Note);

internal sealed record AddressInput(string? Recipient, string? Mobile, string? RegionCode, string? Line);

internal sealed record ScanView(string Status, string StatusLabel, DateTimeOffset At, string Place, string ByName, string? Note);

internal sealed record ShipmentView(
    Guid Id, string WaybillNumber, string Carrier, string CarrierName, Guid CaseId, string CaseNumber, string ItemName, string Recipient, string Mobile, string RegionCode,
    string RegionName, string AddressLine, IReadOnlyList<string> Items, string Status, string StatusLabel, string? Band, string? BandLabel, decimal Fee, DateOnly? DueOn,
    IReadOnlyList<ScanView> Trail, DateTimeOffset CreatedAt, string WaybillUrl, int Version);

/// <summary>
/// 政邮商 shipments: one per case completed by post (made from the CaseCompleted fact, once however often it is delivered), under a
/// waybill from the carrier's adapter; the recipient's address checked by region code (or confirmed by the carrier's staff when the
/// clerk gave none); scans recorded by the carrier's staff, moving forward only; the applicant follows the trail.
/// </summary>
internal sealed class Shipments(
    AppDbContext db, ICaseRecords cases, ILicenseLibrary licences, IEnumerable<ICourierAdapter> couriers, WorkingDayCalendar calendar, DivisionRegistry divisions,
    AuditTrail audit, IOptions<DeliveryOptions> options, ICurrentUser user, TimeProvider clock) : IOutboxHandler<CaseCompleted>
{
    private static Error NotFound => Error.NotFound("shipment:not-found", "邮件不存在");

    private DeliveryOptions O => options.Value;

    private ICourierAdapter CourierOf(string carrier) => couriers.FirstOrDefault(c => c.Carrier == carrier) ?? new PostalStaffCourier(carrier);

    public async Task HandleAsync(CaseCompleted e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (e.Delivery != "Post" || await db.Set<Shipment>().AnyAsync(s => s.SourceMessageId == context.MessageId || s.CaseId == e.CaseId, ct)
            || await cases.FindAsync(e.CaseId, ct) is not { } c)
        {
            return;
        }

        var carrier = O.Carriers[0];
        var today = clock.TodayInChina();
        var issued = await licences.ForCasesAsync([c.Id], ct);
        List<string> items = [.. issued.Select(l => $"《{l.TypeName}》打印件（{l.LicenseNumber}）"), e.Outcome?.Contains("不予", StringComparison.Ordinal) == true ? "不予行政许可决定书" : "准予行政许可决定书"];
        var suggested = Waybills.Number(carrier.Prefix, today, await DayCounters.NextAsync(db, "waybill-" + carrier.Code, today, ct));
        var to = e.PostTo;
        var s = new Shipment
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), Carrier = carrier.Code, CaseId = c.Id, CaseNumber = c.Number, ItemName = c.ItemName, FromRegion = c.RegionCode,
            ApplicantUserId = c.ApplicantUserId, Recipient = to?.Recipient ?? c.ApplicantName, Mobile = to?.Mobile ?? e.ApplicantMobile, Items = items,
            Status = ShipmentStatus.AddressNeeded, CreatedAt = clock.Now(), SourceMessageId = context.MessageId,
        };
        s.WaybillNumber = await CourierOf(carrier.Code).BookAsync(new CourierBooking(suggested, s.Recipient, s.Mobile, to?.RegionCode ?? "", to?.Line ?? "", items), suggested, ct);
        if (to is not null)
        {
            await AddressAsync(s, to.Recipient, to.Mobile, to.RegionCode, to.Line, today, ct);
        }

        db.Add(s);
        audit.Record(new AuditRecord(c.RegionCode, "Shipment", s.Id.ToString(), "ShipmentCreated", new { s.WaybillNumber, c.Number, band = s.Band?.ToString(), s.Fee }), "system", "系统（统一出件）");
    }

    private async Task AddressAsync(Shipment s, string recipient, string mobile, string region, string line, DateOnly today, CancellationToken ct)
    {
        var band = Shipment.BandOf(O.HomeCounty(s.FromRegion), region);
        var rules = await calendar.RulesAsync(ct);
        var due = rules.AddWorkingDays(today, O.DaysOf(band)) is { IsSuccess: true } d ? d.Value : today.AddDays(O.DaysOf(band) * 7 / 5 + 1);
        s.Address(recipient, mobile, region, divisions.FullName(region) + line, band, O.FeeOf(band), due);
    }

    private IQueryable<Shipment> Visible()
    {
        var q = db.Set<Shipment>().AsNoTracking();
        if (DeliveryAccess.ReadsAll(user))
        {
            return q;
        }

        var carriers = O.Carriers.Where(c => DeliveryAccess.IsCarrierStaff(user, c)).Select(c => c.Code).ToList();
        var me = user.UserId ?? "";
        var region = user.IsInRole(Roles.IntakeClerk) ? user.RegionCode ?? "" : "-";
        return q.Where(s => carriers.Contains(s.Carrier) || (s.ApplicantUserId != null && s.ApplicantUserId == me) || s.FromRegion == region);
    }

    public async Task<Page<ShipmentView>> ListAsync(string? caseNumber, string? status, int page, int size, CancellationToken ct)
    {
        var q = Visible();
        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            var n = caseNumber.Trim();
            q = Guid.TryParse(n, out var caseId) ? q.Where(s => s.CaseId == caseId) : q.Where(s => s.CaseNumber == n || s.WaybillNumber == n);
        }

        if (TextRules.TryEnum<ShipmentStatus>(status ?? "", out var st))
        {
            q = q.Where(s => s.Status == st);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(s => s.Status).ThenByDescending(s => s.CreatedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<ShipmentView>([.. rows.Select(View)], total, page, size);
    }

    public async Task<Shipment?> FindAsync(Guid id, CancellationToken ct) => await Visible().SingleOrDefaultAsync(s => s.Id == id, ct);

    public async Task<ShipmentView?> ViewAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) is { } s ? View(s) : null;

    public Task<Result<ShipmentView>> ScanAsync(Guid id, ScanInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "ShipmentScanned", s =>
    {
        var errors = new FieldErrors();
        if (!TextRules.TryEnum<ShipmentStatus>(input.Status ?? "", out var to) || to is ShipmentStatus.AddressNeeded or ShipmentStatus.AwaitingPickup)
        {
            errors.Add("status", "状态应为 pickedUp（已揽收）、inTransit（运输中）、delivered（已签收）、returned（退回）或 lost（遗失）");
        }

        var now = clock.Now();
        var at = input.At ?? now;
        if (at > now.AddMinutes(10) || at < s.CreatedAt.AddMinutes(-1))
        {
            errors.Add("at", "扫描时间应在邮件生成之后、不晚于现在");
        }

        var place = input.Place?.Trim() ?? "";
        if (place.Length is < 2 or > 100 || TextRules.TextProblem(place) is not null)
        {
            errors.Add("place", "请填写扫描地点（如 滨城区政邮商窗口、滨州邮区中心，2 到 100 字）");
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : TextRules.Clip(input.Note.Trim(), 200);
        return errors.Any ? errors.ToError("shipment:invalid", "扫描记录有误") : s.Scan(to, Timestamps.Normalize(at), place, user.DisplayName ?? user.UserName ?? "", note);
    }, ct);

    public Task<Result<ShipmentView>> ConfirmAddressAsync(Guid id, AddressInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "ShipmentAddressed", async s =>
    {
        if (s.Status is not (ShipmentStatus.AddressNeeded or ShipmentStatus.AwaitingPickup))
        {
            return Error.Conflict("shipment:picked-up", "邮件已揽收，不能再改地址");
        }

        var errors = new FieldErrors();
        var recipient = input.Recipient?.Trim() ?? "";
        if (recipient.Length is < 2 or > 40 || TextRules.NameProblem(recipient) is not null)
        {
            errors.Add("recipient", "请填写收件人姓名（2 到 40 字）");
        }

        var mobile = Mobile.Check(input.Mobile);
        if (!mobile.Valid)
        {
            errors.Add("mobile", "收件人" + string.Join("；", mobile.Errors));
        }

        var region = input.RegionCode?.Trim() ?? "";
        if (!divisions.IsCounty(region))
        {
            errors.Add("regionCode", "请选择收件地址所在的县（市、区）：6 位行政区划代码");
        }

        var line = input.Line?.Trim() ?? "";
        if (line.Length is < 4 or > 150 || TextRules.TextProblem(line) is not null)
        {
            errors.Add("line", "请填写详细地址（乡镇街道、门牌号，4 到 150 字）");
        }

        if (errors.Any)
        {
            return errors.ToError("shipment:invalid", "收件地址有误");
        }

        await AddressAsync(s, recipient, mobile.Normalized, region, line, clock.TodayInChina(), ct);
        return Result.Ok();
    }, ct);

    private Task<Result<ShipmentView>> ChangeAsync(Guid id, int? version, string action, Func<Shipment, Result> change, CancellationToken ct) =>
        ChangeAsync(id, version, action, s => Task.FromResult(change(s)), ct);

    private async Task<Result<ShipmentView>> ChangeAsync(Guid id, int? version, string action, Func<Shipment, Task<Result>> change, CancellationToken ct)
    {
        var s = await db.Set<Shipment>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await Visible().AnyAsync(x => x.Id == id, ct))
        {
            return NotFound;
        }

        return O.Carrier(s.Carrier) is { } carrier && DeliveryAccess.IsCarrierStaff(user, carrier)
            ? await db.ChangeVersionedAsync(s, version, change,
                x => audit.Record(new AuditRecord(x.FromRegion, "Shipment", x.Id.ToString(), action, new { x.WaybillNumber, status = x.Status.ToString(), x.Fee })), View, ct)
            : Error.Forbidden("shipment:not-carrier", "只有承运单位的政邮商专员可以记录邮件的揽收、投递和收件地址");
    }

    /// <summary>The recipient's mobile whole for the applicant and the carrier's staff (who phone them), masked for everyone else.</summary>
    private ShipmentView View(Shipment s)
    {
        var carrier = O.Carrier(s.Carrier);
        var whole = (s.ApplicantUserId is not null && s.ApplicantUserId == user.UserId) || (carrier is not null && DeliveryAccess.IsCarrierStaff(user, carrier));
        return new ShipmentView(
            s.Id, s.WaybillNumber, s.Carrier, carrier?.Name ?? s.Carrier, s.CaseId, s.CaseNumber, s.ItemName, s.Recipient, whole ? s.Mobile : Mask.Mobile(s.Mobile), s.RegionCode,
            s.RegionCode.Length == 0 ? "" : divisions.FullName(s.RegionCode) ?? s.RegionCode, s.AddressLine, s.Items, s.Status.InJson(), Shipment.Label(s.Status),
            s.Band is { } b ? b.InJson() : null, s.Band is { } l ? Shipment.Label(l) : null, s.Fee, s.DueOn,
            [.. s.Scans.Select(x => new ScanView(x.Status.InJson(), Shipment.Label(x.Status), x.At, x.Place, x.ByName, x.Note))], s.CreatedAt,
            $"/api/v1/shipments/{s.Id}/waybill.pdf", s.Version);
    }

}
