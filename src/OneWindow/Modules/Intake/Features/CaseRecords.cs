using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>The module's side of <see cref="ICaseRecords"/>.</summary>
internal sealed class CaseRecords(AppDbContext db) : ICaseRecords
{
    /// <summary>The case a 办件编号 names (the service hall links the cases accepted during a service by their numbers).</summary>
    public async Task<Guid?> IdOfNumberAsync(string number, CancellationToken ct = default) =>
        await db.Set<Case>().AsNoTracking().Where(c => c.Number == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    public async Task<CaseFacts?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null
            ? null
            : new CaseFacts(c.Id, c.Number, c.ItemCode, c.ItemVersionId, c.ItemName, c.DepartmentCode, c.RegionCode, c.ApplicantKind, c.ApplicantName,
                c.ApplicantCode, c.ApplicantUserId, c.Form, c.Status.ToString())
                {
                    JointIssuance = c.JointIssuance, WithDeferral = c.PledgeDueDate is not null, PledgeApproval = c.Pledge is not null,
                    PledgedMaterials = [.. c.Pledge?.MaterialNames ?? []], DecidedBy = c.DecidedByName,
                };
    }
}
