using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Domain;

/// <summary>What the compact QR says about a licence: enough to show and check it, with codes masked.</summary>
public sealed record QrClaims(
    string Issuer, string LicenseId, string Type, string HolderName, string HolderCodeMasked,
    IReadOnlyDictionary<string, string> Fields, DateOnly ValidFrom, DateOnly? ValidUntil, DateTimeOffset IssuedAt);

/// <summary>
/// 扫码亮证 string: "LC1:" + Base45(zlib(COSE_Sign1(CBOR claims))). Alphanumeric only, so a QR code
/// carries it in its densest mode. Decoding is bounded (a decompression bomb is refused) and every
/// failure is a field error on <c>payload</c>, never an exception.
/// </summary>
public static class LicenseQr
{
    public const string Prefix = "LC1:";

    private const int MaxInflated = 16 * 1024;

    public static string Encode(QrClaims claims, byte[] kid, ECDsa key)
    {
        var cose = CoseSign1.Sign(Cbor(claims), kid, key);
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(cose);
        }

        return Prefix + Base45.Encode(packed.ToArray());
    }

    /// <summary>The signed message inside a QR string (not yet verified).</summary>
    public static Result<CoseMessage> Unpack(string? text)
    {
        static Error Bad(string why) => Error.Field("payload", why);
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Bad($"亮证码应以 {Prefix} 开头");
        }

        var zipped = Base45.Decode(text[Prefix.Length..]);
        if (!zipped.IsSuccess)
        {
            return zipped.Error!;
        }

        byte[] cose;
        try
        {
            using var z = new ZLibStream(new MemoryStream(zipped.Value!), CompressionMode.Decompress);
            var buffer = new byte[MaxInflated + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = z.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }

            if (read > MaxInflated)
            {
                return Bad("亮证码内容过大");
            }

            cose = buffer[..read];
        }
        catch (InvalidDataException)
        {
            return Bad("亮证码无法解压（zlib 数据损坏）");
        }

        return CoseSign1.Decode(cose);
    }

    public static byte[] Cbor(QrClaims c)
    {
        var w = new CborWriter(CborConformanceMode.Canonical);
        w.WriteStartMap(8 + (c.ValidUntil is null ? 0 : 1));
        w.WriteTextString("iss");
        w.WriteTextString(c.Issuer);
        w.WriteTextString("lid");
        w.WriteTextString(c.LicenseId);
        w.WriteTextString("typ");
        w.WriteTextString(c.Type);
        w.WriteTextString("hn");
        w.WriteTextString(c.HolderName);
        w.WriteTextString("hc");
        w.WriteTextString(c.HolderCodeMasked);
        w.WriteTextString("f");
        w.WriteStartMap(c.Fields.Count);
        foreach (var (key, value) in c.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            w.WriteTextString(key);
            w.WriteTextString(value);
        }

        w.WriteEndMap();
        w.WriteTextString("nbf");
        w.WriteTextString(c.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (c.ValidUntil is { } until)
        {
            w.WriteTextString("exp");
            w.WriteTextString(until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteTextString("iat");
        w.WriteInt64(c.IssuedAt.ToUnixTimeSeconds());
        w.WriteEndMap();
        return w.Encode();
    }

    public static Result<QrClaims> Claims(byte[] payload)
    {
        try
        {
            var r = new CborReader(payload, CborConformanceMode.Lax);
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            r.ReadStartMap();
            while (r.PeekState() != CborReaderState.EndMap)
            {
                var key = r.ReadTextString();
                switch (key)
                {
                    case "f":
                        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                        r.ReadStartMap();
                        while (r.PeekState() != CborReaderState.EndMap)
                        {
                            fields[r.ReadTextString()] = r.ReadTextString();
                        }

                        r.ReadEndMap();
                        values[key] = fields;
                        break;
                    case "iat":
                        values[key] = r.ReadInt64();
                        break;
                    default:
                        if (r.PeekState() == CborReaderState.TextString)
                        {
                            values[key] = r.ReadTextString();
                        }
                        else
                        {
                            r.SkipValue();
                        }

                        break;
                }
            }

            r.ReadEndMap();
            string Text(string k) => values.TryGetValue(k, out var v) && v is string s ? s : throw new FormatException($"缺少 {k}");
            return new QrClaims(
                Text("iss"), Text("lid"), Text("typ"), Text("hn"), Text("hc"),
                values.TryGetValue("f", out var f) ? (Dictionary<string, string>)f : [],
                DateOnly.ParseExact(Text("nbf"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                values.TryGetValue("exp", out var e) ? DateOnly.ParseExact((string)e, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
                DateTimeOffset.FromUnixTimeSeconds(values.TryGetValue("iat", out var iat) ? (long)iat : 0));
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return Error.Field("payload", "亮证码内容格式不对：" + ex.Message);
        }
    }
}
