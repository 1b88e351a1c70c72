using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>, IEntityTypeConfiguration<CaseNumberCounter>, IEntityTypeConfiguration<CaseNotice>
{
    public void Configure(EntityTypeBuilder<CaseNotice> b)
    {
        b.ToTable("case_notices");
        b.HasKey(n => n.Id);
        b.Property(n => n.RegionCode).HasMaxLength(12);
        b.Property(n => n.Kind).HasMaxLength(20);
        b.Property(n => n.Title).HasMaxLength(40);
        b.Property(n => n.DocumentNumber).HasMaxLength(60);
        b.Property(n => n.CaseNumber).HasMaxLength(40);
        b.Property(n => n.ItemName).HasMaxLength(100);
        b.Property(n => n.ApplicantName).HasMaxLength(100);
        b.Property(n => n.IssuerDepartment).HasMaxLength(30);
        b.Property(n => n.IssuerName).HasMaxLength(100);
        b.Property(n => n.Paragraphs).HasColumnName("paragraphs_json").HasJsonConversion(Json, () => new List<string>());
        b.HasIndex(n => n.CaseId);
        b.HasIndex(n => n.DocumentNumber).IsUnique();
        b.HasIndex(n => n.SourceMessageId).IsUnique();
    }

    private static readonly JsonSerializerOptions Json = JsonColumns.Options;

    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(40);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.ItemCode).HasMaxLength(40);
        b.Property(c => c.ItemName).HasMaxLength(100);
        b.Property(c => c.DepartmentCode).HasMaxLength(30);
        b.Property(c => c.ApplicantKind).HasMaxLength(20);
        b.Property(c => c.ApplicantName).HasMaxLength(100);
        b.Property(c => c.ApplicantCode).HasMaxLength(18);
        b.Property(c => c.ApplicantMobile).HasMaxLength(20);
        b.Property(c => c.ApplicantUserId).HasMaxLength(64);
        b.Property(c => c.SubmittedById).HasMaxLength(64);
        b.Property(c => c.IdempotencyKey).HasMaxLength(100);
        b.Property(c => c.ReviewOpinion).HasMaxLength(2000);
        b.Property(c => c.DecisionOpinion).HasMaxLength(2000);
        b.Property(c => c.DeclineReason).HasMaxLength(2000);
        b.Property(c => c.WithdrawReason).HasMaxLength(2000);
        b.Property(c => c.Outcome).HasMaxLength(40);
        b.Property(c => c.Form).HasColumnName("form_json").HasJsonConversion(Json, () => new Dictionary<string, string[]>());
        b.Property(c => c.Materials).HasColumnName("materials_json").HasJsonConversion(Json, () => new List<SubmittedMaterial>());
        b.Property(c => c.Pauses).HasColumnName("pauses_json").HasJsonConversion(Json, () => new List<PausedPeriod>());
        b.Property(c => c.Deficiencies).HasColumnName("deficiencies_json").HasJsonConversion(Json, () => new List<DeficiencyItem>());
        b.Property(c => c.Pledge).HasColumnName("pledge_json").HasNullableJsonConversion(Json);
        b.Property(c => c.Decision).HasColumnName("decision_json").HasNullableJsonConversion(Json);
        b.Property(c => c.PostTo).HasColumnName("post_to_json").HasNullableJsonConversion(Json);
        b.Property(c => c.AcceptingRegion).HasMaxLength(12);
        b.HasIndex(c => new { c.AcceptingRegion, c.Status }).HasFilter("accepting_region IS NOT NULL");
        b.Property(c => c.DeferredMaterials).HasColumnName("deferred_materials_json").HasJsonConversion(Json, () => new List<string>());
        b.Property(c => c.ProvidedWithinBundle).HasColumnName("provided_within_bundle_json").HasJsonConversion(Json, () => new List<string>());
        b.Property(c => c.GrantAwaitsLicense).HasColumnName("grant_awaits_license_json").HasJsonConversion(Json, () => new List<string>());
        b.Property(c => c.Procedures).HasColumnName("procedures_json").HasJsonConversion(Json, () => new List<SpecialProcedure>());
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => c.BundleApplicationId);
        b.HasIndex(c => new { c.SubmittedById, c.IdempotencyKey }).IsUnique();
        b.HasIndex(c => new { c.DepartmentCode, c.Status });
        b.HasIndex(c => new { c.RegionCode, c.Status });
        b.HasIndex(c => c.ApplicantUserId);
        b.HasIndex(c => new { c.Status, c.DueDate });
        b.HasIndex(c => c.CompletedOn);
        b.HasIndex(c => c.AcceptedOn);
    }

    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.ToTable("case_number_counters");
        b.HasKey(c => new { c.RegionCode, c.Day });
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.Day).HasMaxLength(8);
    }
}
