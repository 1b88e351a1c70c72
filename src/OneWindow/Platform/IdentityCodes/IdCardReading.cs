using System.Text.RegularExpressions;

namespace OneWindow.Platform.IdentityCodes;

/// <summary>What a second-generation ID card reader put out: the holder's name, ID number and address.</summary>
public sealed record IdCardFacts(string Name, string IdNumber, string? Address);

/// <summary>
/// The output of a 二代身份证 reader in keyboard mode (the common desk readers type the card's fields into the focused
/// box, separated by tabs, line breaks, '|' or commas, in the card's order: 姓名 性别 民族 出生 住址 公民身份号码 签发机关
/// 有效期限; some prefix each with its label, "姓名：张三"). The number is the field that is a valid 18-character ID; the name
/// is the first field of 2–20 Chinese characters (a '·' allowed) that is not a sex or an ethnic group; the address is the
/// longest field containing 省, 市, 县, 区, 镇, 村 or 号.
/// </summary>
public static partial class IdCardReading
{
    private static readonly HashSet<string> NotNames = ["男", "女", "汉", "汉族", "回族", "满族", "蒙古族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "朝鲜族"];

    public static IdCardFacts? Parse(string? output)
    {
        if (string.IsNullOrWhiteSpace(output) || output.Length > 1000)
        {
            return null;
        }

        var fields = Separators().Split(output).Select(f => Label().Replace(f.Trim(), "").Trim()).Where(f => f.Length > 0).ToList();
        var number = fields.Select(f => f.ToUpperInvariant()).FirstOrDefault(f => f.Length == 18 && f[..17].All(char.IsAsciiDigit)
            && (char.IsAsciiDigit(f[17]) || f[17] == 'X') && ResidentId.CheckCharacter(f.AsSpan(0, 17)) == f[17]);
        var name = fields.FirstOrDefault(f => ChineseName().IsMatch(f) && !NotNames.Contains(f) && !f.EndsWith('族'));
        if (number is null || name is null)
        {
            return null;
        }

        var address = fields.Where(f => f != name && f.Length >= 6 && "省市县区镇村号".Any(f.Contains)).OrderByDescending(f => f.Length).FirstOrDefault();
        return new IdCardFacts(name, number, address);
    }

    [GeneratedRegex(@"[\t\r\n|,，;；]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(姓名|性别|民族|出生|住址|公民身份号码|身份证号码?|签发机关|有效期限)\s*[:：]?\s*")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}·]{2,20}$")]
    private static partial Regex ChineseName();
}
