using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Organisation.Domain;

namespace OneWindow.Modules.Organisation.Data;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("departments");
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(30);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.ShortName).HasMaxLength(30);
        b.Property(d => d.RegionCode).HasMaxLength(12);
        b.Property(d => d.Description).HasMaxLength(500);
        b.Property(d => d.Address).HasMaxLength(200);
        b.Property(d => d.Phone).HasMaxLength(30);
        b.HasIndex(d => new { d.RegionCode, d.SortOrder });
    }
}
