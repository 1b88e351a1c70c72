using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>The contact details the government already holds for an applicant, from the cases filed under their code.</summary>
public interface IApplicantContacts
{
    /// <summary>
    /// The mobile of the most recent case or bundle application taken under this code at a counter or by a helper
    /// (where staff saw the applicant's papers), never one filed online: an online filing proves only that somebody
    /// typed the number (null when there is none).
    /// </summary>
    Task<string?> HeldMobileAsync(string applicantCode, string askingUserId, CancellationToken ct);
}
