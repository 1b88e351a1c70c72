using System.Globalization;
using System.Text.RegularExpressions;

namespace OneWindow.Platform.IdentityCodes;

/// <summary>The outcome of checking one code: errors reject it, warnings only inform.</summary>
public sealed record CodeCheck(string Normalized, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string> Details)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>公民身份号码, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence, check character (ISO 7064 MOD 11-2).</summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>Full years of age on <paramref name="today"/> from the number's birth date; null when it has none.</summary>
    public static int? AgeOn(string? code, DateOnly today)
    {
        if (code is not { Length: 18 } || !DateOnly.TryParseExact(code.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth > today)
        {
            return null;
        }

        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    public static CodeCheck Check(string? input, DivisionRegistry divisions, DateOnly today)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        var errors = new List<string>();
        var details = new Dictionary<string, string>();
        if (value.Length == 15 && value.All(char.IsAsciiDigit))
        {
            errors.Add("15 位旧身份证号已停止使用，请填写 18 位公民身份号码");
            return new CodeCheck(value, errors, [], details);
        }

        if (value.Length != 18)
        {
            errors.Add($"公民身份号码应为 18 位，当前为 {value.Length} 位");
            return new CodeCheck(value, errors, [], details);
        }

        if (!value[..17].All(char.IsAsciiDigit))
        {
            errors.Add("前 17 位应全部为数字");
            return new CodeCheck(value, errors, [], details);
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            errors.Add("第 18 位校验码应为数字或字母 X");
        }

        var region = value[..6];
        details["regionCode"] = region;
        if (divisions.EverExisted(region))
        {
            details["region"] = divisions.FullName(region) ?? region;
        }
        else
        {
            errors.Add($"地址码 {region} 不是 1981 年以来使用过的行政区划代码");
        }

        if (DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            if (birth > today)
            {
                errors.Add($"出生日期 {birth:yyyy-MM-dd} 晚于今天");
            }
            else if (birth.Year < 1900)
            {
                errors.Add($"出生日期 {birth:yyyy-MM-dd} 早于 1900 年");
            }
            else
            {
                details["birthDate"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        else
        {
            errors.Add($"出生日期 {value.Substring(6, 8)} 不是真实存在的日期");
        }

        details["sex"] = (value[16] - '0') % 2 == 1 ? "男" : "女";
        var expected = CheckCharacter(value);
        if (value[17] != expected && (char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            errors.Add($"校验码不正确：第 18 位应为 {expected}，请核对号码是否抄错");
        }

        return new CodeCheck(value, errors, [], details);
    }
}

/// <summary>统一社会信用代码, GB 32100-2015: authority, category, region, organisation code, check character (MOD 31).</summary>
public static class Uscc
{
    /// <summary>The 31 characters the code uses: digits and capitals without I, O, Z, S, V.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>登记管理部门 and the 机构类别 each may register (GB 32100 Table 1).</summary>
    public static readonly IReadOnlyDictionary<char, (string Authority, IReadOnlyDictionary<char, string> Categories)> Authorities =
        new Dictionary<char, (string, IReadOnlyDictionary<char, string>)>
        {
            ['1'] = ("机构编制", new Dictionary<char, string> { ['1'] = "机关", ['2'] = "事业单位", ['3'] = "中央编办直接管理机构编制的群众团体", ['9'] = "其他" }),
            ['2'] = ("外交", new Dictionary<char, string> { ['1'] = "外国常驻新闻机构", ['9'] = "其他" }),
            ['3'] = ("司法行政", new Dictionary<char, string> { ['1'] = "律师执业机构", ['2'] = "外国律师事务所驻华代表机构", ['3'] = "司法鉴定机构", ['4'] = "仲裁委员会", ['5'] = "公证处", ['9'] = "其他" }),
            ['4'] = ("文化", new Dictionary<char, string> { ['1'] = "外国在华文化中心", ['9'] = "其他" }),
            ['5'] = ("民政", new Dictionary<char, string> { ['1'] = "社会团体", ['2'] = "民办非企业单位", ['3'] = "基金会", ['9'] = "其他" }),
            ['6'] = ("旅游", new Dictionary<char, string> { ['1'] = "外国旅游部门常驻代表机构", ['2'] = "港澳台地区旅游部门常驻内地（大陆）代表机构", ['9'] = "其他" }),
            ['7'] = ("宗教", new Dictionary<char, string> { ['1'] = "宗教活动场所", ['2'] = "宗教院校", ['9'] = "其他" }),
            ['8'] = ("工会", new Dictionary<char, string> { ['1'] = "基层工会", ['9'] = "其他" }),
            ['9'] = ("工商（市场监管）", new Dictionary<char, string> { ['1'] = "企业", ['2'] = "个体工商户", ['3'] = "农民专业合作社" }),
            ['A'] = ("中央军委改革和编制办公室", new Dictionary<char, string> { ['1'] = "军队事业单位", ['9'] = "其他" }),
            ['N'] = ("农业", new Dictionary<char, string> { ['1'] = "组级集体经济组织", ['2'] = "村级集体经济组织", ['3'] = "乡镇级集体经济组织", ['9'] = "其他" }),
            ['Y'] = ("其他", new Dictionary<char, string> { ['1'] = "其他" }),
        };

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>组织机构代码 check character, GB 11714-1997 (8 characters, then the check).</summary>
    public static char OrganisationCheckCharacter(ReadOnlySpan<char> first8)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    public static CodeCheck Check(string? input, DivisionRegistry divisions)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        var errors = new List<string>();
        var warnings = new List<string>();
        var details = new Dictionary<string, string>();
        if (value.Length != 18)
        {
            errors.Add($"统一社会信用代码应为 18 位，当前为 {value.Length} 位");
            return new CodeCheck(value, errors, warnings, details);
        }

        var forbidden = value.Where(c => "IOZSV".Contains(c, StringComparison.Ordinal)).Distinct().ToList();
        if (forbidden.Count > 0)
        {
            errors.Add($"不得包含字母 {string.Join('、', forbidden)}（统一社会信用代码不使用 I、O、Z、S、V）");
        }

        var other = value.Where(c => !Alphabet.Contains(c, StringComparison.Ordinal) && !"IOZSV".Contains(c, StringComparison.Ordinal)).Distinct().ToList();
        if (other.Count > 0)
        {
            errors.Add($"包含无效字符：{string.Join(' ', other)}");
        }

        if (errors.Count > 0)
        {
            return new CodeCheck(value, errors, warnings, details);
        }

        if (Authorities.TryGetValue(value[0], out var authority))
        {
            details["authority"] = authority.Authority;
            if (authority.Categories.TryGetValue(value[1], out var category))
            {
                details["category"] = category;
            }
            else
            {
                errors.Add($"机构类别代码 {value[1]} 不属于登记管理部门“{authority.Authority}”");
            }
        }
        else
        {
            errors.Add($"登记管理部门代码 {value[0]} 无效");
        }

        var region = value.Substring(2, 6);
        details["regionCode"] = region;
        if (!region.All(char.IsAsciiDigit))
        {
            errors.Add($"登记管理机关行政区划码 {region} 应为 6 位数字");
        }
        else if (region == "100000")
        {
            details["region"] = "国家（中央）";
        }
        else if (divisions.EverExisted(region))
        {
            details["region"] = divisions.FullName(region) ?? region;
        }
        else
        {
            errors.Add($"登记管理机关行政区划码 {region} 不是有效的行政区划代码");
        }

        var organisation = value.Substring(8, 9);
        details["organisationCode"] = organisation;
        if (organisation[..8].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            && OrganisationCheckCharacter(organisation) is var orgCheck && orgCheck != organisation[8])
        {
            warnings.Add($"主体标识码（组织机构代码）校验位不符（应为 {orgCheck}），请核对；部分历史代码存在此情况");
        }

        var expected = CheckCharacter(value);
        if (value[17] != expected)
        {
            errors.Add($"校验码不正确：第 18 位应为 {expected}，请核对代码是否抄错");
        }

        return new CodeCheck(value, errors, warnings, details);
    }
}

public static partial class Mobile
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Pattern();

    public static CodeCheck Check(string? input)
    {
        var value = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (value.StartsWith("+86", StringComparison.Ordinal))
        {
            value = value[3..];
        }
        else if (value.Length == 13 && value.StartsWith("86", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        var errors = new List<string>();
        if (!Pattern().IsMatch(value))
        {
            errors.Add("手机号码应为 11 位，以 13–19 开头");
        }

        return new CodeCheck(value, errors, [], new Dictionary<string, string>());
    }
}

/// <summary>Personal data minimisation (rule 10): codes and phones are masked in lists, logs and public pages.</summary>
public static class Mask
{
    public static string IdentityCode(string? code) =>
        string.IsNullOrEmpty(code) ? "" : code.Length <= 8 ? new string('*', code.Length) : code[..4] + new string('*', code.Length - 8) + code[^4..];

    public static string Mobile(string? mobile) =>
        string.IsNullOrEmpty(mobile) ? "" : mobile.Length < 7 ? new string('*', mobile.Length) : mobile[..3] + "****" + mobile[^4..];

    /// <summary>
    /// A form's answers as someone without need-to-know sees them: anything shaped like a resident ID (18 characters,
    /// 17 digits and a check character) or a mobile (11 digits starting with 1) is masked; the rest is as filled in.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> PersonalValues(IReadOnlyDictionary<string, string[]> form) =>
        form.ToDictionary(kv => kv.Key, kv => kv.Value.Select(v =>
            v.Length == 18 && v[..17].All(char.IsAsciiDigit) ? IdentityCode(v)
            : v.Length == 11 && v[0] == '1' && v.All(char.IsAsciiDigit) ? Mobile(v)
            : v).ToArray(), StringComparer.Ordinal);

    /// <summary>张三 → 张*, 欧阳娜娜 → 欧***.</summary>
    public static string Name(string? name) =>
        string.IsNullOrEmpty(name) ? "" : name.Length == 1 ? name : name[0] + new string('*', name.Length - 1);
}
