using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Domain;

/// <summary>What the compact QR says about a licence: enough to show and check it, with codes masked.</summary>
internal sealed record QrClaims(
    string Issuer, string LicenseId, string Type, string HolderName, string HolderCodeMasked,
    IReadOnlyDictionary<string, string> Fields, DateOnly ValidFrom, DateOnly? ValidUntil, DateTimeOffset IssuedAt);

/// <summary>
/// 扫码亮证 string: "LC1:" + Base45(zlib(COSE_Sign1(CBOR claims))). Alphanumeric only, so a QR code
/// carries it in its densest mode. Decoding is bounded (a decompression bomb is refused) and every
/// failure is a field error on <c>payload</c>, never an exception.
/// </summary>
internal static class LicenseQr
{
    public const string Prefix = "LC1:";

    private const int MaxInflated = 16 * 1024;

    public static string Encode(QrClaims claims, byte[] kid, ECDsa key) => Pack(Prefix, CoseSign1.Sign(Cbor(claims), kid, key));

    /// <summary>The signed message inside a QR string (not yet verified).</summary>
    public static Result<DecodedSign1> Unpack(string? text) => Unpack(Prefix, text, "亮证码");

    /// <summary>A signed message as a QR string: <paramref name="prefix"/> + Base45(zlib(COSE_Sign1)) (licences, and sealed notices' <c>DN1:</c>).</summary>
    public static string Pack(string prefix, byte[] cose)
    {
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(cose);
        }

        return prefix + Base45.Encode(packed.ToArray());
    }

    /// <summary>The signed message inside a string made by <see cref="Pack"/>; every failure a field error on <c>payload</c> naming <paramref name="noun"/>.</summary>
    public static Result<DecodedSign1> Unpack(string prefix, string? text, string noun)
    {
        Error Bad(string why) => Error.Field("payload", why);
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || !text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Bad($"{noun}应以 {prefix} 开头");
        }

        var zipped = Base45.Decode(text[prefix.Length..]);
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
                return Bad($"{noun}内容过大");
            }

            cose = buffer[..read];
        }
        catch (InvalidDataException)
        {
            return Bad($"{noun}无法解压（zlib 数据损坏）");
        }

        return CoseSign1.Decode(cose);
    }

    /// <summary>At most this many key fields travel in the QR, each cut to <see cref="MaxFieldLength"/> characters, so a licence fits a version-20 code.</summary>
    public const int MaxFields = 4;

    public const int MaxFieldLength = 24;

    // Claim labels: small integers keep the code small (1 issuer, 2 licence id, 3 type, 4 holder name,
    // 5 masked holder code, 6 key fields, 7 valid from, 8 valid until, 9 issued at).
    public static byte[] Cbor(QrClaims c)
    {
        var fields = c.Fields.Take(MaxFields).ToList();
        var w = new CborWriter(CborConformanceMode.Canonical);
        w.WriteStartMap(8 + (c.ValidUntil is null ? 0 : 1));
        w.WriteInt32(1);
        w.WriteTextString(c.Issuer);
        w.WriteInt32(2);
        w.WriteTextString(c.LicenseId);
        w.WriteInt32(3);
        w.WriteTextString(c.Type);
        w.WriteInt32(4);
        w.WriteTextString(c.HolderName);
        w.WriteInt32(5);
        w.WriteTextString(c.HolderCodeMasked);
        w.WriteInt32(6);
        w.WriteStartMap(fields.Count);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            w.WriteTextString(key);
            w.WriteTextString(value.Length > MaxFieldLength ? value[..(MaxFieldLength - 1)] + "…" : value);
        }

        w.WriteEndMap();
        w.WriteInt32(7);
        w.WriteTextString(c.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (c.ValidUntil is { } until)
        {
            w.WriteInt32(8);
            w.WriteTextString(until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteInt32(9);
        w.WriteInt64(c.IssuedAt.ToUnixTimeSeconds());
        w.WriteEndMap();
        return w.Encode();
    }

    public static Result<QrClaims> Claims(byte[] payload)
    {
        try
        {
            var r = new CborReader(payload, CborConformanceMode.Lax);
            var values = new Dictionary<int, object>();
            r.ReadStartMap();
            while (r.PeekState() != CborReaderState.EndMap)
            {
                var key = r.ReadInt32();
                switch (key)
                {
                    case 6:
                        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                        r.ReadStartMap();
                        while (r.PeekState() != CborReaderState.EndMap)
                        {
                            fields[r.ReadTextString()] = r.ReadTextString();
                        }

                        r.ReadEndMap();
                        values[key] = fields;
                        break;
                    case 9:
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
            string Text(int k) => values.TryGetValue(k, out var v) && v is string s ? s : throw new FormatException($"缺少第 {k} 项");
            DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return new QrClaims(
                Text(1), Text(2), Text(3), Text(4), Text(5),
                values.TryGetValue(6, out var f) ? (Dictionary<string, string>)f : [],
                Date(Text(7)), values.ContainsKey(8) ? Date(Text(8)) : null,
                DateTimeOffset.FromUnixTimeSeconds(values.TryGetValue(9, out var iat) ? (long)iat : 0));
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return Error.Field("payload", "亮证码内容格式不对：" + ex.Message);
        }
    }
}
