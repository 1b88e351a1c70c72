using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Inspections.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Inspections.Data;

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("inspections");
        b.HasKey(i => i.Id);
        b.Property(i => i.CaseNumber).HasMaxLength(40);
        b.Property(i => i.ItemCode).HasMaxLength(40);
        b.Property(i => i.ItemName).HasMaxLength(200);
        b.Property(i => i.DepartmentCode).HasMaxLength(30);
        b.Property(i => i.RegionCode).HasMaxLength(12);
        b.Property(i => i.ApplicantUserId).HasMaxLength(64);
        b.Property(i => i.ApplicantName).HasMaxLength(100);
        b.Property(i => i.SiteAddress).HasMaxLength(200);
        b.Property(i => i.VideoLink).HasMaxLength(500);
        b.Property(i => i.Findings).HasMaxLength(2000);
        b.Property(i => i.OpenedByName).HasMaxLength(100);
        b.Property(i => i.ConcludedByName).HasMaxLength(100);
        b.Property(i => i.ReportNumber).HasMaxLength(40);
        b.Property(i => i.AttachmentIds).HasMaxLength(4000);
        b.Property(i => i.Site).HasColumnName("site_json").HasJsonConversion(JsonColumns.Options, () => new GeoPoint(0, 0));
        b.Property(i => i.Locations).HasColumnName("locations_json").HasJsonConversion(JsonColumns.Options, () => new List<LiveLocation>());
        b.Property(i => i.Photos).HasColumnName("photos_json").HasJsonConversion(JsonColumns.Options, () => new List<SitePhoto>());
        b.Property(i => i.ChecklistPoints).HasColumnName("checklist_points_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        b.Property(i => i.Checklist).HasColumnName("checklist_json").HasJsonConversion(JsonColumns.Options, () => new List<ChecklistResult>());
        b.HasIndex(i => i.CaseId);
        b.HasIndex(i => i.ReportNumber).IsUnique();
        b.HasIndex(i => new { i.DepartmentCode, i.Status, i.OpenedAt });
    }
}
