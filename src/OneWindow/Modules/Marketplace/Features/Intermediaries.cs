using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Marketplace.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Marketplace.Features;

internal sealed record QualificationInput(string? Kind, string? Level, string? Number, DateOnly? ValidUntil, Guid? FileId);

internal sealed record RegisterIntermediaryInput
{
    public List<string>? ServiceTypes { get; init; }

    public List<QualificationInput>? Qualifications { get; init; }

    public List<string>? ServiceArea { get; init; }

    public string? PriceRange { get; init; }

    public int? StaffCount { get; init; }

    public string? ContactName { get; init; }

    public string? ContactMobile { get; init; }
}

internal sealed record VerifyInput(bool? Approve, string? Reason);

internal sealed record BreachInput(string? Kind, string? Note, string? PurchaseNumber);

internal sealed record IntermediaryView(
    Guid Id, string Name, string Uscc, IReadOnlyList<string> ServiceTypes, IReadOnlyList<string> ServiceTypeNames, IReadOnlyList<Qualification> Qualifications,
    IReadOnlyList<string> ServiceArea, string PriceRange, int StaffCount, string ContactName, string ContactMobile, string Status, string StatusLabel, string? StatusReason,
    DateOnly? BlacklistedUntil, IReadOnlyList<Breach> Breaches, int Warnings, decimal Score, int RatingCount, int Contracts, DateTimeOffset RegisteredAt, int Version);

/// <summary>
/// The 中介超市's register: an enterprise account registers its organisation (its own USCC, service types, qualifications with their
/// scanned copies, service area, prices, staff); administrators verify it; the public record (anyone) shows the verified and the
/// blacklisted with their scores and breaches; an expired qualification suspends it (<see cref="SuspendExpiredAsync"/>, daily).
/// </summary>
internal sealed class Intermediaries(AppDbContext db, FileStore files, DivisionRegistry divisions, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("intermediary:not-found", "中介机构不存在");

    private bool IsAdmin => user.IsInRole(Roles.Admin);

    public async Task<Result<IntermediaryView>> RegisterAsync(RegisterIntermediaryInput input, CancellationToken ct)
    {
        if (user.IsStaff || user.IdentityCode is not { Length: 18 } uscc || !char.IsAsciiDigit(uscc[0]) || Uscc.Check(uscc, divisions) is { Valid: false })
        {
            return Error.Forbidden("intermediary:not-enterprise", "中介机构以本企业账号（统一社会信用代码）入驻");
        }

        if (await db.Set<Intermediary>().AnyAsync(i => i.Uscc == uscc, ct))
        {
            return Error.Conflict("intermediary:registered", "本企业已入驻中介超市");
        }

        var errors = new FieldErrors();
        var types = (input.ServiceTypes ?? []).Select(t => t.Trim()).Distinct().ToList();
        if (types.Count == 0 || types.Any(t => !ServiceTypes.IsKnown(t)))
        {
            errors.Add("serviceTypes", $"请选择服务类型：{string.Join("、", ServiceTypes.All.Select(t => $"{t.Code}（{t.Name}）"))}");
        }

        var today = clock.TodayInChina();
        var qualifications = input.Qualifications ?? [];
        if (qualifications.Count == 0)
        {
            errors.Add("qualifications", "请至少登记一项资质证书");
        }

        var found = await files.FindAsync(qualifications.Where(q => q.FileId is not null).Select(q => q.FileId!.Value), ct);
        for (var n = 0; n < qualifications.Count; n++)
        {
            var q = qualifications[n];
            if (string.IsNullOrWhiteSpace(q.Kind) || q.Kind.Trim().Length > 40)
            {
                errors.Add($"qualifications[{n}].kind", "请填写资质名称（如 测绘资质）");
            }

            if (!ServiceTypes.Levels.Contains(q.Level ?? ""))
            {
                errors.Add($"qualifications[{n}].level", $"资质等级为：{string.Join("、", ServiceTypes.Levels)}");
            }

            if (string.IsNullOrWhiteSpace(q.Number) || q.Number.Trim().Length is < 4 or > 40)
            {
                errors.Add($"qualifications[{n}].number", "请填写证书编号");
            }

            if (q.ValidUntil is not { } until || until < today)
            {
                errors.Add($"qualifications[{n}].validUntil", "证书有效期应不早于今天");
            }

            if (q.FileId is not { } f || !found.TryGetValue(f, out var file) || file.UploadedBy != user.UserId)
            {
                errors.Add($"qualifications[{n}].fileId", "请先通过 /api/v1/files 上传证书扫描件");
            }
        }

        var area = (input.ServiceArea ?? []).Select(a => a.Trim()).Distinct().ToList();
        if (area.Any(a => a.Length != 6 || divisions.Find(a) is null))
        {
            errors.Add("serviceArea", "服务区域为 6 位行政区划代码（市级代码含所辖区县；不填为不限）");
        }

        var price = input.PriceRange?.Trim() ?? "";
        if (price.Length is < 2 or > 100 || TextRules.TextProblem(price) is not null)
        {
            errors.Add("priceRange", "请填写收费标准或价格区间（如 每公顷 800–1200 元）");
        }

        if (input.StaffCount is not (>= 1 and <= 100_000))
        {
            errors.Add("staffCount", "请填写从业人员数");
        }

        var contact = input.ContactName?.Trim() ?? "";
        if (contact.Length is < 2 or > 40 || TextRules.NameProblem(contact) is not null)
        {
            errors.Add("contactName", "请填写联系人");
        }

        var mobile = Mobile.Check(input.ContactMobile);
        if (!mobile.Valid)
        {
            errors.Add("contactMobile", "联系电话：" + string.Join("；", mobile.Errors));
        }

        if (errors.Any)
        {
            return errors.ToError("intermediary:invalid", "入驻信息有误");
        }

        var i = new Intermediary
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), OwnerUserId = user.UserId, Name = user.DisplayName ?? uscc, Uscc = uscc, ServiceTypes = types,
            Qualifications = [.. qualifications.Select(q => new Qualification(q.Kind!.Trim(), q.Level!, q.Number!.Trim(), q.ValidUntil!.Value, q.FileId))],
            ServiceArea = area, PriceRange = price, StaffCount = input.StaffCount!.Value, ContactName = contact, ContactMobile = mobile.Normalized,
            Status = IntermediaryStatus.Pending, RegisteredAt = clock.Now(),
        };
        db.Add(i);
        audit.Record(new AuditRecord(DemoCity.City, "Intermediary", i.Id.ToString(), "IntermediaryRegistered", new { i.Name, i.Uscc, types }));
        await db.SaveChangesAsync(ct);
        return View(i);
    }

    /// <summary>The public list: verified, suspended and blacklisted organisations (pending and rejected only for administrators and their owners).</summary>
    public async Task<Page<IntermediaryView>> ListAsync(string? serviceType, string? status, string? q, int page, int size, CancellationToken ct)
    {
        var rows = db.Set<Intermediary>().AsNoTracking();
        if (!IsAdmin)
        {
            var me = user.UserId ?? "";
            rows = rows.Where(i => i.Status == IntermediaryStatus.Verified || i.Status == IntermediaryStatus.Suspended || i.Status == IntermediaryStatus.Blacklisted || i.OwnerUserId == me);
        }

        if (TextRules.TryEnum<IntermediaryStatus>(status ?? "", out var s))
        {
            rows = rows.Where(i => i.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            rows = rows.Where(i => i.Name.Contains(text) || i.Uscc == text);
        }

        var list = await rows.OrderBy(i => i.Status).ThenByDescending(i => i.RatingCount == 0 ? 0 : i.RatingSum / i.RatingCount).ThenBy(i => i.Name).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(serviceType))
        {
            // The JSON list is filtered here: the register is a few thousand organisations at most.
            list = [.. list.Where(i => i.ServiceTypes.Contains(serviceType.Trim()))];
        }

        return new Page<IntermediaryView>([.. list.Skip((page - 1) * size).Take(size).Select(View)], list.Count, page, size);
    }

    public async Task<IntermediaryView?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Intermediary>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } i && (IsAdmin || i.OwnerUserId == user.UserId
            || i.Status is IntermediaryStatus.Verified or IntermediaryStatus.Suspended or IntermediaryStatus.Blacklisted) ? View(i) : null;

    public Task<Result<IntermediaryView>> VerifyAsync(Guid id, VerifyInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "IntermediaryVerified", i =>
    {
        if (!IsAdmin)
        {
            return Error.Forbidden("intermediary:not-admin", "由系统管理员审核中介机构入驻");
        }

        if (input.Approve is null)
        {
            return Error.Field("approve", "请选择通过（true）或不通过（false）");
        }

        if (input.Approve == false && string.IsNullOrWhiteSpace(input.Reason))
        {
            return Error.Field("reason", "不通过须写明理由");
        }

        if (input.Approve == true && i.Qualifications.FirstOrDefault(q => q.ValidUntil < clock.TodayInChina()) is { } expired)
        {
            return Error.Conflict("intermediary:expired", $"{expired.Kind}已过期，不能通过");
        }

        return i.Verify(input.Approve.Value, input.Reason?.Trim(), clock.Now(), clock.TodayInChina());
    }, ct);

    /// <summary>
    /// A breach (违约: late, poor, collusion): by an administrator, or by a buyer whose contract it was (the buyer's purchase names it).
    /// Warnings lead to the blacklist, which blocks selection.
    /// </summary>
    public Task<Result<IntermediaryView>> BreachAsync(Guid id, BreachInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "IntermediaryBreach", async i =>
    {
        if (input.Kind is not ("late" or "poor" or "collusion"))
        {
            return Error.Field("kind", "违约类型为 late（逾期）、poor（质量差）或 collusion（串通等违规）");
        }

        var note = input.Note?.Trim() ?? "";
        if (note.Length is < 4 or > 500 || TextRules.TextProblem(note) is not null)
        {
            return Error.Field("note", "请写明违约情况（4 到 500 字）");
        }

        var number = input.PurchaseNumber?.Trim();
        var buyers = number is null ? null : await db.Set<Purchase>().AsNoTracking().Where(p => p.Number == number && p.WinnerId == i.Id).Select(p => p.BuyerCode).SingleOrDefaultAsync(ct);
        if (!IsAdmin && (buyers is null || !PurchaseAccess.IsBuyerCode(user, buyers)))
        {
            return Error.Forbidden("intermediary:not-your-contract", "违约由系统管理员或该项目的采购人记录（须写明采购编号）");
        }

        i.RecordBreach(input.Kind, note, number, clock.TodayInChina(), user.DisplayName ?? user.UserName ?? "");
        return Result.Ok();
    }, ct);

    private Task<Result<IntermediaryView>> ChangeAsync(Guid id, int? version, string action, Func<Intermediary, Result> change, CancellationToken ct) =>
        ChangeAsync(id, version, action, i => Task.FromResult(change(i)), ct);

    private async Task<Result<IntermediaryView>> ChangeAsync(Guid id, int? version, string action, Func<Intermediary, Task<Result>> change, CancellationToken ct)
    {
        if (await db.Set<Intermediary>().SingleOrDefaultAsync(i => i.Id == id, ct) is not { } i)
        {
            return NotFound;
        }

        return await db.ChangeVersionedAsync(i, version, change,
            x => audit.Record(new AuditRecord(DemoCity.City, "Intermediary", x.Id.ToString(), action, new { status = x.Status.ToString(), x.StatusReason })), View, ct);
    }

    /// <summary>Suspends every verified intermediary with an expired qualification; the number suspended.</summary>
    public async Task<int> SuspendExpiredAsync(CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var verified = await db.Set<Intermediary>().Where(i => i.Status == IntermediaryStatus.Verified).ToListAsync(ct);
        var suspended = verified.Where(i => i.SuspendIfExpired(today)).ToList();
        foreach (var i in suspended)
        {
            audit.Record(new AuditRecord(DemoCity.City, "Intermediary", i.Id.ToString(), "IntermediarySuspended", new { i.StatusReason }), "system", "系统（资质到期）");
        }

        if (suspended.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return suspended.Count;
    }

    /// <summary>Contact details whole for administrators and the owner; the public sees the organisation, not its people's mobiles.</summary>
    private IntermediaryView View(Intermediary i)
    {
        var whole = IsAdmin || i.OwnerUserId == user.UserId;
        return new IntermediaryView(i.Id, i.Name, i.Uscc, i.ServiceTypes, [.. i.ServiceTypes.Select(ServiceTypes.NameOf)],
            [.. i.Qualifications.Select(q => whole ? q : q with { FileId = null })], i.ServiceArea, i.PriceRange, i.StaffCount, i.ContactName,
            whole ? i.ContactMobile : Mask.Mobile(i.ContactMobile), i.Status.InJson(), Intermediary.Label(i.Status),
            i.StatusReason, i.BlacklistedUntil, i.Breaches, i.Breaches.Count, i.Score, i.RatingCount, i.Contracts, i.RegisteredAt, i.Version);
    }
}

/// <summary>Qualification expiry: verified intermediaries whose qualification has lapsed are suspended (daily).</summary>
internal sealed class QualificationExpiryJob(Intermediaries intermediaries) : IPeriodicWork
{
    public Task RunAsync(CancellationToken ct) => intermediaries.SuspendExpiredAsync(ct);
}
