using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// The cases and 一件事 办结 on a day, for the 回访 centre: a case on its own is one service; the sub-cases of a 一件事 are
/// one service, the 一件事, on the day its last sub-case closed.
/// </summary>
internal sealed class CallbackSource(AppDbContext db) : ICallbackSources
{
    public async Task<IReadOnlyList<ClosedService>> ClosedOnAsync(DateOnly day, CancellationToken ct)
    {
        var rows = await db.Set<Case>().AsNoTracking().Where(c => c.CompletedOn == day && c.Status == CaseStatus.Completed)
            .Select(c => new
            {
                c.Id, c.Number, c.ItemName, c.RegionCode, c.DepartmentCode, c.ApplicantName, c.ApplicantMobile, c.ApplicantUserId, c.SubmittedAt, c.DueDate,
                c.HadCorrection, c.PledgeDueDate, c.DeadlineState, c.BundleApplicationId,
            })
            .ToListAsync(ct);
        var services = new List<ClosedService>(rows.Count);
        foreach (var c in rows.Where(c => c.BundleApplicationId is null))
        {
            var onTime = c.DeadlineState != DeadlineState.Overdue && (c.DueDate is null || c.DueDate >= day);
            services.Add(new ClosedService("case", c.Id, 0, c.Number, $"办件 {c.Number}（{c.ItemName}）", c.ItemName, c.RegionCode, c.DepartmentCode, c.ApplicantName,
                c.ApplicantMobile, c.ApplicantUserId, c.SubmittedAt, day, onTime, c.HadCorrection, c.PledgeDueDate is not null, null));
        }

        var bundleIds = rows.Where(c => c.BundleApplicationId is not null).Select(c => c.BundleApplicationId!.Value).Distinct().ToList();
        if (bundleIds.Count == 0)
        {
            return services;
        }

        var bundles = await db.Set<BundleApplication>().AsNoTracking().Where(b => bundleIds.Contains(b.Id)).ToListAsync(ct);
        var subCases = (await db.Set<Case>().AsNoTracking().Where(c => c.BundleApplicationId != null && bundleIds.Contains(c.BundleApplicationId.Value)).ToListAsync(ct))
            .ToLookup(c => c.BundleApplicationId!.Value);
        foreach (var b in bundles)
        {
            var subs = subCases[b.Id].ToList();

            // Closed on this day: complete now, and no sub-case completed later (a re-run for an old day finds the same).
            if (BundleProgress.Of(b, subs) != BundleStatus.Completed || subs.Max(c => c.CompletedOn) != day)
            {
                continue;
            }

            var onTime = subs.All(c => c.DeadlineState != DeadlineState.Overdue) && (b.DueDate is null || b.DueDate >= day);
            services.Add(new ClosedService("bundle", b.Id, 0, b.Number, $"一件事 {b.Number}（{b.BundleName}）", b.BundleName, b.RegionCode, b.LeadDepartment, b.ApplicantName,
                b.ApplicantMobile, b.ApplicantUserId, b.SubmittedAt, day, onTime, subs.Any(c => c.HadCorrection), subs.Any(c => c.PledgeDueDate is not null), b.HelperName));
        }

        return services;
    }
}
