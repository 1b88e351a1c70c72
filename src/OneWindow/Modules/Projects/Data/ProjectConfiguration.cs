using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Projects.Data;

internal sealed class ProjectConfiguration :
    IEntityTypeConfiguration<ConstructionProject>, IEntityTypeConfiguration<ProjectStage>, IEntityTypeConfiguration<JointReview>, IEntityTypeConfiguration<Expert>, IEntityTypeConfiguration<ExpertDraw>
{
    private static readonly JsonSerializerOptions Json = JsonColumns.Options;

    public void Configure(EntityTypeBuilder<ConstructionProject> b)
    {
        b.ToTable("projects");
        b.HasKey(p => p.Id);
        b.Property(p => p.Code).HasMaxLength(30);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.OwnerName).HasMaxLength(100);
        b.Property(p => p.OwnerCode).HasMaxLength(18);
        b.Property(p => p.OwnerMobile).HasMaxLength(20);
        b.Property(p => p.Location).HasMaxLength(200);
        b.Property(p => p.Investment).HasPrecision(14, 2);
        b.Property(p => p.FloorArea).HasPrecision(14, 2);
        b.Property(p => p.StewardUserId).HasMaxLength(64);
        b.Property(p => p.StewardName).HasMaxLength(100);
        b.Property(p => p.CreatedBy).HasMaxLength(64);
        b.HasIndex(p => p.Code).IsUnique();
        b.HasIndex(p => p.StewardUserId);
    }

    public void Configure(EntityTypeBuilder<ProjectStage> b)
    {
        b.ToTable("project_stages");
        b.HasKey(s => new { s.ProjectId, s.Number });
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.Name).HasMaxLength(50);
        b.Property(s => s.BundleCode).HasMaxLength(40);
        b.HasIndex(s => s.ApplicationId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<JointReview> b)
    {
        b.ToTable("joint_reviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(200);
        b.Property(r => r.Conclusion).HasMaxLength(2000);
        b.Property(r => r.CreatedBy).HasMaxLength(64);
        b.Property(r => r.CaseIds).HasColumnName("case_ids_json").HasJsonConversion(Json, () => new List<Guid>());
        b.Property(r => r.Departments).HasColumnName("departments_json").HasJsonConversion(Json, () => new List<string>());
        b.Property(r => r.Opinions).HasColumnName("opinions_json").HasJsonConversion(Json, () => new List<ReviewOpinion>());
        b.Property(r => r.FileIds).HasColumnName("file_ids_json").HasJsonConversion(Json, () => new List<Guid>());
        b.Property(r => r.ExpertIds).HasColumnName("expert_ids_json").HasJsonConversion(Json, () => new List<Guid>());
        b.HasIndex(r => r.ProjectId);
    }

    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("experts");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Field).HasMaxLength(20);
        b.Property(e => e.Title).HasMaxLength(50);
        b.Property(e => e.EmployerName).HasMaxLength(100);
        b.Property(e => e.EmployerCode).HasMaxLength(18);
        b.Property(e => e.Involvements).HasColumnName("involvements_json").HasJsonConversion(Json, () => new List<string>());
        b.HasIndex(e => new { e.Field, e.Active });
    }

    public void Configure(EntityTypeBuilder<ExpertDraw> b)
    {
        b.ToTable("expert_draws");
        b.HasKey(d => d.Id);
        b.Property(d => d.RegionCode).HasMaxLength(12);
        b.Property(d => d.Field).HasMaxLength(20);
        b.Property(d => d.Seed).HasMaxLength(64);
        b.Property(d => d.DrawnBy).HasMaxLength(100);
        b.Property(d => d.Eligible).HasColumnName("eligible_json").HasJsonConversion(Json, () => new List<Guid>());
        b.Property(d => d.Recused).HasColumnName("recused_json").HasJsonConversion(Json, () => new List<RecusedExpert>());
        b.Property(d => d.Drawn).HasColumnName("drawn_json").HasJsonConversion(Json, () => new List<Guid>());
        b.HasIndex(d => d.ReviewId);
    }
}
