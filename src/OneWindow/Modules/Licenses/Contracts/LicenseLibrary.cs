using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Licenses.Contracts;

/// <summary>A licence that can stand in for a material (无证明, 免提交).</summary>
public sealed record HeldLicense(string LicenseNumber, string TypeCode, string TypeName, DateOnly? ValidUntil);

/// <summary>A licence issued for a case (a bundle lists its sub-cases' licences).</summary>
public sealed record CaseLicense(Guid Id, Guid CaseId, string LicenseNumber, string TypeName, string IssuerName, DateTimeOffset IssuedAt, string Status);

/// <summary>What other modules may ask the licence library: the valid licences a holder has.</summary>
public interface ILicenseLibrary
{
    /// <summary>
    /// What is wrong with a licence identifier someone typed or sent: null when it has the national
    /// pattern; a wrong check character alone is only a warning (<paramref name="warningOnly"/>), since
    /// other issuers may compute it differently.
    /// </summary>
    static string? IdentifierProblem(string id, out bool warningOnly)
    {
        var problem = LicenseNumbers.Problem(id);
        warningOnly = problem is not null && LicenseNumbers.IsCheckMismatch(problem);
        return problem;
    }

    /// <summary>The licences issued for these cases, oldest first.</summary>
    Task<IReadOnlyList<CaseLicense>> ForCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct = default);

    /// <summary>The holder's active, unexpired licences of the given types, newest first.</summary>
    Task<IReadOnlyList<HeldLicense>> ValidAsync(string holderCode, IReadOnlyCollection<string> types, CancellationToken ct = default);
}
