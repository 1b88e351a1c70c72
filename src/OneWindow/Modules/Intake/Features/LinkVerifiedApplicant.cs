using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// Once an account has verified its identity code, the cases and bundle applications filed under that code by
/// others (at a counter, by a helper) that belong to no account yet show in it. Idempotent: it only fills gaps.
/// </summary>
internal sealed class LinkVerifiedApplicant(AppDbContext db) : IOutboxHandler<IdentityVerified>
{
    public async Task HandleAsync(IdentityVerified e, OutboxDeliveryContext context, CancellationToken ct)
    {
        await db.Set<Case>().Where(c => c.ApplicantCode == e.IdentityCode && c.ApplicantUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ApplicantUserId, e.UserId), ct);
        await db.Set<BundleApplication>().Where(a => a.ApplicantCode == e.IdentityCode && a.ApplicantUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ApplicantUserId, e.UserId), ct);
    }
}
