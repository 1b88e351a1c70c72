using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Sites.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Sites.Data;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("sites");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.Address).HasMaxLength(200);
        b.Property(s => s.Phone).HasMaxLength(30);
        b.Property(s => s.TerminalNote).HasMaxLength(200);
        b.Property(s => s.Hours).HasColumnName("hours_json").HasJsonConversion(JsonColumns.Options, () => new Dictionary<int, string>());
        b.Property(s => s.Items).HasColumnName("items_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        b.HasIndex(s => new { s.RegionCode, s.Kind });
    }
}
