using System.Formats.Cbor;
using System.Security.Cryptography;
using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Domain;

/// <summary>A decoded COSE_Sign1 message: the signed payload and the key id from its header.</summary>
public sealed record CoseMessage(byte[] Protected, byte[]? Kid, byte[] Payload, byte[] Signature, int? Algorithm);

/// <summary>
/// COSE_Sign1 (RFC 9052 §4.2) with ES256 only: tag 18, [protected header bstr, unprotected map,
/// payload bstr, signature (r‖s, 64 bytes)], signed over Sig_structure ["Signature1", protected,
/// external_aad = h'', payload]. Our messages carry alg (1: -7) and kid (4) in the protected header;
/// reading also accepts kid in the unprotected header (as RFC 9052's examples do).
/// </summary>
public static class CoseSign1
{
    public const int Es256 = -7;

    public static byte[] Sign(ReadOnlySpan<byte> payload, byte[] kid, ECDsa key)
    {
        var header = new CborWriter(CborConformanceMode.Canonical);
        header.WriteStartMap(2);
        header.WriteInt32(1);
        header.WriteInt32(Es256);
        header.WriteInt32(4);
        header.WriteByteString(kid);
        header.WriteEndMap();
        var protectedHeader = header.Encode();

        var signature = key.SignData(ToBeSigned(protectedHeader, payload), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var message = new CborWriter(CborConformanceMode.Lax);
        message.WriteTag((CborTag)18);
        message.WriteStartArray(4);
        message.WriteByteString(protectedHeader);
        message.WriteStartMap(0);
        message.WriteEndMap();
        message.WriteByteString(payload);
        message.WriteByteString(signature);
        message.WriteEndArray();
        return message.Encode();
    }

    public static bool Verify(CoseMessage message, ECDsa key) =>
        message.Algorithm == Es256 && message.Signature.Length == 64
        && key.VerifyData(ToBeSigned(message.Protected, message.Payload), message.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public static Result<CoseMessage> Decode(byte[] data)
    {
        static Error Bad(string why) => Error.Field("payload", "不是有效的 COSE_Sign1 签名数据：" + why);
        try
        {
            var reader = new CborReader(data, CborConformanceMode.Lax);
            if (reader.PeekState() == CborReaderState.Tag && reader.ReadTag() != (CborTag)18)
            {
                return Bad("标签不是 COSE_Sign1 (18)");
            }

            if (reader.ReadStartArray() != 4)
            {
                return Bad("应为 4 个元素");
            }

            var protectedHeader = reader.ReadByteString();
            var (alg, kid) = ReadHeader(protectedHeader.Length == 0 ? null : new CborReader(protectedHeader, CborConformanceMode.Lax));
            var (_, unprotectedKid) = ReadHeader(reader);
            var payload = reader.ReadByteString();
            var signature = reader.ReadByteString();
            reader.ReadEndArray();
            if (reader.BytesRemaining != 0)
            {
                return Bad("末尾有多余数据");
            }

            return new CoseMessage(protectedHeader, kid ?? unprotectedKid, payload, signature, alg);
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return Bad(ex.Message);
        }
    }

    private static (int? Alg, byte[]? Kid) ReadHeader(CborReader? reader)
    {
        if (reader is null)
        {
            return (null, null);
        }

        int? alg = null;
        byte[]? kid = null;
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            if (reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger)
            {
                var label = reader.ReadInt32();
                if (label == 1 && reader.PeekState() is CborReaderState.NegativeInteger or CborReaderState.UnsignedInteger)
                {
                    alg = reader.ReadInt32();
                    continue;
                }

                if (label == 4 && reader.PeekState() == CborReaderState.ByteString)
                {
                    kid = reader.ReadByteString();
                    continue;
                }
            }
            else
            {
                reader.SkipValue();
            }

            reader.SkipValue();
        }

        reader.ReadEndMap();
        return (alg, kid);
    }

    private static byte[] ToBeSigned(byte[] protectedHeader, ReadOnlySpan<byte> payload)
    {
        var w = new CborWriter(CborConformanceMode.Canonical);
        w.WriteStartArray(4);
        w.WriteTextString("Signature1");
        w.WriteByteString(protectedHeader);
        w.WriteByteString([]);
        w.WriteByteString(payload);
        w.WriteEndArray();
        return w.Encode();
    }
}
