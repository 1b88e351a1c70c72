namespace OneWindow.Modules.Licenses.Contracts;

/// <summary>A licence as a supervisor needs to know it: whose, what, issued for which case, and its standing.</summary>
public sealed record LicenseFacts(Guid Id, string LicenseNumber, Guid CaseId, string TypeCode, string TypeName, string IssuerDepartment, string HolderName, string HolderCode, string Status);

/// <summary>
/// What other modules may do to a licence's standing (审管联动: a supervising department's 吊销 or 暂停, a failed 告知承诺
/// post-check). The change is the one the issuer makes through the API: status, reason, audit entry and
/// <see cref="LicenseStatusEvent"/>, in the caller's unit of work (the caller saves).
/// </summary>
public interface ILicenseStanding
{
    Task<LicenseFacts?> FindAsync(Guid licenseId, CancellationToken ct = default);

    /// <summary>
    /// Suspends (<paramref name="revoke"/> false) or revokes every licence issued for the case that is not revoked already
    /// (nor suspended, when suspending); returns the licences changed. <paramref name="source"/> names who asked (e.g.
    /// <c>supervision</c>) and travels on the event.
    /// </summary>
    Task<IReadOnlyList<LicenseFacts>> ChangeForCaseAsync(Guid caseId, bool revoke, string reason, string source, CancellationToken ct = default);
}
