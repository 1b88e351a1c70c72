using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Ratings.Domain;

namespace OneWindow.Modules.Ratings.Data;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>, IEntityTypeConfiguration<Rectification>, IEntityTypeConfiguration<PadPairing>
{
    public void Configure(EntityTypeBuilder<PadPairing> b)
    {
        b.ToTable("pad_pairings");
        b.HasKey(p => p.Id);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.CodeHash).HasMaxLength(64);
        b.Property(p => p.CreatedBy).HasMaxLength(64);
        b.HasIndex(p => p.CodeHash);
    }

    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("ratings");
        b.HasKey(r => r.Id);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.SubjectId).HasMaxLength(64);
        b.Property(r => r.SubjectLabel).HasMaxLength(200);
        b.Property(r => r.Comment).HasMaxLength(500);
        b.Property(r => r.DepartmentCode).HasMaxLength(30);
        b.Property(r => r.StaffUserId).HasMaxLength(64);
        b.Property(r => r.StaffName).HasMaxLength(100);
        b.Property(r => r.RatedBy).HasMaxLength(64);

        // One rating per service event (and round) from the citizen, and one from a callback: the database refuses a second one, whatever races.
        b.HasIndex(r => new { r.SubjectType, r.SubjectId, r.Round, r.ByCallback }).IsUnique();
        b.HasIndex(r => new { r.SubjectId });
        b.HasIndex(r => r.CreatedAt);
        b.HasIndex(r => new { r.DepartmentCode, r.CreatedAt });
        b.HasIndex(r => new { r.RegionCode, r.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("rectifications");
        b.HasKey(r => r.Id);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.DepartmentCode).HasMaxLength(30);
        b.Property(r => r.Subject).HasMaxLength(200);
        b.Property(r => r.Comment).HasMaxLength(500);
        b.Property(r => r.VerifyNote).HasMaxLength(2000);
        b.Property(r => r.RectifyNote).HasMaxLength(2000);
        b.Property(r => r.FeedbackNote).HasMaxLength(2000);
        b.Property(r => r.HandledBy).HasMaxLength(100);
        b.Property(r => r.SourceId).HasMaxLength(64);
        b.Property(r => r.AssignedTo).HasMaxLength(50);
        b.Property(r => r.AssignNote).HasMaxLength(2000);
        b.HasIndex(r => r.RatingId).IsUnique();
        b.HasIndex(r => new { r.Source, r.SourceId });
        b.HasIndex(r => new { r.DepartmentCode, r.Status, r.DueDate });
        b.HasIndex(r => new { r.Status, r.DueDate });
    }
}
