using System.Text.Json;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>The applicant as a submission names them: 身份证号 for a person, 统一社会信用代码 for an enterprise.</summary>
public sealed record ApplicantInput(string? Kind, string? IdNumber, string? Uscc, string? Name, string? Mobile);

/// <summary>A material handed in: a stored file, or a licence from the library (无证明).</summary>
public sealed record MaterialInput(string? MaterialCode, Guid? FileId, string? LicenseId);

/// <summary>One application for a 一件事: the merged form once, one material set.</summary>
public sealed record BundleApplyRequest(
    string? BundleCode, ApplicantInput? Applicant, Dictionary<string, JsonElement>? Form, List<MaterialInput?>? Materials, string? Channel);
