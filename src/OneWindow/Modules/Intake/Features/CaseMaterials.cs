using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Files;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// Checks materials handed in with a submission, a supplement (补正) or a kept pledge (容缺补齐): each
/// names a material of the item and carries a stored file the submitter may use (their own upload,
/// a public file, or any file for staff) or a licence id.
/// </summary>
public sealed class CaseMaterials(FileStore files, ICurrentUser user)
{
    public async Task<List<SubmittedMaterial>> CheckAsync(IReadOnlyList<MaterialInput?>? given, IReadOnlySet<string> known, FieldErrors errors, CancellationToken ct)
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

            result.Add(new SubmittedMaterial(m.MaterialCode, m.FileId, m.LicenseId));
        }

        return result;
    }
}
