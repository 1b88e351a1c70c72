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

        // The name ends in what the content is (evil.exe holding a PDF is stored as evil.pdf).
        var extension = Signatures.First(s => s.Type == type).Extension;
        if (!name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            name = Path.GetFileNameWithoutExtension(name) is { Length: > 0 } stem ? stem + extension : "file" + extension;
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

    /// <summary>How many files one look-up asks for: a submission's materials are usually fewer.</summary>
    private const int PerLookup = 8;

    // Every submission asks for its materials' files: translated once, not per request. The ids are eight
    // scalar parameters (the missing ones repeat the first), not a list: EF expands a list parameter into
    // SQL again on every execution, even in a compiled query, and that was most of this look-up's cost.
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, Guid, Guid, Guid, Guid, Guid, Guid, Guid, IAsyncEnumerable<StoredFile>>> ByIds =
        new(() => EF.CompileAsyncQuery((AppDbContext c, Guid a, Guid b, Guid d, Guid e, Guid f, Guid g, Guid h, Guid i) =>
            c.Set<StoredFile>().AsNoTracking().Where(s => s.Id == a || s.Id == b || s.Id == d || s.Id == e || s.Id == f || s.Id == g || s.Id == h || s.Id == i)));

    public async Task<IReadOnlyDictionary<Guid, StoredFile>> FindAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new Dictionary<Guid, StoredFile>();
        var query = ByIds.For(db);
        foreach (var chunk in ids.Distinct().Chunk(PerLookup))
        {
            Guid At(int k) => chunk[k < chunk.Length ? k : 0];
            await foreach (var file in query(db, At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7)).WithCancellation(ct))
            {
                found[file.Id] = file;
            }
        }

        return found;
    }
}
