using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Supervision.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Supervision.Data;

internal sealed class SupervisionConfiguration :
    IEntityTypeConfiguration<SupervisionItem>, IEntityTypeConfiguration<TradeBan>, IEntityTypeConfiguration<PostCheck>, IEntityTypeConfiguration<CreditMark>
{
    public void Configure(EntityTypeBuilder<SupervisionItem> b)
    {
        b.ToTable("supervision_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.CaseNumber).HasMaxLength(40);
        b.Property(i => i.ItemCode).HasMaxLength(40);
        b.Property(i => i.ItemName).HasMaxLength(200);
        b.Property(i => i.LicenseType).HasMaxLength(40);
        b.Property(i => i.ApprovingDepartment).HasMaxLength(30);
        b.Property(i => i.SupervisingDepartment).HasMaxLength(30);
        b.Property(i => i.RegionCode).HasMaxLength(12);
        b.Property(i => i.HolderKind).HasMaxLength(20);
        b.Property(i => i.HolderName).HasMaxLength(100);
        b.Property(i => i.HolderCode).HasMaxLength(18);
        b.Property(i => i.LicenseNumber).HasMaxLength(60);
        b.Property(i => i.ClaimedByName).HasMaxLength(100);
        b.Property(i => i.Facts).HasColumnName("facts_json").HasJsonConversion(JsonColumns.Options, () => new Dictionary<string, string>());
        b.Property(i => i.Feedback).HasColumnName("feedback_json").HasJsonConversion(JsonColumns.Options, () => new List<SupervisionFeedback>());
        b.HasIndex(i => i.SourceMessageId).IsUnique();
        b.HasIndex(i => new { i.SupervisingDepartment, i.Status, i.PushedAt });
        b.HasIndex(i => new { i.Status, i.ClaimBy });
        b.HasIndex(i => i.CaseId);
    }

    public void Configure(EntityTypeBuilder<TradeBan> b)
    {
        b.ToTable("trade_bans");
        b.HasKey(x => x.Id);
        b.Property(x => x.HolderCode).HasMaxLength(18);
        b.Property(x => x.HolderName).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.DepartmentCode).HasMaxLength(30);
        b.Property(x => x.DepartmentName).HasMaxLength(100);
        b.Property(x => x.SourceCaseNumber).HasMaxLength(40);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.Property(x => x.ItemKinds).HasColumnName("item_kinds_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        b.HasIndex(x => new { x.HolderCode, x.Until });
    }

    public void Configure(EntityTypeBuilder<PostCheck> b)
    {
        b.ToTable("post_checks");
        b.HasKey(x => x.Id);
        b.Property(x => x.CaseNumber).HasMaxLength(40);
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.Property(x => x.ItemName).HasMaxLength(200);
        b.Property(x => x.SupervisingDepartment).HasMaxLength(30);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.HolderKind).HasMaxLength(20);
        b.Property(x => x.HolderName).HasMaxLength(100);
        b.Property(x => x.HolderCode).HasMaxLength(18);
        b.Property(x => x.Findings).HasMaxLength(2000);
        b.Property(x => x.CheckedByName).HasMaxLength(100);
        b.Property(x => x.PledgedMaterials).HasColumnName("pledged_materials_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        // One post-check per case, whatever redelivers the grant.
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.SupervisingDepartment, x.Status, x.DueDate });
    }

    public void Configure(EntityTypeBuilder<CreditMark> b)
    {
        b.ToTable("credit_marks");
        b.HasKey(x => x.Id);
        b.Property(x => x.HolderCode).HasMaxLength(18);
        b.Property(x => x.HolderName).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.DepartmentCode).HasMaxLength(30);
        b.Property(x => x.DepartmentName).HasMaxLength(100);
        b.Property(x => x.SourceCaseNumber).HasMaxLength(40);
        b.HasIndex(x => x.HolderCode);
    }
}
