namespace OneWindow.Platform.Files;

/// <summary>
/// Who may read an uploaded file beyond its uploader: each module that attaches files to its records says whether the
/// current user may see one of those records (a case's materials follow the case's rules, a joint review's attachments
/// the project's). A file no module vouches for is its uploader's alone. Public files (blank forms, samples) are anyone's.
/// </summary>
public interface IFileAccess
{
    Task<bool> MaySeeAsync(Guid fileId, CancellationToken ct);
}
