using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Delivery.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Delivery.Data;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Shipment>, IEntityTypeConfiguration<Pickup>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.ToTable("shipments");
        b.HasKey(s => s.Id);
        b.Property(s => s.WaybillNumber).HasMaxLength(20);
        b.Property(s => s.Carrier).HasMaxLength(20);
        b.Property(s => s.CaseNumber).HasMaxLength(40);
        b.Property(s => s.ItemName).HasMaxLength(200);
        b.Property(s => s.FromRegion).HasMaxLength(12);
        b.Property(s => s.ApplicantUserId).HasMaxLength(64);
        b.Property(s => s.Recipient).HasMaxLength(40);
        b.Property(s => s.Mobile).HasMaxLength(20);
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.AddressLine).HasMaxLength(200);
        b.Property(s => s.Fee).HasPrecision(10, 2);
        b.Property(s => s.Items).HasColumnName("items_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        b.Property(s => s.Scans).HasColumnName("scans_json").HasJsonConversion(JsonColumns.Options, () => new List<ShipmentScan>());
        b.HasIndex(s => s.WaybillNumber).IsUnique();
        b.HasIndex(s => s.SourceMessageId).IsUnique();
        b.HasIndex(s => s.CaseId);
        b.HasIndex(s => new { s.Carrier, s.Status, s.CreatedAt });
        b.HasIndex(s => new { s.Carrier, s.FinishedAt });
    }

    public void Configure(EntityTypeBuilder<Pickup> b)
    {
        b.ToTable("doorstep_pickups");
        b.HasKey(p => p.Id);
        b.Property(p => p.Number).HasMaxLength(30);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.ItemCode).HasMaxLength(40);
        b.Property(p => p.ItemName).HasMaxLength(200);
        b.Property(p => p.ApplicantName).HasMaxLength(100);
        b.Property(p => p.ApplicantMobile).HasMaxLength(20);
        b.Property(p => p.BookedByUserId).HasMaxLength(64);
        b.Property(p => p.BookedVia).HasMaxLength(10);
        b.Property(p => p.AddressRegion).HasMaxLength(12);
        b.Property(p => p.AddressLine).HasMaxLength(200);
        b.Property(p => p.Slot).HasMaxLength(4);
        b.Property(p => p.Note).HasMaxLength(500);
        b.Property(p => p.AgentUserId).HasMaxLength(64);
        b.Property(p => p.AgentName).HasMaxLength(100);
        b.Property(p => p.AgentOrganisation).HasMaxLength(30);
        b.Property(p => p.CaseNumber).HasMaxLength(40);
        b.Property(p => p.Materials).HasColumnName("materials_json").HasJsonConversion(JsonColumns.Options, () => new Dictionary<string, string>());
        b.Property(p => p.Checks).HasColumnName("checks_json").HasJsonConversion(JsonColumns.Options, () => new List<DoorCheck>());
        b.HasIndex(p => p.Number).IsUnique();
        b.HasIndex(p => new { p.Status, p.Day });
        b.HasIndex(p => p.BookedByUserId);
    }
}
