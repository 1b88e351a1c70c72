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

/// <summary>
/// A module's register of the sealed documents it issues (Intake's notices, Inspections' 勘验报告): the public verifier
/// (<c>POST /api/v1/licenses/verify</c>, <c>/verify</c>) opens a <c>DN1:</c> string with the e-seal and asks the register of its
/// kind whether exactly this document was issued, so a sealed string nobody recorded is reported as unknown.
/// </summary>
public interface ISealedDocumentRegister
{
    /// <summary>Whether documents of this kind (<see cref="SealedFacts.Kind"/>) are kept here.</summary>
    bool Keeps(string kind);

    /// <summary>Whether the document numbered <paramref name="documentNumber"/> was issued with exactly this sealed string.</summary>
    Task<bool> OnRecordAsync(string documentNumber, string payload, CancellationToken ct);
}

/// <summary>What a sealed document's kind is called for people.</summary>
public static class SealedKinds
{
    public const string InspectionReport = "inspectionReport";
    public const string License = "license";
}
