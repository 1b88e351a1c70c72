using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// 办件编号: region code, China date and a daily sequence, e.g. 371600-20261122-000042 — readable aloud,
/// unique, and sorting by number sorts by region and day. The counter row is incremented in the
/// submitting transaction (row lock on PostgreSQL, the write lock on SQLite), so numbers never repeat.
/// </summary>
public static class CaseNumbers
{
    public static async Task<string> NextAsync(AppDbContext db, string region, DateOnly day, CancellationToken ct)
    {
        var key = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var insert = db.Database.IsNpgsql()
            ? "INSERT INTO case_number_counters (region_code, day, last_value) VALUES ({0}, {1}, 0) ON CONFLICT DO NOTHING"
            : "INSERT OR IGNORE INTO case_number_counters (region_code, day, last_value) VALUES ({0}, {1}, 0)";
        await db.Database.ExecuteSqlRawAsync(insert, [region, key], ct);
        var next = await db.Database
            .SqlQueryRaw<long>("UPDATE case_number_counters SET last_value = last_value + 1 WHERE region_code = {0} AND day = {1} RETURNING last_value AS \"Value\"", region, key)
            .ToListAsync(ct);
        return $"{region}-{key}-{next.Single():000000}";
    }
}
