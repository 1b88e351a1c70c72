using System.Formats.Cbor;
using System.Globalization;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Domain;

/// <summary>A sealed document's QR string: "DN1:" + Base45(zlib(COSE_Sign1(CBOR facts))), packed like a licence's (<see cref="LicenseQr"/>).</summary>
internal static class DocumentQr
{
    public const string Prefix = "DN1:";

    // Labels: 1 kind, 2 title, 3 document number, 4 case number, 5 item, 6 issuer department, 7 issuer name, 8 issued on.
    public static byte[] Cbor(SealedFacts f)
    {
        var w = new CborWriter(CborConformanceMode.Canonical);
        w.WriteStartMap(8);
        foreach (var (label, value) in new[]
                 {
                     (1, f.Kind), (2, f.Title), (3, f.DocumentNumber), (4, f.CaseNumber), (5, f.ItemName), (6, f.IssuerDepartment), (7, f.IssuerName),
                     (8, f.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                 })
        {
            w.WriteInt32(label);
            w.WriteTextString(value);
        }

        w.WriteEndMap();
        return w.Encode();
    }

    public static Result<SealedFacts> Facts(byte[] payload)
    {
        try
        {
            var r = new CborReader(payload, CborConformanceMode.Lax);
            var values = new Dictionary<int, string>();
            r.ReadStartMap();
            while (r.PeekState() != CborReaderState.EndMap)
            {
                var key = r.ReadInt32();
                if (r.PeekState() == CborReaderState.TextString)
                {
                    values[key] = r.ReadTextString();
                }
                else
                {
                    r.SkipValue();
                }
            }

            r.ReadEndMap();
            if (Enumerable.Range(1, 8).Any(k => !values.ContainsKey(k))
                || !DateOnly.TryParseExact(values[8], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued))
            {
                return Error.Field("payload", "文书码缺少必要内容");
            }

            return new SealedFacts(values[1], values[2], values[3], values[4], values[5], values[6], values[7], issued);
        }
        catch (CborContentException)
        {
            return Error.Field("payload", "文书码内容不是有效的 CBOR");
        }
        catch (InvalidOperationException)
        {
            return Error.Field("payload", "文书码内容不是有效的 CBOR");
        }
    }
}
