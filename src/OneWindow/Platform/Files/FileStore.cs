using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Files;

public sealed record FileInfoResponse(Guid FileId, string Sha256, long Size, string ContentType, string FileName);

/// <summary>
/// Stores documents in the database (so every instance sees them), content-addressed by SHA-256.
/// The type is decided by the bytes, not by what the client claims; names are sanitised.
/// </summary>
public sealed class FileStore(AppDbContext db, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Allowed types, recognised by their leading bytes.</summary>
    private static readonly (string Type, string Extension, byte[] Magic)[] Signatures =
    [
        ("application/pdf", ".pdf", "%PDF-"u8.ToArray()),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", [0x50, 0x4B, 0x03, 0x04]),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", [0x50, 0x4B, 0x03, 0x04]),
    ];

    public static string? Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var (type, ext, magic) in Signatures)
        {
            if (head.StartsWith(magic) && (magic[0] != 0x50 || ext == extension))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Keeps letters (including Chinese), digits and . _ - ( ) （）; everything else becomes _ .</summary>
    public static string SanitiseName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var sb = new StringBuilder();
        foreach (var c in file)
        {
            sb.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '(' or ')' or '（' or '）' ? c : '_');
        }

        var clean = sb.ToString().Trim('.', '_');
        if (clean.Length == 0)
        {
            clean = "file";
        }

        return clean.Length > 120 ? clean[^120..] : clean;
    }

    public async Task<Result<FileInfoResponse>> SaveAsync(Stream content, string? fileName, string uploadedBy, string regionCode, bool isPublic, CancellationToken ct, Guid? id = null)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            return Error.Field("file", "文件为空");
        }

        if (buffer.Length > MaxBytes)
        {
            return Error.Field("file", $"文件不能超过 {MaxBytes / 1024 / 1024} MB");
        }

        var bytes = buffer.ToArray();
        var name = SanitiseName(fileName);
        var type = Sniff(bytes, name);
        if (type is null)
        {
            return Error.Field("file", "只接受 PDF、PNG、JPG、DOCX、XLSX 文件");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!await db.Set<FileContent>().AnyAsync(c => c.Sha256 == sha, ct))
        {
            db.Add(new FileContent { Sha256 = sha, Bytes = bytes });
        }

        var file = new StoredFile
        {
            Id = id ?? Guid.CreateVersion7(clock.GetUtcNow()), Sha256 = sha, FileName = name, ContentType = type, Size = bytes.Length,
            Public = isPublic, UploadedBy = uploadedBy, UploadedAt = clock.Now(), RegionCode = regionCode,
        };
        db.Add(file);
        await db.SaveChangesAsync(ct);
        return new FileInfoResponse(file.Id, sha, file.Size, type, name);
    }

    public async Task<(StoredFile File, byte[] Bytes)?> ReadAsync(Guid id, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return null;
        }

        var bytes = await db.Set<FileContent>().AsNoTracking().Where(c => c.Sha256 == file.Sha256).Select(c => c.Bytes).SingleAsync(ct);
        return (file, bytes);
    }

    // Every submission asks for its materials' files: translated once, not per request.
    private static readonly CompiledPerModel<Func<AppDbContext, List<Guid>, IAsyncEnumerable<StoredFile>>> ByIds =
        new(() => EF.CompileAsyncQuery((AppDbContext c, List<Guid> ids) => c.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id))));

    public async Task<IReadOnlyDictionary<Guid, StoredFile>> FindAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new Dictionary<Guid, StoredFile>();
        await foreach (var file in ByIds.For(db)(db, [.. ids.Distinct()]).WithCancellation(ct))
        {
            found[file.Id] = file;
        }

        return found;
    }
}
