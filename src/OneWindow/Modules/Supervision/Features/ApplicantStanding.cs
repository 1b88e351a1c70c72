using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Modules.Supervision.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Supervision.Features;

/// <summary>The module's side of <see cref="IApplicantStanding"/>: bans in force and credit marks, read by the holder's code (indexed).</summary>
internal sealed class ApplicantStanding(AppDbContext db, TimeProvider clock) : IApplicantStanding
{
    public async Task<StandingRefusal?> CheckAsync(string applicantCode, string itemCode, string? licenseType, bool pledgeApproval, CancellationToken ct = default)
    {
        var today = clock.TodayInChina();
        var bans = await db.Set<TradeBan>().AsNoTracking().Where(b => b.HolderCode == applicantCode && b.Until >= today).ToListAsync(ct);
        if (bans.FirstOrDefault(b => b.ItemKinds.Contains(itemCode) || (licenseType is not null && b.ItemKinds.Contains(licenseType))) is { } ban)
        {
            return new StandingRefusal("banned", "申请人处于行业禁入期，不能申请本事项",
                $"{ban.DepartmentName}于 {ban.From:yyyy-MM-dd} 对办件 {ban.SourceCaseNumber} 作出行业禁入处理（{string.Join("、", ban.ItemKinds.Select(LicenseTypes.NameOf))}），"
                + $"禁入期至 {ban.Until:yyyy-MM-dd}。理由：{ban.Reason}");
        }

        if (pledgeApproval
            && await db.Set<CreditMark>().AsNoTracking().Where(m => m.HolderCode == applicantCode && m.PledgeBlockedUntil != null && m.PledgeBlockedUntil >= today)
                .OrderByDescending(m => m.PledgeBlockedUntil).FirstOrDefaultAsync(ct) is { } mark)
        {
            return new StandingRefusal("pledge-blocked", "申请人因告知承诺不实，暂不适用告知承诺制",
                $"{mark.DepartmentName}于 {mark.RecordedOn:yyyy-MM-dd} 核查办件 {mark.SourceCaseNumber} 时发现承诺不实，已记入失信记录；{mark.PledgeBlockedUntil:yyyy-MM-dd} 前请按清单提交全部材料，不适用告知承诺。");
        }

        return null;
    }

    public async Task<ApplicantRecord> RecordAsync(string applicantCode, CancellationToken ct = default)
    {
        var today = clock.TodayInChina();
        var marks = await db.Set<CreditMark>().AsNoTracking().Where(m => m.HolderCode == applicantCode).Select(m => m.PledgeBlockedUntil).ToListAsync(ct);
        var bans = await db.Set<TradeBan>().AsNoTracking().CountAsync(b => b.HolderCode == applicantCode && b.Until >= today, ct);
        return new ApplicantRecord(marks.Count, bans, marks.Where(d => d >= today).Max());
    }
}
