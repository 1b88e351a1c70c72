using OneWindow.Platform;

namespace OneWindow.Modules.Licenses.Contracts;

/// <summary>
/// What a sealed document (文书: 受理通知书, 决定书 …) says about itself in its QR code: its kind and title, its own
/// number, the case it belongs to, the item, the issuing department and the day. No personal data.
/// </summary>
public sealed record SealedFacts(string Kind, string Title, string DocumentNumber, string CaseNumber, string ItemName, string IssuerDepartment, string IssuerName, DateOnly IssuedOn);

/// <summary>A sealed string opened: whether the department's e-seal signed exactly these facts.</summary>
public sealed record OpenedDocument(bool SignatureValid, string Message, SealedFacts? Facts, string? Kid);

/// <summary>
/// The issuing departments' e-seals (电子印章) for documents other than licences: the same keys and the same
/// COSE_Sign1 / Base45 encoding as 扫码亮证, under the prefix <c>DN1:</c>, so a notice's QR verifies the way a licence's does.
/// </summary>
public interface IDocumentSeals
{
    /// <summary>The department's e-seal over <paramref name="facts"/>, as the string a QR code carries.</summary>
    Task<string> SealAsync(SealedFacts facts, CancellationToken ct);

    /// <summary>Opens a sealed string: a field error on <c>payload</c> when it is not one; otherwise whether the seal holds.</summary>
    Task<Result<OpenedDocument>> OpenAsync(string? payload, CancellationToken ct);
}
