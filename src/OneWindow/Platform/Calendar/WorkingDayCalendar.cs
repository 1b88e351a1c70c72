using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Calendar;

/// <summary>The JSON shape of a year's arrangement: the shipped files, the API and imports all use it.</summary>
public sealed record CalendarYearDocument(
    int Year,
    string? Source,
    IReadOnlyList<CalendarDayDocument> Days,
    int? Version = null,
    DateTimeOffset? UpdatedAt = null,
    string? UpdatedBy = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record CalendarDayDocument(DateOnly Date, string Name, bool IsOffDay);

/// <summary>
/// The working-day calendar every deadline uses. The rules are cached in memory for a few seconds:
/// the database stays the truth, so several instances agree within that time, and an edit made
/// through this instance is seen at once.
/// </summary>
public sealed class WorkingDayCalendar(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly RefreshingCache<CalendarRules> _rules = new(async ct =>
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var years = await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        var days = await db.Set<CalendarDay>().AsNoTracking().Select(d => new { d.Date, d.IsOffDay }).ToListAsync(ct);
        return new CalendarRules(days.ToDictionary(d => d.Date, d => d.IsOffDay), years.ToHashSet());
    }, TimeSpan.FromSeconds(15), clock);

    public ValueTask<CalendarRules> RulesAsync(CancellationToken ct = default) => _rules.GetAsync(ct);

    public void Invalidate() => _rules.Invalidate();

    public void Dispose() => _rules.Dispose();

    public async Task<CalendarYearDocument?> GetYearAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var found = await db.Set<CalendarYear>().AsNoTracking().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, ct);
        return found is null ? null : ToDocument(found);
    }

    private static CalendarYearDocument ToDocument(CalendarYear y) => new(
        y.Year, y.Source, [.. y.Days.OrderBy(d => d.Date).Select(d => new CalendarDayDocument(d.Date, d.Name, d.IsOffDay))],
        y.Version, y.UpdatedAt, y.UpdatedBy);

    /// <summary>Checks a year's arrangement as a whole and reports every problem at once.</summary>
    public static Result Validate(int year, CalendarYearDocument doc)
    {
        var errors = new FieldErrors();
        if (year is < 2000 or > 2100)
        {
            errors.Add("year", "年份应在 2000 到 2100 之间");
        }

        if (doc.Year != year)
        {
            errors.Add("year", $"文件中的年份 {doc.Year} 与地址中的年份 {year} 不一致");
        }

        if (doc.Days is null)
        {
            errors.Add("days", "缺少节假日列表");
            return errors.ToError("calendar:invalid", "节假日安排有误");
        }

        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < doc.Days.Count; i++)
        {
            var d = doc.Days[i];
            var key = $"days[{i}]";
            if (d is null)
            {
                errors.Add(key, "空的条目");
                continue;
            }

            if (d.Date < new DateOnly(year - 1, 12, 1) || d.Date > new DateOnly(year, 12, 31))
            {
                errors.Add(key + ".date", $"{d.Date:yyyy-MM-dd} 不属于 {year} 年的安排");
            }

            if (!seen.Add(d.Date))
            {
                errors.Add(key + ".date", $"{d.Date:yyyy-MM-dd} 重复出现");
            }

            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 20)
            {
                errors.Add(key + ".name", "节日名称不能为空，且不超过 20 个字");
            }

            if (!d.IsOffDay && d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add(key + ".isOffDay", $"{d.Date:yyyy-MM-dd} 是工作日，不能再设为调休上班日");
            }
        }

        return errors.Any ? errors.ToError("calendar:invalid", "节假日安排有误") : Result.Ok();
    }

    /// <summary>Replaces a year's arrangement in one transaction, audited. A stale <c>version</c> loses with 409.</summary>
    public async Task<Result<CalendarYearDocument>> SaveYearAsync(
        AppDbContext db, AuditTrail audit, ICurrentUser user, int year, CalendarYearDocument doc, CancellationToken ct)
    {
        var valid = Validate(year, doc);
        if (!valid.IsSuccess)
        {
            return valid.Error!;
        }

        var existing = await db.Set<CalendarYear>().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, ct);
        var created = existing is null;
        if (existing is null)
        {
            existing = new CalendarYear { Year = year };
            db.Add(existing);
        }
        else if (doc.Version is { } expected)
        {
            db.Entry(existing).Property(y => y.Version).OriginalValue = expected;
        }

        var dates = doc.Days.Select(x => x.Date).ToList();
        var clash = await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => d.Year != year && dates.Contains(d.Date)).Select(d => d.Date).FirstOrDefaultAsync(ct);
        if (clash != default)
        {
            return Error.Field("days", $"{clash:yyyy-MM-dd} 已属于另一年度的安排");
        }

        var wanted = doc.Days.ToDictionary(d => d.Date);
        foreach (var day in existing.Days.Where(d => !wanted.ContainsKey(d.Date)).ToList())
        {
            existing.Days.Remove(day);
            db.Remove(day);
        }

        var have = existing.Days.ToDictionary(d => d.Date);
        foreach (var d in doc.Days)
        {
            if (have.TryGetValue(d.Date, out var day))
            {
                day.Name = d.Name.Trim();
                day.IsOffDay = d.IsOffDay;
            }
            else
            {
                existing.Days.Add(new CalendarDay { Date = d.Date, Year = year, Name = d.Name.Trim(), IsOffDay = d.IsOffDay });
            }
        }
        existing.Source = doc.Source?.Trim() ?? "";
        existing.UpdatedAt = clock.Now();
        existing.UpdatedBy = user.DisplayName ?? "系统";
        if (!created)
        {
            // Editing only the days would not touch the year row; mark it so the version guards the whole year.
            db.Entry(existing).Property(y => y.UpdatedAt).IsModified = true;
        }

        audit.Record(new AuditRecord(Regions.National, "CalendarYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            created ? "CalendarYearCreated" : "CalendarYearReplaced",
            new { holidays = doc.Days.Count(d => d.IsOffDay), makeUpDays = doc.Days.Count(d => !d.IsOffDay) }), new CalendarYearPublished(year, Regions.National));
        await db.SaveChangesAsync(ct);
        Invalidate();
        return ToDocument(existing);
    }

    /// <summary>Loads the shipped years the database does not have yet. Years already there are never overwritten.</summary>
    public static async Task SeedShippedYearsAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var have = (await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(ct)).ToHashSet();
        var added = false;
        foreach (var doc in ShippedYears())
        {
            if (have.Contains(doc.Year))
            {
                continue;
            }

            db.Add(new CalendarYear
            {
                Year = doc.Year, Source = doc.Source ?? "", UpdatedAt = clock.Now(), UpdatedBy = "系统（随软件发布）",
                Days = [.. doc.Days.Select(d => new CalendarDay { Date = d.Date, Year = doc.Year, Name = d.Name, IsOffDay = d.IsOffDay })],
            });
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    public static IEnumerable<CalendarYearDocument> ShippedYears()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".holidays.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return ParseDocument(stream);
        }
    }

    public static CalendarYearDocument ParseDocument(Stream json) =>
        JsonSerializer.Deserialize<CalendarYearDocument>(json, CalendarYearDocument.Json)
        ?? throw new JsonException("空文件");
}
