namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>事项类型 with the national type codes of the implementation lists.</summary>
public enum ServiceItemKind
{
    Licensing = 1,          // 01 行政许可
    Penalty = 2,            // 02 行政处罚
    Enforcement = 3,        // 03 行政强制
    Levy = 4,               // 04 行政征收
    Benefit = 5,            // 05 行政给付
    Inspection = 6,         // 06 行政检查
    Confirmation = 7,       // 07 行政确认
    Reward = 8,             // 08 行政奖励
    Adjudication = 9,       // 09 行政裁决
    OtherPower = 10,        // 10 其他行政权力
    PublicService = 20,     // 20 公共服务
    Other = 99,             // 99 其他
}

/// <summary>Who may apply: 自然人, 法人, or both.</summary>
public enum ApplicantType
{
    Person,
    Enterprise,
    Both,
}

/// <summary>Who may apply for an item online: the one rule the guide's 我要申请 and the application form share.</summary>
public static class ApplicantEligibility
{
    /// <summary>Why an applicant account of <paramref name="accountKind"/> ("person" or "enterprise") may not apply, or null when it may.</summary>
    public static string? Refusal(ApplicantType type, string? accountKind) => (accountKind, type) switch
    {
        ("person", ApplicantType.Enterprise) => "本事项仅限法人（企业、单位）申请：请以企业账号登录后申请，或到综合窗口办理。",
        ("enterprise", ApplicantType.Person) => "本事项仅限自然人（个人）申请：请以个人账号登录后申请，或到综合窗口办理。",
        _ => null,
    };
}

/// <summary>即办件 (decided at the counter) or 承诺件 (decided within the committed limit).</summary>
public enum CaseType
{
    Immediate,
    Promised,
}

/// <summary>受理 → 审查 → 决定 by different officers, or one sole approver (独任审批师).</summary>
public enum ApprovalFlow
{
    ThreeStep,
    SoleApprover,
}

/// <summary>What happens when a 容缺 pledge is not kept by its due date: the case ends (终止), or it is suspended (中止, clock stopped) until the material arrives.</summary>
public enum PledgeConsequence
{
    Terminate,
    Suspend,
}

/// <summary>
/// 实施编码: a county's or township centre's implementation of a basic item is coded <c>{basic}-{region}</c> (ADR 0026), so the
/// basic item is read off the code.
/// </summary>
public static partial class ItemCodes
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<basic>.+)-(?<region>\d{6}|\d{9})$")]
    private static partial System.Text.RegularExpressions.Regex Implementation();

    /// <summary>The basic item's code (the city item an implementation implements; itself for a basic item).</summary>
    public static string BasicOf(string code) => Implementation().Match(code) is { Success: true } m ? m.Groups["basic"].Value : code;
}

public enum ItemStatus
{
    Draft,
    Published,
    Superseded,
}

/// <summary>Where a material comes from: the applicant, a licence in the licence library, or this government's own records.</summary>
public enum MaterialSource
{
    Applicant,
    License,
    Government,
}

public static class ServiceItemKinds
{
    public static string Code(ServiceItemKind kind) => ((int)kind).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public static string Label(ServiceItemKind kind) => kind switch
    {
        ServiceItemKind.Licensing => "行政许可",
        ServiceItemKind.Penalty => "行政处罚",
        ServiceItemKind.Enforcement => "行政强制",
        ServiceItemKind.Levy => "行政征收",
        ServiceItemKind.Benefit => "行政给付",
        ServiceItemKind.Inspection => "行政检查",
        ServiceItemKind.Confirmation => "行政确认",
        ServiceItemKind.Reward => "行政奖励",
        ServiceItemKind.Adjudication => "行政裁决",
        ServiceItemKind.OtherPower => "其他行政权力",
        ServiceItemKind.PublicService => "公共服务",
        ServiceItemKind.Other => "其他",
    };

    /// <summary>Accepts the national code ("01"), the English name ("licensing") or the Chinese label.</summary>
    public static ServiceItemKind? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        foreach (var kind in Enum.GetValues<ServiceItemKind>())
        {
            if (value == Code(kind) || value.Equals(kind.ToString(), StringComparison.OrdinalIgnoreCase) || value == Label(kind))
            {
                return kind;
            }
        }

        return null;
    }
}

/// <summary>One required document of an item.</summary>
public sealed record Material
{
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public bool Required { get; init; } = true;

    /// <summary>容缺: the case may be accepted while this is missing, against a pledge.</summary>
    public bool Deferrable { get; init; }

    /// <summary>原件, 复印件, or 原件和复印件.</summary>
    public string Form { get; init; } = "原件";

    public int Copies { get; init; } = 1;

    public MaterialSource Source { get; init; } = MaterialSource.Applicant;

    /// <summary>The licence type that can stand in for this material (无证明 / 只提交一次).</summary>
    public string? SubstitutableBy { get; init; }

    /// <summary>告知承诺: an applicant who signs the item's commitment letter need not hand this in (it is checked afterwards).</summary>
    public bool Pledgeable { get; init; }

    public Guid? BlankFormFileId { get; init; }

    public Guid? SampleFileId { get; init; }

    public string Notes { get; init; } = "";
}

/// <summary>One field of an item's form. Keys are stable across items so bundle forms can merge them.</summary>
public sealed record FormField
{
    public string Key { get; init; } = "";

    public string Label { get; init; } = "";

    /// <summary>text, textarea, number, date, select, multiselect, residentId, uscc, mobile, address, file.</summary>
    public string Type { get; init; } = "text";

    public bool Required { get; init; }

    public IReadOnlyList<string>? Options { get; init; }

    public int? MaxLength { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public string? Help { get; init; }
}

public sealed record FormSchema
{
    public IReadOnlyList<FormField> Fields { get; init; } = [];
}
