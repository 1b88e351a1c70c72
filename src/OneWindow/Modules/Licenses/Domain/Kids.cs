using System.Security.Cryptography;

namespace OneWindow.Modules.Licenses.Domain;

/// <summary>Key ids of e-seals: the first 8 bytes of SHA-256 over the public key's SubjectPublicKeyInfo, base64url.</summary>
internal static class Kids
{
    public static byte[] Of(ECDsa key) => SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..8];

    public static string Text(byte[] kid) => System.Buffers.Text.Base64Url.EncodeToString(kid);
}
