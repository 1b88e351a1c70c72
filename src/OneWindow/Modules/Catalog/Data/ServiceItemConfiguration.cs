using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Catalog.Data;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    /// <summary>Materials and form are stored as JSON text: they belong to one immutable version and are read whole.</summary>
    internal static readonly JsonSerializerOptions Json = JsonColumns.Options;

    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.ToTable("service_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.DepartmentCode).HasMaxLength(30);
        b.Property(i => i.RegionCode).HasMaxLength(12);
        b.Property(i => i.Fee).HasMaxLength(500);
        b.Property(i => i.LegalBasis).HasMaxLength(2000);
        b.Property(i => i.Conditions).HasMaxLength(2000);
        b.Property(i => i.LicenseType).HasMaxLength(40);
        b.Property(i => i.SupervisingDepartmentCode).HasMaxLength(30);
        b.Property(i => i.DutySplit).HasMaxLength(2000);
        b.Property(i => i.LifeEvents).HasMaxLength(200);
        b.Property(i => i.Keywords).HasMaxLength(200);
        b.Property(i => i.Location).HasMaxLength(200);
        b.Property(i => i.Phone).HasMaxLength(30);
        b.Property(i => i.UpdatedBy).HasMaxLength(100);
        b.Ignore(i => i.Steps);
        b.Property(i => i.Materials).HasColumnName("materials_json").HasJsonConversion(Json, () => new List<Material>());
        b.Property(i => i.InstantRules).HasColumnName("instant_rules_json").HasJsonConversion(Json, () => new List<InstantRule>());
        b.Property(i => i.Form).HasColumnName("form_json").HasJsonConversion(Json, () => new FormSchema());
        b.HasIndex(i => new { i.Code, i.ItemVersion }).IsUnique();
        b.HasIndex(i => new { i.IsCurrent, i.DepartmentCode });
        b.HasIndex(i => new { i.RegionCode, i.IsCurrent });
    }
}
