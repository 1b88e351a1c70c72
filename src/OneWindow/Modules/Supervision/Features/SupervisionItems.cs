using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Modules.Supervision.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Supervision.Features;

internal sealed record FeedbackInput
{
    /// <summary>compliant, rectify, warning, fine, suspend, revoke, ban.</summary>
    public string? Measure { get; init; }

    public string? Reason { get; init; }

    /// <summary>For <c>ban</c>: 1 to 20 years.</summary>
    public int? BanYears { get; init; }

    /// <summary>For <c>ban</c>: licence types or item codes; the item's own licence type (or code) when none is given.</summary>
    public List<string>? BannedItemKinds { get; init; }

    public decimal? FineAmount { get; init; }
}

internal sealed record FeedbackView(string Measure, string MeasureLabel, string Reason, int? BanYears, IReadOnlyList<string>? BannedItemKinds, decimal? FineAmount, string ByName, DateTimeOffset At, IReadOnlyList<string> LicensesChanged);

internal sealed record SupervisionItemView(
    Guid Id, string Trigger, string TriggerLabel, Guid CaseId, string CaseNumber, string ItemCode, string ItemName, string ApprovingDepartment, string SupervisingDepartment,
    string SupervisingDepartmentName, string RegionCode, string HolderKind, string HolderName, string HolderCode, string? LicenseNumber, IReadOnlyDictionary<string, string> Facts,
    bool WithDeferral, bool PledgeApproval, DateTimeOffset PushedAt, DateOnly ClaimBy, string Status, string StatusLabel, DateTimeOffset? ClaimedAt, string? ClaimedByName,
    IReadOnlyList<FeedbackView> Feedback, int Version);

internal sealed record BoardRow(string Department, string DepartmentName, int Pushed, int Pending, int ClaimedOnTime, int AutoClaimed, int WithFeedback, double ClaimedOnTimeRate);

internal sealed record SupervisionBoard(IReadOnlyList<BoardRow> Departments, IReadOnlyList<SupervisionItemView> AutoClaimedList);

/// <summary>
/// 审管联动, the supervising side: the items pushed to a department, claimed (认领) by its officers, auto-claimed when the limit
/// passed, and fed back (检查结果, 处理措施). 吊销/暂停 change the licence through the Licenses module; 行业禁入 records a ban that
/// Intake asks about at every submission. Officers (role Inspector) see and act on their own department's items with the holder's
/// code whole; supervisors (政务办) and administrators read every department's, masked, and see the board.
/// </summary>
internal sealed class SupervisionItems(
    AppDbContext db, ILicenseStanding licenseStanding, ILicenseLibrary licenseLibrary, ICatalogQueries catalog, IDepartmentDirectory departments, AuditTrail audit,
    ICurrentUser user, TimeProvider clock)
{
    /// <summary>What a licence change made here says it came from (so it is not pushed back as a new item).</summary>
    public const string Source = "supervision";

    private static Error NotFound => Error.NotFound("supervision:not-found", "监管事项不存在");

    private IQueryable<SupervisionItem> Visible(IQueryable<SupervisionItem> q) =>
        SupervisionAccess.Scope(user) is { } department ? q.Where(i => i.SupervisingDepartment == department) : q;

    public async Task<Result<Page<SupervisionItemView>>> ListAsync(string? department, string? status, int page, int size, CancellationToken ct)
    {
        var q = Visible(db.Set<SupervisionItem>().AsNoTracking());
        if (!string.IsNullOrWhiteSpace(department))
        {
            q = q.Where(i => i.SupervisingDepartment == department.Trim());
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!TextRules.TryEnum<SupervisionStatus>(status, out var s))
            {
                return Error.Field("status", "status 为 pushed（待认领）、claimed（已认领）或 autoClaimed（超时自动认领）");
            }

            q = q.Where(i => i.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.Status).ThenByDescending(i => i.PushedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<SupervisionItemView>(await ViewsAsync(rows, ct), total, page, size);
    }

    public async Task<SupervisionItemView?> FindAsync(Guid id, CancellationToken ct) =>
        await Visible(db.Set<SupervisionItem>().AsNoTracking()).SingleOrDefaultAsync(i => i.Id == id, ct) is { } i ? (await ViewsAsync([i], ct))[0] : null;

    public Task<Result<SupervisionItemView>> ClaimAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, "SupervisionItemClaimed", i => Task.FromResult(i.Claim(user.DisplayName ?? user.UserName ?? "", clock.Now())), ct);

    public async Task<Result<SupervisionItemView>> FeedbackAsync(Guid id, FeedbackInput input, int? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Measure measure = default;
        if (string.IsNullOrWhiteSpace(input.Measure) || !TextRules.TryEnum(input.Measure, out measure))
        {
            errors.Add("measure", "处理措施应为 compliant（检查合格）、rectify（责令整改）、warning（警告）、fine（罚款）、suspend（暂停）、revoke（吊销）或 ban（行业禁入）");
        }

        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is < 2 or > 1000)
        {
            errors.Add("reason", "请写明检查情况和处理理由（2 到 1000 字）");
        }
        else if (TextRules.TextProblem(reason) is { } bad)
        {
            errors.Add("reason", "处理理由" + bad);
        }

        if (measure == Measure.Ban && input.BanYears is not (>= 1 and <= 20))
        {
            errors.Add("banYears", "行业禁入须写明年限（1 到 20 年）");
        }

        if (measure == Measure.Fine && input.FineAmount is not (> 0 and < 100_000_000))
        {
            errors.Add("fineAmount", "罚款须写明金额（元）");
        }

        var kinds = (input.BannedItemKinds ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct().ToList();
        for (var i = 0; i < kinds.Count; i++)
        {
            if (LicenseTypes.Find(kinds[i]) is null && await catalog.CurrentAsync(kinds[i], ct) is null)
            {
                errors.Add($"bannedItemKinds[{i}]", $"“{kinds[i]}”既不是证照类型，也不是已发布的事项编码");
            }
        }

        if (errors.Any)
        {
            return errors.ToError("supervision:invalid", "监管处理信息有误");
        }

        return await ChangeAsync(id, version, "SupervisionFeedbackRecorded", async item =>
        {
            var changed = measure is Measure.Suspend or Measure.Revoke
                ? await licenseStanding.ChangeForCaseAsync(item.CaseId, measure == Measure.Revoke, $"监管处理（{SupervisionItem.Label(measure)}）：{reason}", Source, ct)
                : [];
            if (measure is Measure.Suspend or Measure.Revoke && changed.Count == 0)
            {
                return Error.Conflict("supervision:no-license", "该审批结果没有可暂停或吊销的有效证照");
            }

            var banned = measure == Measure.Ban ? (kinds.Count > 0 ? kinds : [item.LicenseType ?? item.ItemCode]) : null;
            var done = item.Record(new SupervisionFeedback(measure, reason, measure == Measure.Ban ? input.BanYears : null, banned, measure == Measure.Fine ? input.FineAmount : null,
                user.UserId ?? "", user.DisplayName ?? user.UserName ?? "", clock.Now(), [.. changed.Select(l => l.LicenseNumber)]));
            if (!done.IsSuccess)
            {
                return done;
            }

            var department = await departments.FindAsync(item.SupervisingDepartment, ct);
            if (banned is not null)
            {
                var today = clock.TodayInChina();
                db.Add(new TradeBan
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()), HolderCode = item.HolderCode, HolderName = item.HolderName, ItemKinds = banned, From = today,
                    Until = today.AddYears(input.BanYears!.Value).AddDays(-1), Reason = reason, DepartmentCode = item.SupervisingDepartment,
                    DepartmentName = department?.Name ?? item.SupervisingDepartment, SourceItemId = item.Id, SourceCaseNumber = item.CaseNumber, RecordedAt = clock.Now(),
                    RecordedByName = user.DisplayName ?? "",
                });
            }

            audit.Record(new AuditRecord(item.RegionCode, "SupervisionItem", item.Id.ToString(), "SupervisionFeedbackGiven", new { measure = measure.ToString(), banned, input.BanYears }),
                new SupervisionFeedbackGiven(item.CaseNumber, item.ItemName, item.HolderName, item.ApprovingDepartment, department?.Name ?? item.SupervisingDepartment,
                    SupervisionItem.Label(measure) + (banned is null ? "" : $"（{input.BanYears} 年，{string.Join("、", banned.Select(LicenseTypes.NameOf))}）"), reason, item.RegionCode));
            return Result.Ok();
        }, ct);
    }

    private async Task<Result<SupervisionItemView>> ChangeAsync(Guid id, int? version, string action, Func<SupervisionItem, Task<Result>> change, CancellationToken ct)
    {
        var item = await Visible(db.Set<SupervisionItem>()).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound;
        }

        if (!SupervisionAccess.ActsFor(user, item.SupervisingDepartment))
        {
            return Error.Forbidden("supervision:not-your-department", "只有监管部门的监管人员可以认领和反馈监管结果");
        }

        var changed = await db.ChangeVersionedAsync(item, version, change,
            x => audit.Record(new AuditRecord(x.RegionCode, "SupervisionItem", x.Id.ToString(), action, new { status = x.Status.ToString(), by = user.DisplayName })), x => x, ct);
        return changed.IsSuccess ? (await ViewsAsync([changed.Value!], ct))[0] : changed.Error!;
    }

    public async Task<SupervisionBoard> BoardAsync(CancellationToken ct)
    {
        var q = Visible(db.Set<SupervisionItem>().AsNoTracking());
        var counts = await q.GroupBy(i => new { i.SupervisingDepartment, i.Status })
            .Select(g => new { g.Key.SupervisingDepartment, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        // "With feedback" needs the JSON list: counted over the claimed items' ids and lists only, per department.
        var feedback = (await q.Where(i => i.Status != SupervisionStatus.Pushed).Select(i => new { i.SupervisingDepartment, i.Feedback }).ToListAsync(ct))
            .Where(i => i.Feedback.Count > 0).GroupBy(i => i.SupervisingDepartment).ToDictionary(g => g.Key, g => g.Count());
        var names = await departments.NamesAsync(counts.Select(c => c.SupervisingDepartment).Distinct(), ct);
        var rows = counts.GroupBy(c => c.SupervisingDepartment).Select(g =>
        {
            int Of(SupervisionStatus s) => g.Where(c => c.Status == s).Sum(c => c.Count);
            var pushed = g.Sum(c => c.Count);
            var decided = Of(SupervisionStatus.Claimed) + Of(SupervisionStatus.AutoClaimed);
            return new BoardRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), pushed, Of(SupervisionStatus.Pushed), Of(SupervisionStatus.Claimed), Of(SupervisionStatus.AutoClaimed),
                feedback.GetValueOrDefault(g.Key), decided == 0 ? 1 : Math.Round((double)Of(SupervisionStatus.Claimed) / decided, 4));
        }).OrderBy(r => r.ClaimedOnTimeRate).ThenBy(r => r.Department).ToList();
        var late = await q.Where(i => i.Status == SupervisionStatus.AutoClaimed).OrderByDescending(i => i.ClaimedAt).Take(50).ToListAsync(ct);
        return new SupervisionBoard(rows, await ViewsAsync(late, ct));
    }

    private async Task<IReadOnlyList<SupervisionItemView>> ViewsAsync(IReadOnlyList<SupervisionItem> items, CancellationToken ct)
    {
        var names = await departments.NamesAsync(items.Select(i => i.SupervisingDepartment).Distinct(), ct);
        var licences = (await licenseLibrary.ForCasesAsync([.. items.Where(i => i.LicenseNumber is null).Select(i => i.CaseId).Distinct()], ct))
            .GroupBy(l => l.CaseId).ToDictionary(g => g.Key, g => g.First().LicenseNumber);
        return [.. items.Select(i =>
        {
            var whole = SupervisionAccess.ActsFor(user, i.SupervisingDepartment);
            return new SupervisionItemView(
                i.Id, i.Trigger.InJson(), SupervisionItem.Label(i.Trigger), i.CaseId, i.CaseNumber, i.ItemCode, i.ItemName, i.ApprovingDepartment, i.SupervisingDepartment,
                names.GetValueOrDefault(i.SupervisingDepartment, i.SupervisingDepartment), i.RegionCode, i.HolderKind, i.HolderName,
                whole ? i.HolderCode : Mask.IdentityCode(i.HolderCode), i.LicenseNumber ?? licences.GetValueOrDefault(i.CaseId), i.Facts, i.WithDeferral, i.PledgeApproval,
                i.PushedAt, i.ClaimBy, i.Status.InJson(), SupervisionItem.Label(i.Status), i.ClaimedAt, i.ClaimedByName,
                [.. i.Feedback.Select(f => new FeedbackView(f.Measure.InJson(), SupervisionItem.Label(f.Measure), f.Reason, f.BanYears, f.BannedItemKinds, f.FineAmount, f.ByName, f.At,
                    f.LicensesChanged))],
                i.Version);
        })];
    }

}
