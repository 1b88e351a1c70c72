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
        var (kid, problem) = await seals.CheckSealAsync(m, "文书码", ct);
        if (problem is not null)
        {
            return new OpenedDocument(false, problem, null, kid);
        }

        var facts = DocumentQr.Facts(m.Payload);
        return facts.IsSuccess
            ? new OpenedDocument(true, "电子印章有效", facts.Value, kid)
            : new OpenedDocument(false, "签名有效，但内容格式无法识别", null, kid);
    }
}
