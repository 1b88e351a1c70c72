using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// 办件编号: by default region code, China date and a daily sequence, e.g. 371600-20261122-000042 —
/// readable aloud, unique, and sorting by number sorts by region and day. The pattern is the
/// Intake:NumberFormat setting. The counter row is incremented in the submitting transaction (row
/// lock on PostgreSQL, the write lock on SQLite), so numbers never repeat.
/// </summary>
internal static partial class CaseNumbers
{
    [GeneratedRegex(@"\{(?<name>region|date|seq)(?::(?<format>[^{}]+))?\}")]
    private static partial Regex Token();

    /// <summary>Why a pattern cannot make unique numbers, or null when it can.</summary>
    public static string? Problem(string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return "Intake:NumberFormat 不能为空";
        }

        var names = Token().Matches(format).Select(m => m.Groups["name"].Value).ToList();
        if (!names.Contains("seq") || !names.Contains("date") || !names.Contains("region"))
        {
            return "Intake:NumberFormat 须包含 {region}、{date:…} 和 {seq:…}，编号才能唯一";
        }

        try
        {
            var sample = Format(format, "371600", new DateOnly(2026, 12, 31), 999999);
            return sample.Length > 40 ? "Intake:NumberFormat 生成的编号超过 40 个字符" : null;
        }
        catch (FormatException ex)
        {
            return "Intake:NumberFormat 格式有误：" + ex.Message;
        }
    }

    /// <summary>一件事 applications count on their own daily counter, so their numbers read e.g. 371600-YJ-20261122-000001.</summary>
    public static string BundleCounter(string region) => region + "-YJ";

    public static string Format(string format, string region, DateOnly day, long sequence) =>
        Token().Replace(format, m =>
        {
            var f = m.Groups["format"].Success ? m.Groups["format"].Value : null;
            return m.Groups["name"].Value switch
            {
                "region" => region,
                "date" => day.ToString(f ?? "yyyyMMdd", CultureInfo.InvariantCulture),
                _ => sequence.ToString(f ?? "000000", CultureInfo.InvariantCulture),
            };
        });

    /// <summary>The next <paramref name="count"/> numbers of a region's day, reserved in the caller's transaction.</summary>
    public static async Task<IReadOnlyList<string>> NextAsync(AppDbContext db, string format, string region, DateOnly day, int count, CancellationToken ct)
    {
        // One statement on both databases: create the day's counter or count on (and, on PostgreSQL, lock it until commit).
        var key = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var last = (await db.Database
            .SqlQueryRaw<long>(
                "INSERT INTO case_number_counters (region_code, day, last_value) VALUES ({0}, {1}, {2}) " +
                "ON CONFLICT (region_code, day) DO UPDATE SET last_value = case_number_counters.last_value + {2} RETURNING last_value AS \"Value\"",
                region, key, count)
            .ToListAsync(ct)).Single();
        return [.. Enumerable.Range(0, count).Select(i => Format(format, region, day, last - count + 1 + i))];
    }
}
