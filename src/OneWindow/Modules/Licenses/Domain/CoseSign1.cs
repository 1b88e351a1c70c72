using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Domain;

/// <summary>A decoded COSE_Sign1 message (not yet verified): the signed payload and the key id from its header.</summary>
internal sealed record DecodedSign1(CoseSign1Message Message, byte[]? Kid, int? Algorithm)
{
    public byte[] Payload => Message.Content!.Value.ToArray();
}

/// <summary>
/// COSE_Sign1 (RFC 9052 §4.2) with ES256 only, through System.Security.Cryptography.Cose: tag 18,
/// [protected header, unprotected map, payload, signature (r‖s, 64 bytes)]. Our messages carry alg (1: -7)
/// and kid (4) in the protected header; reading also accepts kid in the unprotected header (as RFC 9052's
/// examples do). Independent verifiers (cose-js, in the tests) check what this signs.
/// </summary>
internal static class CoseSign1
{
    public const int Es256 = -7;

    public static byte[] Sign(ReadOnlySpan<byte> payload, byte[] kid, ECDsa key)
    {
        var protectedHeaders = new CoseHeaderMap
        {
            [CoseHeaderLabel.Algorithm] = CoseHeaderValue.FromInt32(Es256),
            [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(kid),
        };
        return CoseSign1Message.SignEmbedded(payload.ToArray(), new CoseSigner(key, HashAlgorithmName.SHA256, protectedHeaders));
    }

    public static bool Verify(DecodedSign1 message, ECDsa key)
    {
        if (message.Algorithm != Es256 || message.Message.Signature.Length != 64)
        {
            return false;
        }

        try
        {
            return message.Message.VerifyEmbedded(key);
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidOperationException)
        {
            return false;
        }
    }

    public static Result<DecodedSign1> Decode(byte[] data)
    {
        static Error Bad(string why) => Error.Field("payload", "不是有效的 COSE_Sign1 签名数据：" + why);
        try
        {
            var message = CoseMessage.DecodeSign1(data);
            if (message.Content is null)
            {
                return Bad("没有内嵌的签名内容");
            }

            var kid = Header(message.ProtectedHeaders, CoseHeaderLabel.KeyIdentifier)?.GetValueAsBytes()
                      ?? Header(message.UnprotectedHeaders, CoseHeaderLabel.KeyIdentifier)?.GetValueAsBytes();
            int? alg = Header(message.ProtectedHeaders, CoseHeaderLabel.Algorithm) is { } a ? a.GetValueAsInt32() : null;
            return new DecodedSign1(message, kid, alg);
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return Bad(ex.Message);
        }
    }

    private static CoseHeaderValue? Header(CoseHeaderMap map, CoseHeaderLabel label) => map.TryGetValue(label, out var value) ? value : null;
}
