using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Marketplace.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Marketplace.Data;

internal sealed class MarketplaceConfiguration : IEntityTypeConfiguration<Intermediary>, IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Intermediary> b)
    {
        b.ToTable("intermediaries");
        b.HasKey(i => i.Id);
        b.Property(i => i.OwnerUserId).HasMaxLength(64);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.Uscc).HasMaxLength(18);
        b.Property(i => i.PriceRange).HasMaxLength(100);
        b.Property(i => i.ContactName).HasMaxLength(40);
        b.Property(i => i.ContactMobile).HasMaxLength(20);
        b.Property(i => i.StatusReason).HasMaxLength(300);
        b.Property(i => i.RatingSum).HasPrecision(12, 2);
        b.Property(i => i.ServiceTypes).HasColumnName("service_types_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        b.Property(i => i.Qualifications).HasColumnName("qualifications_json").HasJsonConversion(JsonColumns.Options, () => new List<Qualification>());
        b.Property(i => i.ServiceArea).HasColumnName("service_area_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        b.Property(i => i.Breaches).HasColumnName("breaches_json").HasJsonConversion(JsonColumns.Options, () => new List<Breach>());
        b.Ignore(i => i.Score);
        b.HasIndex(i => i.Uscc).IsUnique();
        b.HasIndex(i => i.OwnerUserId);
        b.HasIndex(i => i.Status);
    }

    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.ToTable("purchases");
        b.HasKey(p => p.Id);
        b.Property(p => p.Number).HasMaxLength(30);
        b.Property(p => p.BuyerKind).HasMaxLength(20);
        b.Property(p => p.BuyerName).HasMaxLength(100);
        b.Property(p => p.BuyerCode).HasMaxLength(64);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.ProjectCode).HasMaxLength(40);
        b.Property(p => p.ServiceType).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Scope).HasMaxLength(2000);
        b.Property(p => p.Budget).HasPrecision(14, 2);
        b.Property(p => p.Qualification).HasMaxLength(40);
        b.Property(p => p.QualificationLevel).HasMaxLength(10);
        b.Property(p => p.SeedCommitment).HasMaxLength(64);
        b.Property(p => p.Seed).HasMaxLength(64);
        b.Property(p => p.WinnerName).HasMaxLength(100);
        b.Property(p => p.WinningPrice).HasPrecision(14, 2);
        b.Property(p => p.DirectReason).HasMaxLength(500);
        b.Property(p => p.ContractAmount).HasPrecision(14, 2);
        b.Property(p => p.DeliveryNote).HasMaxLength(1000);
        b.Property(p => p.CreatedByName).HasMaxLength(100);
        b.Property(p => p.SignUps).HasColumnName("sign_ups_json").HasJsonConversion(JsonColumns.Options, () => new List<SignUp>());
        b.Property(p => p.Ranking).HasColumnName("ranking_json").HasJsonConversion(JsonColumns.Options, () => new List<Ranked>());
        b.Property(p => p.Excluded).HasColumnName("excluded_json").HasJsonConversion(JsonColumns.Options, () => new Dictionary<string, string>());
        b.Property(p => p.Objections).HasColumnName("objections_json").HasJsonConversion(JsonColumns.Options, () => new List<Objection>());
        b.Property(p => p.Rating).HasColumnName("rating_json").HasNullableJsonConversion(JsonColumns.Options);
        b.Ignore(p => p.OnTime);
        b.HasIndex(p => p.Number).IsUnique();
        b.HasIndex(p => new { p.Status, p.CreatedAt });
        b.HasIndex(p => new { p.BuyerCode, p.CreatedAt });
        b.HasIndex(p => p.WinnerId);
    }
}
