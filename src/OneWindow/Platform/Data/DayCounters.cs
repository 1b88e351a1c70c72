using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Platform.Data;

/// <summary>A numbering scope's last number of one day (China date, yyyyMMdd).</summary>
public sealed class DayCounter
{
    public string Scope { get; set; } = "";

    public string Day { get; set; } = "";

    public long LastValue { get; set; }
}

internal sealed class DayCounterConfiguration : IEntityTypeConfiguration<DayCounter>
{
    public void Configure(EntityTypeBuilder<DayCounter> b)
    {
        b.ToTable("day_counters");
        b.HasKey(c => new { c.Scope, c.Day });
        b.Property(c => c.Scope).HasMaxLength(40);
        b.Property(c => c.Day).HasMaxLength(8);
    }
}

/// <summary>
/// Daily sequences for numbers people read aloud (12345 工单 RX-20261205-0042): the day's counter row is created or
/// counted on in the caller's transaction (row lock on PostgreSQL, the write lock on SQLite), so two writers never get
/// the same number and a rolled-back write gives its number back. Run it inside the unit of work that uses the number
/// (a member of <see cref="GroupCommit"/>).
/// </summary>
public static class DayCounters
{
    /// <summary>Reserves the next <paramref name="count"/> numbers of the day; returns the last of them.</summary>
    public static async Task<long> NextAsync(AppDbContext db, string scope, DateOnly day, CancellationToken ct, int count = 1) =>
        (await db.Database
            .SqlQueryRaw<long>(
                "INSERT INTO day_counters (scope, day, last_value) VALUES ({0}, {1}, {2}) " +
                "ON CONFLICT (scope, day) DO UPDATE SET last_value = day_counters.last_value + {2} RETURNING last_value AS \"Value\"",
                scope, day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), count)
            .ToListAsync(ct)).Single();
}
