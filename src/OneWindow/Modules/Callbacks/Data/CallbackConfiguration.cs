using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Callbacks.Data;

internal sealed class CallbackConfiguration :
    IEntityTypeConfiguration<CallbackTask>, IEntityTypeConfiguration<DoNotCall>, IEntityTypeConfiguration<UnresolvedReport>, IEntityTypeConfiguration<ReverseExperience>
{
    public void Configure(EntityTypeBuilder<CallbackTask> b)
    {
        b.ToTable("callback_tasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.SubjectType).HasMaxLength(20);
        b.Property(t => t.Number).HasMaxLength(40);
        b.Property(t => t.Label).HasMaxLength(200);
        b.Property(t => t.ItemName).HasMaxLength(200);
        b.Property(t => t.RegionCode).HasMaxLength(12);
        b.Property(t => t.DepartmentCode).HasMaxLength(30);
        b.Property(t => t.CitizenName).HasMaxLength(100);
        b.Property(t => t.Phone).HasMaxLength(20);
        b.Property(t => t.ServedBy).HasMaxLength(100);
        b.Property(t => t.AgentUserId).HasMaxLength(64);
        b.Property(t => t.AgentName).HasMaxLength(100);
        b.Property(t => t.LastHalfDay).HasMaxLength(16);
        b.Property(t => t.Comment).HasMaxLength(500);
        b.Property(t => t.AttemptLog).HasColumnName("attempts_json").HasJsonConversion(JsonColumns.Options, () => new List<CallbackAttempt>());

        // One callback per service event and round, whatever reruns or races: a second list for the day creates nothing.
        b.HasIndex(t => new { t.SubjectType, t.SubjectId, t.Round }).IsUnique();
        b.HasIndex(t => new { t.ListDate, t.RegionCode, t.Status });
        b.HasIndex(t => new { t.AgentUserId, t.Status });
        b.HasIndex(t => new { t.Phone, t.ListDate });
    }

    public void Configure(EntityTypeBuilder<DoNotCall> b)
    {
        b.ToTable("callback_do_not_call");
        b.HasKey(d => d.PhoneHash);
        b.Property(d => d.PhoneHash).HasMaxLength(64);
        b.Property(d => d.RegionCode).HasMaxLength(12);
        b.Property(d => d.Tail).HasMaxLength(4);
        b.Property(d => d.Reason).HasMaxLength(200);
        b.Property(d => d.CreatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<UnresolvedReport> b)
    {
        b.ToTable("unresolved_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Number).HasMaxLength(40);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.ItemCode).HasMaxLength(40);
        b.Property(r => r.ItemName).HasMaxLength(200);
        b.Property(r => r.DepartmentCode).HasMaxLength(30);
        b.Property(r => r.Site).HasMaxLength(200);
        b.Property(r => r.WhatHappened).HasMaxLength(2000);
        b.Property(r => r.Want).HasMaxLength(1000);
        b.Property(r => r.CitizenName).HasMaxLength(100);
        b.Property(r => r.Phone).HasMaxLength(20);
        b.Property(r => r.CitizenUserId).HasMaxLength(64);
        b.Property(r => r.ReceivedById).HasMaxLength(64);
        b.Property(r => r.OfficerUserId).HasMaxLength(64);
        b.Property(r => r.OfficerName).HasMaxLength(100);
        b.Property(r => r.OfficerDepartment).HasMaxLength(30);
        b.Property(r => r.Outcome).HasMaxLength(2000);
        b.Property(r => r.LegalBasis).HasMaxLength(1000);
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.Status });
        b.HasIndex(r => new { r.ItemCode, r.ReceivedAt });
        b.HasIndex(r => r.CitizenUserId);
    }

    public void Configure(EntityTypeBuilder<ReverseExperience> b)
    {
        b.ToTable("reverse_experiences");
        b.HasKey(r => r.Id);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.ItemCode).HasMaxLength(40);
        b.Property(r => r.ItemName).HasMaxLength(200);
        b.Property(r => r.DepartmentCode).HasMaxLength(30);
        b.Property(r => r.Steps).HasMaxLength(2000);
        b.Property(r => r.ByUserId).HasMaxLength(64);
        b.Property(r => r.ByName).HasMaxLength(100);
        b.Property(r => r.Problems).HasColumnName("problems_json").HasJsonConversion(JsonColumns.Options, () => new List<ExperienceProblem>());
        b.HasIndex(r => new { r.RegionCode, r.Date });
    }
}

internal sealed class CallbackListConfiguration : IEntityTypeConfiguration<CallbackList>
{
    public void Configure(EntityTypeBuilder<CallbackList> b)
    {
        b.ToTable("callback_lists");
        b.HasKey(l => l.Date);
    }
}
