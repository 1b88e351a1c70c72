using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Data;

internal sealed class BundleConfiguration : IEntityTypeConfiguration<Bundle>, IEntityTypeConfiguration<BundleApplication>
{
    private static readonly JsonSerializerOptions Json = JsonColumns.Options;

    public void Configure(EntityTypeBuilder<Bundle> b)
    {
        b.ToTable("bundles");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.LeadDepartment).HasMaxLength(30);
        b.Property(x => x.ItemCodes).HasColumnName("item_codes_json").HasJsonConversion(Json, () => new List<string>());
        b.Property(x => x.Resolutions).HasColumnName("resolutions_json").HasJsonConversion(Json, () => new Dictionary<string, string>());
    }

    public void Configure(EntityTypeBuilder<BundleApplication> b)
    {
        b.ToTable("bundle_applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.BundleCode).HasMaxLength(40);
        b.Property(x => x.BundleName).HasMaxLength(100);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.LeadDepartment).HasMaxLength(30);
        b.Property(x => x.ApplicantKind).HasMaxLength(20);
        b.Property(x => x.ApplicantName).HasMaxLength(100);
        b.Property(x => x.ApplicantCode).HasMaxLength(18);
        b.Property(x => x.ApplicantMobile).HasMaxLength(20);
        b.Property(x => x.ApplicantUserId).HasMaxLength(64);
        b.Property(x => x.SubmittedById).HasMaxLength(64);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Property(x => x.StopReason).HasMaxLength(200);
        b.Property(x => x.HelperUserId).HasMaxLength(64);
        b.Property(x => x.HelperName).HasMaxLength(100);
        b.Property(x => x.Form).HasColumnName("form_json").HasJsonConversion(Json, () => new Dictionary<string, string[]>());
        b.Property(x => x.Materials).HasColumnName("materials_json").HasJsonConversion(Json, () => new List<SubmittedMaterial>());
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.SubmittedById, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => x.ApplicantUserId);
        b.HasIndex(x => x.HelperUserId);
        b.HasIndex(x => new { x.RegionCode, x.SubmittedAt });
    }
}
