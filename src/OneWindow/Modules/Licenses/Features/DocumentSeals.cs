using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>Seals documents with the issuing department's active e-seal and opens them with any published key (<see cref="IDocumentSeals"/>).</summary>
internal sealed class DocumentSeals(ESeals seals) : IDocumentSeals
{
    public async Task<string> SealAsync(SealedFacts facts, CancellationToken ct)
    {
        var (kid, key) = await seals.ActiveAsync(facts.IssuerDepartment, ct);
        using (key)
        {
            return LicenseQr.Pack(DocumentQr.Prefix, CoseSign1.Sign(DocumentQr.Cbor(facts), Kids.Of(key), key));
        }
    }

    public async Task<Result<OpenedDocument>> OpenAsync(string? payload, CancellationToken ct)
    {
        var message = LicenseQr.Unpack(DocumentQr.Prefix, payload, "文书码");
        if (!message.IsSuccess)
        {
            return message.Error!;
        }

        var m = message.Value!;
        if (m.Kid is null)
        {
            return new OpenedDocument(false, "文书码没有签名密钥标识（kid），无法核验", null, null);
        }

        var kid = Kids.Text(m.Kid);
        using var key = await seals.PublicKeyAsync(kid, ct);
        if (key is null)
        {
            return new OpenedDocument(false, $"签名密钥 {kid} 不是本平台公布的电子印章，无法确认真伪", null, kid);
        }

        if (!CoseSign1.Verify(m, key))
        {
            return new OpenedDocument(false, "签名核验失败：文书码被改动或不是本平台签发", null, kid);
        }

        var facts = DocumentQr.Facts(m.Payload);
        return facts.IsSuccess
            ? new OpenedDocument(true, "电子印章有效", facts.Value, kid)
            : new OpenedDocument(false, "签名有效，但内容格式无法识别", null, kid);
    }
}
