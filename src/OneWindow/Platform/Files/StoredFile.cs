using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Platform.Files;

/// <summary>An uploaded document: its name and who may read it. The bytes live once per content hash.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    public string Sha256 { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>Public files (blank forms, samples) may be downloaded by anyone; others by their uploader and staff.</summary>
    public bool Public { get; set; }

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }

    public string RegionCode { get; set; } = "";
}

/// <summary>Content-addressed bytes: the same document uploaded twice is stored once.</summary>
public sealed class FileContent
{
    public string Sha256 { get; set; } = "";

    public byte[] Bytes { get; set; } = [];
}

internal sealed class FileConfiguration : IEntityTypeConfiguration<StoredFile>, IEntityTypeConfiguration<FileContent>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.UploadedBy).HasMaxLength(64);
        b.Property(f => f.RegionCode).HasMaxLength(12);
        b.HasIndex(f => f.Sha256);
    }

    public void Configure(EntityTypeBuilder<FileContent> b)
    {
        b.ToTable("file_contents");
        b.HasKey(f => f.Sha256);
        b.Property(f => f.Sha256).HasMaxLength(64);
    }
}
