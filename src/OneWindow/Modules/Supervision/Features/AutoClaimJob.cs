using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Modules.Supervision.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Supervision.Features;

/// <summary>超时自动认领: items past their claim limit are claimed for the department, counted against it on the board, and its head is told.</summary>
internal sealed class AutoClaimJob(AppDbContext db, AuditTrail audit, TimeProvider clock) : IPeriodicWork
{
    public async Task RunAsync(CancellationToken ct) => await ClaimOverdueAsync(ct);

    public async Task<int> ClaimOverdueAsync(CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var due = await db.Set<SupervisionItem>().Where(i => i.Status == SupervisionStatus.Pushed && i.ClaimBy < today).OrderBy(i => i.ClaimBy).Take(500).ToListAsync(ct);
        foreach (var item in due.Where(i => i.AutoClaim(today, clock.Now())))
        {
            audit.Record(new AuditRecord(item.RegionCode, "SupervisionItem", item.Id.ToString(), "SupervisionItemAutoClaimed", new { item.ClaimBy, item.SupervisingDepartment }),
                new SupervisionItemAutoClaimed(item.Id, item.CaseNumber, item.ItemName, item.SupervisingDepartment, item.RegionCode));
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return due.Count;
    }
}
