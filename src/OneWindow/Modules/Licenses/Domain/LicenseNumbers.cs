namespace OneWindow.Modules.Licenses.Domain;

/// <summary>
/// Licence identifiers after the national e-licence pattern:
/// <c>1.2.156.3005.2.&lt;issuer code&gt;.&lt;holder code&gt;.&lt;serial&gt;.&lt;version&gt;.&lt;check&gt;</c>.
/// The check character is ISO 7064 MOD 37,36 over the segments before it (digits and capital
/// letters, dots left out); a mismatch is reported as a warning, not a refusal, since identifiers
/// from other issuers may compute it differently.
/// </summary>
internal static class LicenseNumbers
{
    private const string Root = "1.2.156.3005.2";
    private const string Characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Make(string issuerCode, string holderCode, int serial, int version)
    {
        var body = $"{Root}.{Clean(issuerCode)}.{Clean(holderCode)}.{serial:0000}.{version:000}";
        return body + "." + Check(body);
    }

    /// <summary>Null when the identifier has the pattern and its check character; otherwise what is wrong (in Chinese).</summary>
    public static string? Problem(string? id)
    {
        if (id is null || !id.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return $"证照标识应以 {Root}. 开头";
        }

        var parts = id[(Root.Length + 1)..].Split('.');
        if (parts.Length != 5 || parts.Any(p => p.Length == 0 || p.Any(c => !Characters.Contains(c, StringComparison.Ordinal))))
        {
            return "证照标识应为 签发机构代码.持证主体代码.流水号.版本号.校验位";
        }

        return Check(id[..id.LastIndexOf('.')]) == parts[4][0] && parts[4].Length == 1 ? null : CheckMismatch;
    }

    private const string CheckMismatch = "证照标识校验位不符";

    public static bool IsCheckMismatch(string problem) => problem == CheckMismatch;

    /// <summary>
    /// The holder segment: an enterprise's USCC (public anyway); for a person not the ID number, which the QR
    /// and the printout must not reveal, but "H" and 12 hex digits of an HMAC-SHA256 of it under the platform's
    /// secret holder key (stable for one holder, not reversible, and not searchable without the key: an ID
    /// number has so little entropy that an unkeyed hash of it is recovered by trying district × birth date).
    /// Licences numbered before (with "P" and an unkeyed hash) keep their numbers and still verify.
    /// </summary>
    public static string HolderSegment(string kind, string code, byte[] holderKey) =>
        kind == "person"
            ? "H" + Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(holderKey, System.Text.Encoding.ASCII.GetBytes(code)))[..12]
            : code;

    /// <summary>The name of the platform secret that keys person holder segments.</summary>
    public const string HolderKeyName = "licenses.holder-segment";

    private static string Clean(string code) => new([.. code.ToUpperInvariant().Where(c => Characters.Contains(c, StringComparison.Ordinal))]);

    /// <summary>ISO 7064 MOD 37,36 (hybrid system, 36 characters).</summary>
    public static char Check(string text)
    {
        var p = 36;
        foreach (var c in text.Where(c => c != '.'))
        {
            var v = Characters.IndexOf(c, StringComparison.Ordinal);
            var s = (p % 37) + v;
            s %= 36;
            p = (s == 0 ? 36 : s) * 2;
        }

        return Characters[(37 - (p % 37)) % 36];
    }
}
