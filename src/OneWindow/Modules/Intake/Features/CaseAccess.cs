using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// Need-to-know for cases and bundle applications (docs/security/access.md), one rule for the API, the pages, the
/// lists and the files attached to them.
/// <list type="bullet">
/// <item>Handlers see a case with full personal data: its applicant; the intake clerks of its region (受理, 出件); the
/// owning department's reviewers, approvers and head; the helper who submitted it. Staff views of full data are audited.</item>
/// <item>Oversight sees it masked: administrators and supervisors (everywhere), 12345 hotline agents (their region, to
/// answer "how far is my case").</item>
/// <item>Everybody else (another department, a hall guide who did not help, another county's clerk) does not see it.</item>
/// </list>
/// </summary>
internal static class CaseAccess
{
    public static bool IsApplicant(ICurrentUser user, string? applicantUserId, string submittedById) =>
        !user.IsStaff && user.UserId is { } me && (applicantUserId == me || submittedById == me);

    /// <summary>May act on and see the full case: applicant, region clerk, owning department's officers, the helper.</summary>
    public static bool IsHandler(ICurrentUser user, string regionCode, string departmentCode, string? applicantUserId, string submittedById) =>
        IsApplicant(user, applicantUserId, submittedById)
        || (user.IsStaff && user.IsInRole(Roles.IntakeClerk) && user.RegionCode == regionCode)
        || (user.IsStaff && user.DepartmentCode == departmentCode
            && (user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Approver) || user.IsInRole(Roles.DepartmentHead)))
        || (user.IsStaff && user.UserId == submittedById);

    public static bool IsOversight(ICurrentUser user, string regionCode) =>
        user.IsStaff && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor)
                         || (user.IsInRole(Roles.HotlineAgent) && user.RegionCode == regionCode));

    public static bool MaySee(ICurrentUser user, Case c) =>
        SeesPersonalData(user, c) || IsOversight(user, c.RegionCode) || (c.AcceptingRegion is { } a && IsOversight(user, a));

    /// <summary>The handlers, and (跨域通办) the clerks of the region whose counter accepted it on the owner's behalf.</summary>
    public static bool SeesPersonalData(ICurrentUser user, Case c) =>
        IsHandler(user, c.RegionCode, c.DepartmentCode, c.ApplicantUserId, c.SubmittedById)
        || (c.AcceptingRegion is { } accepting && user.IsStaff && user.IsInRole(Roles.IntakeClerk) && user.RegionCode == accepting);

    /// <summary>A bundle application: its applicant or helper, the region's clerks, any department with a sub-case in it, oversight.</summary>
    public static bool MaySee(ICurrentUser user, BundleApplication a, IEnumerable<Case> subCases) =>
        SeesPersonalData(user, a, subCases) || IsOversight(user, a.RegionCode);

    public static bool SeesPersonalData(ICurrentUser user, BundleApplication a, IEnumerable<Case> subCases) =>
        IsApplicant(user, a.ApplicantUserId, a.SubmittedById) || (user.IsStaff && user.UserId == a.HelperUserId)
        || subCases.Any(c => IsHandler(user, c.RegionCode, c.DepartmentCode, c.ApplicantUserId, c.SubmittedById));
}
