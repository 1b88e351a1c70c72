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

    /// <summary>
    /// When the account was shown to belong to the holder of <see cref="IdentityCode"/> (实名核验): by an SMS code
    /// sent to the mobile the government already holds for that code, by a clerk who saw the ID card, or by the
    /// national identity provider. Until then the account sees only what it filed itself.
    /// </summary>
    public DateTimeOffset? IdentityVerifiedAt { get; set; }

    /// <summary>How the identity was verified: <c>sms</c>, <c>counter</c>, <c>oidc</c> or <c>demo</c>.</summary>
    public string? IdentityVerifiedBy { get; set; }

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

    /// <summary>承办人: a department's handler of the 12345 orders dispatched to it (签收, 退单, 回复, 延期, 督办签收).</summary>
    public const string HotlineHandler = nameof(HotlineHandler);
    public const string Supervisor = nameof(Supervisor);

    /// <summary>回访坐席: calls citizens back the working day after their service closed; sees the phone to call.</summary>
    public const string CallbackAgent = nameof(CallbackAgent);

    /// <summary>监管人员: an officer of a supervising department — claims pushed approvals (审管联动), records inspections and measures, does 事后核查.</summary>
    public const string Inspector = nameof(Inspector);

    /// <summary>政邮商专员: staff of a partner organisation (the postal company's 揽投员, a 基层商会's service specialist) — 上门收件, 邮件揽收与投递扫描.</summary>
    public const string DoorstepAgent = nameof(DoorstepAgent);

    /// <summary>采购人: a township's, county's or department's officer who buys intermediary services in the 中介超市.</summary>
    public const string Purchaser = nameof(Purchaser);
    public const string Applicant = nameof(Applicant);

    public static readonly IReadOnlyList<string> Staff =
        [Admin, HallGuide, IntakeClerk, Reviewer, Approver, DepartmentHead, HotlineAgent, HotlineHandler, Supervisor, CallbackAgent, Inspector, DoorstepAgent, Purchaser];

    public static readonly IReadOnlyList<string> All = [.. Staff, Applicant];

    /// <summary>A role as the API writes it: camelCase, as every enum-like value in JSON (<c>IntakeClerk</c> → <c>intakeClerk</c>).</summary>
    public static string InJson(string role) => EnumText.InJson(role);

    /// <summary>The roles are reference data: made at start-up, so a clean install (before create-admin) can register applicants.</summary>
    public static async Task EnsureAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        HallGuide => "大厅导服",
        IntakeClerk => "综合窗口受理员",
        Reviewer => "审查员",
        Approver => "审批（决定）人",
        DepartmentHead => "部门负责人",
        HotlineAgent => "12345 热线坐席",
        HotlineHandler => "12345 工单承办人",
        Supervisor => "监督员",
        CallbackAgent => "回访坐席",
        Inspector => "监管人员",
        DoorstepAgent => "政邮商专员",
        Purchaser => "中介服务采购人",
        Applicant => "申请人",
        _ => role,
    };
}

/// <summary>Authorization policy names, set on route groups and pages.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);

    /// <summary>Counter work (签到, 叫号, 办理): intake clerks and hall guides; which hall is checked on the counter (HallAccess).</summary>
    public const string CounterStaff = nameof(CounterStaff);

    /// <summary>Counter work, and an administrator signing out a counter left open.</summary>
    public const string HallDuty = nameof(HallDuty);
    public const string Admin = nameof(Admin);
    public const string Applicant = nameof(Applicant);

    /// <summary>The 回访 centre's work: callback agents; supervisors and administrators read it.</summary>
    public const string CallbackCentre = nameof(CallbackCentre);

    /// <summary>审管联动 and 事后核查: supervising departments' officers act; supervisors (政务办) and administrators read and see the board.</summary>
    public const string Supervision = nameof(Supervision);

    /// <summary>The city's figures (统计分析, 大屏, 月报): supervisors (政务办), department heads and administrators; aggregates only, no person in them.</summary>
    public const string Reports = nameof(Reports);
}

/// <summary>
/// What a staff member is qualified for beyond the role (ADR 0024): 即办 (an intake clerk decides a 即办件 at the counter) and
/// 独任审批师 per item (one officer accepts, reviews and decides).
/// </summary>
public static class Qualifications
{
    /// <summary>综合受理 + 即办: the clerk decides 即办件 on the spot and hands out the result.</summary>
    public const string Immediate = "immediate";

    private const string SolePrefix = "soleApprover:";

    /// <summary>独任审批师 for one item.</summary>
    public static string SoleApprover(string itemCode) => SolePrefix + itemCode;

    /// <summary>Whether a value names a qualification there is (for the staff API).</summary>
    public static bool IsKnown(string value) => value == Immediate || (value.StartsWith(SolePrefix, StringComparison.Ordinal) && value.Length > SolePrefix.Length);

    public static string Label(string value) => value == Immediate ? "即办" : value.StartsWith(SolePrefix, StringComparison.Ordinal) ? "独任审批师（" + value[SolePrefix.Length..] + "）" : value;
}

/// <summary>Claim types OneWindow adds beside the Identity ones.</summary>
public static class OneWindowClaims
{
    public const string Kind = "ow:kind";
    public const string Region = "ow:region";
    public const string Department = "ow:department";
    public const string DisplayName = "ow:name";

    /// <summary>The applicant account's 身份证号 or 统一社会信用代码 as claimed at registration (what it files under).</summary>
    public const string IdentityCode = "ow:code";

    /// <summary>Present (with how: sms, counter, oidc, demo) once the identity code was verified: only then is it shown what others filed under it.</summary>
    public const string IdentityVerified = "ow:verified";

    /// <summary>A staff qualification beyond the role (<see cref="Qualifications"/>): one claim per qualification, kept as an Identity user claim.</summary>
    public const string Qualification = "ow:qualification";

    /// <summary>When the session was signed in (Unix seconds): the absolute session limit counts from here.</summary>
    public const string SignedInAt = "ow:signed-in";
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
        b.Property(u => u.IdentityVerifiedBy).HasMaxLength(20);
        // One account per identity: concurrent registrations of one code give one account and 409s.
        b.HasIndex(u => new { u.Kind, u.IdentityCode }).IsUnique();
        b.HasIndex(u => u.DepartmentCode);
    }
}
