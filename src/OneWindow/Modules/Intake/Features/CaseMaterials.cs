using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Files;
using OneWindow.Platform.Identity;
using OneWindow.Modules.Intake.Contracts;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// Checks materials handed in with a submission, a supplement (补正) or a kept pledge (容缺补齐): each
/// names a material of the item and carries a stored file the submitter may use (their own upload,
/// a public file, or any file for staff) or a licence id, which must be the applicant's, valid, and
/// of a type the item accepts for that material.
/// </summary>
internal sealed class CaseMaterials(FileStore files, ILicenseLibrary licenses, ICurrentUser user)
{
    /// <summary>
    /// Stores the files a page posted as <c>file.&lt;materialCode&gt;</c> and returns material inputs for them,
    /// together with files kept from an earlier attempt (<c>kept.&lt;materialCode&gt;</c>), so a form sent
    /// back with errors does not make anyone choose their files again.
    /// </summary>
    public async Task<List<MaterialInput>> UploadAsync(IFormCollection form, string regionCode, FieldErrors errors, CancellationToken ct)
    {
        var result = new Dictionary<string, MaterialInput>();
        foreach (var (key, value) in form.Where(kv => kv.Key.StartsWith("kept.", StringComparison.Ordinal)))
        {
            if (Guid.TryParse(value, out var id))
            {
                result[key[5..]] = new MaterialInput(key[5..], id, null);
            }
        }

        foreach (var file in form.Files.Where(f => f.Name.StartsWith("file.", StringComparison.Ordinal) && f.Length > 0))
        {
            var code = file.Name[5..];
            await using var stream = file.OpenReadStream();
            var saved = await files.SaveAsync(stream, file.FileName, user.UserId!, regionCode, isPublic: false, ct);
            if (saved.IsSuccess)
            {
                result[code] = new MaterialInput(code, saved.Value!.FileId, null);
            }
            else
            {
                errors.Add("materials." + code, saved.Error!.Title);
            }
        }

        return [.. result.Values];
    }

    public Task<List<SubmittedMaterial>> CheckAsync(
        IReadOnlyList<MaterialInput?>? given, PublishedItem? item, string applicantCode, FieldErrors errors, CancellationToken ct) =>
        CheckAsync(given, item?.MaterialCodes ?? new HashSet<string>(), item?.LicenseMaterials ?? new Dictionary<string, string>(), applicantCode, errors, ct);

    /// <summary>The same check against any material list (a bundle's merged one): <paramref name="known"/> codes, <paramref name="capable"/> code → licence type.</summary>
    public async Task<List<SubmittedMaterial>> CheckAsync(
        IReadOnlyList<MaterialInput?>? given, IReadOnlySet<string> known, IReadOnlyDictionary<string, string> capable, string applicantCode, FieldErrors errors, CancellationToken ct)
    {
        given ??= [];
        var result = new List<SubmittedMaterial>();
        var found = await files.FindAsync(given.Where(m => m?.FileId is not null).Select(m => m!.FileId!.Value), ct);
        for (var i = 0; i < given.Count; i++)
        {
            var m = given[i];
            if (m?.MaterialCode is null || !known.Contains(m.MaterialCode))
            {
                errors.Add($"materials[{i}].materialCode", "本事项没有这项材料");
                continue;
            }

            if (m.FileId is { } id)
            {
                if (!found.TryGetValue(id, out var file) || (!file.Public && file.UploadedBy != user.UserId && !user.IsStaff))
                {
                    errors.Add($"materials[{i}].fileId", "文件不存在或无权使用，请重新上传");
                    continue;
                }
            }
            else if (string.IsNullOrWhiteSpace(m.LicenseId))
            {
                errors.Add($"materials[{i}]", "请上传文件或选择证照");
                continue;
            }

            result.Add(new SubmittedMaterial(m.MaterialCode, m.FileId, m.FileId is null ? m.LicenseId!.Trim() : null));
        }

        await CheckNamedLicencesAsync(result, capable, applicantCode, errors, ct);
        return result;
    }

    private async Task CheckNamedLicencesAsync(
        List<SubmittedMaterial> materials, IReadOnlyDictionary<string, string> capable, string applicantCode, FieldErrors errors, CancellationToken ct)
    {
        var named = materials.Where(m => m.LicenseId is not null).ToList();
        if (named.Count == 0)
        {
            return;
        }

        var held = applicantCode.Length == 0 ? [] : await licenses.ValidAsync(applicantCode, [.. capable.Values.Distinct()], ct);
        foreach (var m in named)
        {
            // A malformed identifier is said plainly; a wrong check character is only mentioned.
            var problem = ILicenseLibrary.IdentifierProblem(m.LicenseId!, out var warningOnly);
            if (problem is not null && !warningOnly)
            {
                errors.Add("materials." + m.MaterialCode, problem);
            }
            else if (!capable.TryGetValue(m.MaterialCode, out var type) || !held.Any(h => h.LicenseNumber == m.LicenseId && h.TypeCode == type))
            {
                errors.Add("materials." + m.MaterialCode, "所选电子证照不属于申请人、已失效，或不能作为这项材料" + (problem is null ? "" : $"（另：{problem}）"));
            }
        }
    }
}
