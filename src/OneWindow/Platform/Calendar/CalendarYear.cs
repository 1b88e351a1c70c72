using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Calendar;

/// <summary>One year's official arrangement (国务院办公厅节假日安排). The calendar is national.</summary>
public sealed class CalendarYear : IVersioned
{
    public int Year { get; set; }

    public string RegionCode { get; set; } = Regions.National;

    public string Source { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public int Version { get; set; }

    public List<CalendarDay> Days { get; set; } = [];
}

/// <summary>A day that differs from the plain week: a holiday (<c>IsOffDay</c>) or a make-up working day (调休上班).</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    /// <summary>The year whose notice sets this day (2022-12-31 belongs to the 2023 notice).</summary>
    public int Year { get; set; }

    public string Name { get; set; } = "";

    public bool IsOffDay { get; set; }
}

public static class Regions
{
    /// <summary>The code national (中央) bodies use in place of a division code.</summary>
    public const string National = "100000";

    /// <summary>
    /// The prefix every code inside a division starts with: a province's two digits (370000 → 37), a city's four
    /// (371600 → 3716), a county's six; "-" for no division (matches nothing). A city's staff oversee its counties.
    /// </summary>
    public static string Prefix(string? code) => code is not { Length: 6 } c ? "-"
        : c.EndsWith("0000", StringComparison.Ordinal) ? c[..2]
        : c.EndsWith("00", StringComparison.Ordinal) ? c[..4]
        : c;

    /// <summary>Whether <paramref name="region"/> lies in the division <paramref name="scope"/> (itself included).</summary>
    public static bool Covers(string? scope, string region) => region.StartsWith(Prefix(scope), StringComparison.Ordinal);
}

internal sealed class CalendarConfiguration : IEntityTypeConfiguration<CalendarYear>, IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("calendar_years");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.RegionCode).HasMaxLength(12);
        b.Property(y => y.Source).HasMaxLength(500);
        b.Property(y => y.UpdatedBy).HasMaxLength(100);
        b.HasMany(y => y.Days).WithOne().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_days");
        b.HasKey(d => d.Date);
        b.Property(d => d.Name).HasMaxLength(20);
        b.HasIndex(d => d.Year);
    }
}
