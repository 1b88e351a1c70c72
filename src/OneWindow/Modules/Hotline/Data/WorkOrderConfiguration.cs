using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Hotline.Data;

internal sealed class WorkOrderConfiguration
    : IEntityTypeConfiguration<WorkOrder>, IEntityTypeConfiguration<WorkOrderStep>, IEntityTypeConfiguration<KnowledgeArticle>, IEntityTypeConfiguration<KnowledgeRevision>,
      IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.ToTable("work_orders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Number).HasMaxLength(24);
        b.Property(o => o.RegionCode).HasMaxLength(12);
        b.Property(o => o.CategoryCode).HasMaxLength(12);
        b.Property(o => o.CallerName).HasMaxLength(100);
        b.Property(o => o.CallerPhone).HasMaxLength(20);
        b.Property(o => o.CallerIdNumber).HasMaxLength(18);
        b.Property(o => o.CallerUserId).HasMaxLength(64);
        b.Property(o => o.Content).HasMaxLength(Features.WorkOrders.ContentMaxLength);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.ReceivedById).HasMaxLength(64);
        b.Property(o => o.ReceivedByName).HasMaxLength(100);
        b.Property(o => o.IdempotencyKey).HasMaxLength(100);
        b.Property(o => o.LeadDepartment).HasMaxLength(30);
        b.Property(o => o.AssistingDepartments).HasColumnName("assisting_json").HasJsonConversion(JsonColumns.Options, () => new List<string>());
        b.Property(o => o.Reply).HasMaxLength(Features.WorkOrders.ContentMaxLength);
        b.Property(o => o.ReceivedByDepartment).HasMaxLength(30);
        b.Property(o => o.ExtensionReason).HasMaxLength(2000);
        b.Property(o => o.SupervisionNotice).HasMaxLength(500);
        b.HasIndex(o => o.ParentId);
        b.HasIndex(o => new { o.Status, o.DeadlineState });
        b.HasIndex(o => o.Number).IsUnique();
        b.HasIndex(o => new { o.ReceivedById, o.IdempotencyKey }).IsUnique();
        b.HasIndex(o => new { o.RegionCode, o.ReceivedAt });
        // 来电记录 and 重复件 (the same phone, or the same place, within days): each side a range in time order.
        b.HasIndex(o => new { o.CallerPhone, o.ReceivedAt });
        b.HasIndex(o => new { o.Address, o.ReceivedAt });
        b.HasIndex(o => o.CallerUserId);
        b.HasIndex(o => o.ClosedAt);
        b.HasIndex(o => new { o.LeadDepartment, o.Status });
        b.HasMany(o => o.Steps).WithOne().HasForeignKey(s => s.WorkOrderId);
    }

    public void Configure(EntityTypeBuilder<WorkOrderStep> b)
    {
        b.ToTable("work_order_steps");
        b.HasKey(s => s.Id);
        b.Property(s => s.Action).HasMaxLength(40);
        b.Property(s => s.ActorName).HasMaxLength(100);
        b.Property(s => s.Note).HasMaxLength(2000);
        b.HasIndex(s => new { s.WorkOrderId, s.At });
    }

    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.ToTable("knowledge_articles");
        b.HasKey(a => a.Id);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.Title).HasMaxLength(100);
        b.Property(a => a.Body).HasMaxLength(4000);
        b.Property(a => a.CategoryCode).HasMaxLength(12);
        b.Property(a => a.UpdatedByName).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<KnowledgeRevision> b)
    {
        b.ToTable("knowledge_revisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.Title).HasMaxLength(100);
        b.Property(r => r.Body).HasMaxLength(4000);
        b.Property(r => r.SavedByName).HasMaxLength(100);
        b.HasIndex(r => new { r.ArticleId, r.Revision }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Open311Client> b)
    {
        b.ToTable("open311_clients");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.KeyHash).HasMaxLength(64);
        b.Property(c => c.KeyPrefix).HasMaxLength(12);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.CreatedByName).HasMaxLength(100);
        b.Ignore(c => c.Actor);
        b.HasIndex(c => c.KeyHash).IsUnique();
    }
}
