using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;

namespace OneWindow.Modules.Catalog.Data;

internal sealed class CatalogImportJobConfiguration : IEntityTypeConfiguration<CatalogImportJob>
{
    public void Configure(EntityTypeBuilder<CatalogImportJob> b)
    {
        b.ToTable("catalog_import_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.RegionCode).HasMaxLength(12);
        b.Property(j => j.FileName).HasMaxLength(200);
        b.Property(j => j.RequestedById).HasMaxLength(64);
        b.Property(j => j.RequestedByName).HasMaxLength(100);
        b.Property(j => j.RequestedByRoles).HasMaxLength(200);
        b.Property(j => j.RequestedByDepartment).HasMaxLength(30);
        b.Property(j => j.Error).HasMaxLength(2000);
        b.HasIndex(j => j.CreatedAt);
    }
}
