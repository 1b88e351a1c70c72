using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Organisation.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Organisation.Data;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("agreements");
        b.HasKey(a => a.Id);
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.Scope).HasMaxLength(10);
        b.Property(a => a.RegionA).HasMaxLength(12);
        b.Property(a => a.RegionAName).HasMaxLength(50);
        b.Property(a => a.RegionB).HasMaxLength(12);
        b.Property(a => a.RegionBName).HasMaxLength(50);
        b.Property(a => a.ItemCodes).HasColumnName("item_codes_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        b.HasIndex(a => new { a.RegionA, a.RegionB });
    }
}
