using Microsoft.AspNetCore.Identity;

namespace OneWindow.Platform.Identity;

/// <summary>Whether an account belongs to a member of staff or to an applicant (自然人 / 法人).</summary>
public enum AccountKind
{
    Staff,
    Person,
    Enterprise,
}

/// <summary>
/// One sign-in account. Staff carry the department and region that scope what they may do;
/// applicants carry the code that identifies them (身份证号 or 统一社会信用代码).
/// </summary>
public sealed class AppUser : IdentityUser
{
    public AccountKind Kind { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>行政区划代码 that owns this account (a staff member's region; an applicant's registration region).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>Department code for staff, e.g. <c>371600-SCJ</c>; null for applicants.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>身份证号 for a person, 统一社会信用代码 for an enterprise; null for staff.</summary>
    public string? IdentityCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Staff roles, and the applicant role. Names are stable: they appear in tokens and tests.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string HallGuide = nameof(HallGuide);
    public const string IntakeClerk = nameof(IntakeClerk);
    public const string Reviewer = nameof(Reviewer);
    public const string Approver = nameof(Approver);
    public const string DepartmentHead = nameof(DepartmentHead);
    public const string HotlineAgent = nameof(HotlineAgent);
    public const string Supervisor = nameof(Supervisor);
    public const string Applicant = nameof(Applicant);

    public static readonly IReadOnlyList<string> Staff =
        [Admin, HallGuide, IntakeClerk, Reviewer, Approver, DepartmentHead, HotlineAgent, Supervisor];

    public static readonly IReadOnlyList<string> All = [.. Staff, Applicant];

    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        HallGuide => "大厅导服",
        IntakeClerk => "综合窗口受理员",
        Reviewer => "审查员",
        Approver => "审批（决定）人",
        DepartmentHead => "部门负责人",
        HotlineAgent => "12345 热线坐席",
        Supervisor => "监督员",
        Applicant => "申请人",
        _ => role,
    };
}

/// <summary>Authorization policy names, set on route groups and pages.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Admin = nameof(Admin);
    public const string Applicant = nameof(Applicant);
}

/// <summary>Claim types OneWindow adds beside the Identity ones.</summary>
public static class OneWindowClaims
{
    public const string Kind = "ow:kind";
    public const string Region = "ow:region";
    public const string Department = "ow:department";
    public const string DisplayName = "ow:name";

    /// <summary>The applicant account's 身份证号 or 统一社会信用代码 (set at registration, never changed).</summary>
    public const string IdentityCode = "ow:code";
}

internal sealed class AppUserConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<AppUser>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.RegionCode).HasMaxLength(12);
        b.Property(u => u.DepartmentCode).HasMaxLength(30);
        b.Property(u => u.IdentityCode).HasMaxLength(18);
        b.Property(u => u.PhoneNumber).HasMaxLength(20);
        b.HasIndex(u => new { u.Kind, u.IdentityCode });
        b.HasIndex(u => u.DepartmentCode);
    }
}
