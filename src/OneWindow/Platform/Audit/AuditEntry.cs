using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Platform.Audit;

/// <summary>
/// One state change of a case, licence, ticket, work order, account or calendar. Entries form one
/// hash chain per region (the region is what a sharded database distributes on): each carries the
/// hash of the one before, so altering or deleting a row breaks every hash after it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>Position in the region's chain, from 1; null until the sequencer has chained the entry (<see cref="AuditSequencer"/>).</summary>
    public long? Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string SubjectType { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public string Action { get; set; } = "";

    /// <summary>JSON with what changed; personal data already masked.</summary>
    public string Data { get; set; } = "{}";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public string ComputeHash()
    {
        var canonical = string.Join('\n',
            RegionCode, Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            MicrosText(At), ActorId, ActorName, SubjectType, SubjectId, Action, Data, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string MicrosText(DateTimeOffset at) =>
        OneWindow.Platform.Data.Timestamps.ToUnixMicros(at).ToString(System.Globalization.CultureInfo.InvariantCulture);

}

/// <summary>The last link of one region's chain. Locking this row serialises appends per region.</summary>
public sealed class AuditChainHead
{
    public string RegionCode { get; set; } = "";

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>, IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.RegionCode).HasMaxLength(12);
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.SubjectType).HasMaxLength(40);
        b.Property(e => e.SubjectId).HasMaxLength(100);
        b.Property(e => e.Action).HasMaxLength(60);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.RegionCode, e.Sequence }).IsUnique();
        // The sequencer's question, "this region's entries not chained yet, oldest first", walks only those.
        b.HasIndex(e => new { e.RegionCode, e.Id }).HasDatabaseName("ix_audit_entries_unsealed").HasFilter("sequence IS NULL");
        b.HasIndex(e => new { e.SubjectType, e.SubjectId });
    }

    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("audit_chain_heads");
        b.HasKey(e => e.RegionCode);
        b.Property(e => e.RegionCode).HasMaxLength(12);
        b.Property(e => e.LastHash).HasMaxLength(64);
    }
}
