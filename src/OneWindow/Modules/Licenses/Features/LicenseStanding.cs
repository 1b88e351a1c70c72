using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>The module's side of <see cref="ILicenseStanding"/>, and the one way a licence's status changes (the API's suspend/revoke/reinstate too).</summary>
internal sealed class LicenseStanding(AppDbContext db, AuditTrail audit, VerificationCache verification, TimeProvider clock) : ILicenseStanding
{
    public async Task<LicenseFacts?> FindAsync(Guid licenseId, CancellationToken ct = default) =>
        await db.Set<License>().AsNoTracking().Where(l => l.Id == licenseId).Select(l => Facts(l)).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<LicenseFacts>> ChangeForCaseAsync(Guid caseId, bool revoke, string reason, string source, CancellationToken ct = default)
    {
        var status = revoke ? LicenseStatus.Revoked : LicenseStatus.Suspended;
        var changed = new List<LicenseFacts>();
        foreach (var l in await db.Set<License>().Where(l => l.CaseId == caseId && l.Status != LicenseStatus.Revoked && l.Status != status).ToListAsync(ct))
        {
            if (revoke)
            {
                Change<LicenseRevoked>(l, status, reason, source, audit, clock);
            }
            else
            {
                Change<LicenseSuspended>(l, status, reason, source, audit, clock);
            }

            verification.Forget(l.LicenseNumber);
            changed.Add(Facts(l));
        }

        return changed;
    }

    /// <summary>Whether the licence may move to <paramref name="status"/>: a revoked one never moves again.</summary>
    public static bool CanChange(License l, LicenseStatus status) => l.Status != LicenseStatus.Revoked && l.Status != status;

    /// <summary>Sets the status, records the audit entry and the fact; the caller saves (and forgets the cached status after).</summary>
    public static void Change<TEvent>(License l, LicenseStatus status, string? reason, string? source, AuditTrail audit, TimeProvider clock)
        where TEvent : LicenseStatusEvent, new()
    {
        l.Status = status;
        l.StatusReason = reason?.Trim();
        l.StatusChangedAt = clock.Now();
        var fact = new TEvent
        {
            LicenseId = l.Id, LicenseNumber = l.LicenseNumber, Status = LicenseEndpoints.StatusName(status), Reason = l.StatusReason, HolderUserId = l.HolderUserId,
            RegionCode = l.RegionCode, Source = source,
        };
        audit.Record(new AuditRecord(l.RegionCode, "License", l.Id.ToString(), fact.AuditAction, new { l.LicenseNumber, reason = l.StatusReason, source }), fact);
    }

    private static LicenseFacts Facts(License l) =>
        new(l.Id, l.LicenseNumber, l.CaseId, l.TypeCode, l.TypeName, l.IssuerDepartment, l.HolderName, l.HolderCode, LicenseEndpoints.StatusName(l.Status));
}
