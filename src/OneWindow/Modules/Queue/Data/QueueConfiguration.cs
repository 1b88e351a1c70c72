using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Data;

internal sealed class QueueConfiguration :
    IEntityTypeConfiguration<Hall>, IEntityTypeConfiguration<Counter>, IEntityTypeConfiguration<CounterSession>,
    IEntityTypeConfiguration<QueueTicket>, IEntityTypeConfiguration<Appointment>
{
    private static readonly JsonSerializerOptions Json = JsonColumns.Options;

    public void Configure(EntityTypeBuilder<Hall> b)
    {
        b.ToTable("halls");
        b.HasKey(h => h.Id);
        b.Property(h => h.RegionCode).HasMaxLength(12);
        b.Property(h => h.Name).HasMaxLength(100);
        b.Property(h => h.Address).HasMaxLength(200);
        b.Property(h => h.Notice).HasMaxLength(Hall.NoticeMaxLength);
        b.Property(h => h.Groups).HasColumnName("groups_json").HasJsonConversion(Json, () => new List<QueueGroup>());
        b.HasIndex(h => h.RegionCode);
    }

    public void Configure(EntityTypeBuilder<Counter> b)
    {
        b.ToTable("counters");
        b.HasKey(c => c.Id);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.DepartmentCode).HasMaxLength(30);
        b.Property(c => c.StaffUserId).HasMaxLength(64);
        b.Property(c => c.StaffName).HasMaxLength(100);
        b.Property(c => c.Groups).HasColumnName("groups_json").HasJsonConversion(Json, () => new List<string>());
        b.HasIndex(c => new { c.HallId, c.Number }).IsUnique();
        b.HasIndex(c => c.StaffUserId);
    }

    public void Configure(EntityTypeBuilder<CounterSession> b)
    {
        b.ToTable("counter_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.StaffUserId).HasMaxLength(64);
        b.HasIndex(s => new { s.HallId, s.StartedAt });
        b.HasIndex(s => new { s.CounterId, s.EndedAt });
    }

    public void Configure(EntityTypeBuilder<QueueTicket> b)
    {
        b.ToTable("queue_tickets");
        b.HasKey(t => t.Id);
        b.Property(t => t.RegionCode).HasMaxLength(12);
        b.Property(t => t.GroupCode).HasMaxLength(4);
        b.Property(t => t.Number).HasMaxLength(12);
        b.Property(t => t.ItemCode).HasMaxLength(40);
        b.Property(t => t.Mobile).HasMaxLength(20);
        b.Property(t => t.UserId).HasMaxLength(64);
        b.Property(t => t.AccessCode).HasMaxLength(32);
        b.Property(t => t.ServedBy).HasMaxLength(64);
        b.Property(t => t.ServedByName).HasMaxLength(100);
        b.Property(t => t.DepartmentCode).HasMaxLength(30);
        b.Property(t => t.CaseIds).HasColumnName("case_ids_json").HasJsonConversion(Json, () => new List<Guid>());
        b.HasIndex(t => new { t.HallId, t.Day, t.GroupCode, t.Sequence }).IsUnique();

        // The 回访 centre asks for the services finished on a day.
        b.HasIndex(t => new { t.Day, t.Status });
        b.HasIndex(t => new { t.HallId, t.WaitingKey });
        b.HasIndex(t => new { t.HallId, t.GroupCode, t.WaitingKey });
        b.HasIndex(t => new { t.TargetCounterId, t.WaitingKey });
        b.HasIndex(t => new { t.CounterId, t.FinishedAt });
        b.HasIndex(t => new { t.HallId, t.CalledAt });
        b.HasIndex(t => new { t.HallId, t.GroupCode, t.FinishedAt });
        b.HasIndex(t => t.AppointmentId);
    }

    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("appointments");
        b.HasKey(a => a.Id);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.GroupCode).HasMaxLength(4);
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.Mobile).HasMaxLength(20);
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.ItemCode).HasMaxLength(40);
        b.Property(a => a.CheckInCode).HasMaxLength(8);
        b.HasIndex(a => new { a.HallId, a.Day, a.SlotStart, a.GroupCode });
        b.HasIndex(a => new { a.HallId, a.Day, a.CheckInCode });
        b.HasIndex(a => a.UserId);
    }
}
