using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using OneWindow.Modules.Notifications.Domain;

namespace OneWindow.Modules.Notifications.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.RegionCode).HasMaxLength(12);
        b.Property(n => n.UserId).HasMaxLength(64);
        b.Property(n => n.Channel).HasMaxLength(20);
        b.Property(n => n.To).HasMaxLength(100);
        b.Property(n => n.Title).HasMaxLength(100);
        b.Property(n => n.Body).HasMaxLength(1000);
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => new { n.SourceMessageId, n.UserId }).IsUnique();
    }
}
