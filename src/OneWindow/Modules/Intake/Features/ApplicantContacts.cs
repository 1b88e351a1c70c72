using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>The module's side of <see cref="IApplicantContacts"/>.</summary>
internal sealed class ApplicantContacts(AppDbContext db) : IApplicantContacts
{
    /// <summary>
    /// The mobile of the most recent case or bundle application taken under this code at a counter or by a helper
    /// (where staff saw the applicant's papers), never one filed online: an online filing proves only that somebody
    /// typed the number (null when there is none).
    /// </summary>
    public async Task<string?> HeldMobileAsync(string applicantCode, string askingUserId, CancellationToken ct)
    {
        var fromCase = await db.Set<Case>().AsNoTracking()
            .Where(c => c.ApplicantCode == applicantCode && c.Channel != Channel.Online && c.SubmittedById != askingUserId && c.ApplicantMobile != "")
            .OrderByDescending(c => c.SubmittedAt).Select(c => new { c.ApplicantMobile, c.SubmittedAt }).FirstOrDefaultAsync(ct);
        var fromBundle = await db.Set<BundleApplication>().AsNoTracking()
            .Where(a => a.ApplicantCode == applicantCode && a.Channel != Channel.Online && a.SubmittedById != askingUserId && a.ApplicantMobile != "")
            .OrderByDescending(a => a.SubmittedAt).Select(a => new { a.ApplicantMobile, a.SubmittedAt }).FirstOrDefaultAsync(ct);
        return fromBundle is not null && (fromCase is null || fromBundle.SubmittedAt > fromCase.SubmittedAt)
            ? fromBundle.ApplicantMobile
            : fromCase?.ApplicantMobile;
    }
}
