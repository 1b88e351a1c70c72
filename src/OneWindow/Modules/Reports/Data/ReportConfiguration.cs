using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Reports.Domain;

namespace OneWindow.Modules.Reports.Data;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<DailyFigures>
{
    public void Configure(EntityTypeBuilder<DailyFigures> b)
    {
        b.ToTable("report_daily");
        b.HasKey(f => new { f.Day, f.RegionCode, f.DepartmentCode, f.ItemCode });
        b.Property(f => f.RegionCode).HasMaxLength(12);
        b.Property(f => f.DepartmentCode).HasMaxLength(30);
        b.Property(f => f.ItemCode).HasMaxLength(40);
        b.HasIndex(f => new { f.DepartmentCode, f.Day });
    }
}
