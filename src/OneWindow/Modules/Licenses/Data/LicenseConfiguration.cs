using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Licenses.Data;

internal sealed class LicenseConfiguration : IEntityTypeConfiguration<License>, IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<License> b)
    {
        b.ToTable("licenses");
        b.HasKey(l => l.Id);
        b.Property(l => l.LicenseNumber).HasMaxLength(120);
        b.Property(l => l.TypeCode).HasMaxLength(60);
        b.Property(l => l.TypeName).HasMaxLength(60);
        b.Property(l => l.IssuerDepartment).HasMaxLength(30);
        b.Property(l => l.IssuerName).HasMaxLength(100);
        b.Property(l => l.DecidedBy).HasMaxLength(100);
        b.Property(l => l.RegionCode).HasMaxLength(12);
        b.Property(l => l.HolderKind).HasMaxLength(20);
        b.Property(l => l.HolderName).HasMaxLength(100);
        b.Property(l => l.HolderCode).HasMaxLength(18);
        b.Property(l => l.HolderUserId).HasMaxLength(64);
        b.Property(l => l.Kid).HasMaxLength(16);
        b.Property(l => l.QrPayload).HasMaxLength(4000);
        b.Property(l => l.StatusReason).HasMaxLength(500);
        b.Property(l => l.Fields).HasColumnName("fields_json").HasJsonConversion(JsonColumns.Options, () => new Dictionary<string, string>());
        b.HasIndex(l => l.LicenseNumber).IsUnique();
        b.HasIndex(l => l.HolderCode);
        b.HasIndex(l => l.HolderUserId);
        b.HasIndex(l => l.CaseId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("signing_keys");
        b.HasKey(k => k.Kid);
        b.Property(k => k.Kid).HasMaxLength(16);
        b.Property(k => k.DepartmentCode).HasMaxLength(30);
        b.HasIndex(k => k.DepartmentCode);
    }
}
