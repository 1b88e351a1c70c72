using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneWindow.Modules.Licenses.Domain;

/// <summary>
/// A W3C VC Data Model 2.0 credential secured with JOSE (application/vc+jwt): a compact JWS, ES256,
/// header {alg, typ: "vc+jwt", kid}, the credential itself as the payload (no "vc" wrapper claim).
/// </summary>
internal static class VcJwt
{
    public const string MediaType = "application/vc+jwt";

    public static string Sign(JsonObject credential, string kid, ECDsa key)
    {
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "vc+jwt", ["kid"] = kid };
        var signingInput = Part(header) + "." + Part(credential);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The header's kid and the payload, when <paramref name="key"/> verifies the signature; null otherwise.</summary>
    public static JsonObject? Verify(string jws, Func<string, ECDsa?> keyFor)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
            if ((string?)header["alg"] != "ES256" || header["kid"]?.GetValue<string>() is not { } kid || keyFor(kid) is not { } key)
            {
                return null;
            }

            var ok = key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return ok ? JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject() : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Part(JsonObject json) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(json, Compact));
}
