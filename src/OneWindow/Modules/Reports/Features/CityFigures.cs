using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Reports.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Reports.Features;

/// <summary>The API's <c>GET /api/v1/reports/overview</c>: the city's figures over a period (shares 0–1; null when nothing to divide by).</summary>
internal sealed record Overview(
    long Received, long Completed, double? OnlineShare, double? OneWindowShare, double? DoneInOneVisitShare, double? OnTimeRate, double? AvgWorkingDays,
    int? P90WorkingDays, double? InstantShare, double? AvgWaitMinutes, double? Satisfaction, long WorkOrders, double? WorkOrdersOnTime, long Callbacks);

/// <summary>The same figures for one group of a breakdown (a day, a region, a department or an item), with its name.</summary>
internal sealed record BreakdownRow(string Key, string Name, Overview Figures);

internal sealed record Breakdown(ReportFilter Filter, string By, Overview Total, IReadOnlyList<BreakdownRow> Rows);

internal sealed record MonthlyReport(byte[] Bytes, string FileName);

/// <summary>What a report covers: a period of Beijing dates, optionally a region (with its counties and townships) and a department, an item.</summary>
internal sealed record ReportFilter(DateOnly From, DateOnly To, string? Region, string? Department, string? Item)
{
    /// <summary>The longest period one request may cover.</summary>
    public const int MaxDays = 3 * 366;

    public static Result<ReportFilter> Parse(string? from, string? to, string? region, string? department, string? item, DateOnly today)
    {
        var errors = new FieldErrors();
        var end = ParseDay(to, "to", today, errors);
        var start = ParseDay(from, "from", end.AddDays(-29), errors);
        if (!errors.Any && start > end)
        {
            errors.Add("from", "开始日期不能晚于结束日期");
        }

        if (!errors.Any && end.DayNumber - start.DayNumber >= MaxDays)
        {
            errors.Add("to", $"一次最多统计 {MaxDays} 天，请缩短时间范围");
        }

        region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        if (region is not null && !DivisionRegistry.Shipped.IsKnownRegion(region))
        {
            errors.Add("region", $"行政区划代码 {region} 不存在");
        }

        return errors.Any
            ? errors.ToError("report:invalid-filter", "统计条件有误")
            : new ReportFilter(start, end, region, string.IsNullOrWhiteSpace(department) ? null : department.Trim(), string.IsNullOrWhiteSpace(item) ? null : item.Trim());
    }

    private static DateOnly ParseDay(string? text, string field, DateOnly fallback, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var day))
        {
            return day;
        }

        errors.Add(field, "日期格式应为 yyyy-MM-dd");
        return fallback;
    }

    /// <summary>
    /// The region codes a row's region must start with: a city (<c>……00</c>) covers its counties and townships, a county its
    /// townships, a township itself.
    /// </summary>
    public string? RegionPrefix => Region is null ? null : Region.Length == 6 && Region.EndsWith("00", StringComparison.Ordinal) ? Region[..4] : Region;
}

/// <summary>
/// The dashboards' one read (ADR 0026, decision 5): sums of the rollup rows in a period — a few rows per item and day, never the
/// cases themselves — and the p90 from the working-day histogram.
/// </summary>
internal sealed class CityFigures(AppDbContext db, IDepartmentDirectory departments, ICatalogQueries catalog)
{
    public static readonly string[] Groupings = ["day", "region", "department", "item"];

    private IQueryable<DailyFigures> Rows(ReportFilter f)
    {
        var q = db.Set<DailyFigures>().AsNoTracking().Where(r => r.Day >= f.From && r.Day <= f.To);
        if (f.RegionPrefix is { } prefix)
        {
            q = prefix.Length == 4 ? q.Where(r => r.RegionCode.StartsWith(prefix)) : q.Where(r => r.RegionCode == prefix || r.RegionCode.StartsWith(prefix));
        }

        if (f.Department is { } d)
        {
            q = q.Where(r => r.DepartmentCode == d);
        }

        if (f.Item is { } i)
        {
            q = q.Where(r => r.ItemCode == i);
        }

        return q;
    }

    public async Task<Overview> OverviewAsync(ReportFilter f, CancellationToken ct)
    {
        Sums sums = await Rows(f).GroupBy(_ => 1).Select(SumBy<int>()).SingleOrDefaultAsync(ct) ?? new Keyed<int>();
        var histogram = new SortedDictionary<int, long>();
        await foreach (var text in Rows(f).Where(r => r.Durations != "").Select(r => r.Durations).AsAsyncEnumerable().WithCancellation(ct))
        {
            DurationHistogram.AddTo(histogram, text);
        }

        return Figures(sums, histogram);
    }

    public async Task<Result<Breakdown>> BreakdownAsync(ReportFilter f, string? by, CancellationToken ct)
    {
        by = string.IsNullOrWhiteSpace(by) ? "day" : by.Trim();
        if (!Groupings.Contains(by))
        {
            return Error.Field("by", "by 为 day（按日）、region（按地区）、department（按部门）或 item（按事项）");
        }

        var rows = Rows(f);
        List<(string Key, Sums Sums)> groups;
        switch (by)
        {
            case "day":
                groups = [.. (await rows.GroupBy(r => r.Day).Select(SumBy<DateOnly>()).ToListAsync(ct)).Select(g => (g.Key.ToString("yyyy-MM-dd"), (Sums)g))];
                break;
            case "region":
                groups = [.. (await rows.GroupBy(r => r.RegionCode).Select(SumBy<string>()).ToListAsync(ct)).Select(g => (g.Key, (Sums)g))];
                break;
            case "department":
                groups = [.. (await rows.GroupBy(r => r.DepartmentCode).Select(SumBy<string>()).ToListAsync(ct)).Select(g => (g.Key, (Sums)g))];
                break;
            default:
                groups = [.. (await rows.Where(r => r.ItemCode != "").GroupBy(r => r.ItemCode).Select(SumBy<string>()).ToListAsync(ct)).Select(g => (g.Key, (Sums)g))];
                break;
        }

        var histograms = new Dictionary<string, SortedDictionary<int, long>>(StringComparer.Ordinal);
        var durations = rows.Where(r => r.Durations != "").Select(r => new KeyedDurations(r.Day, r.RegionCode, r.DepartmentCode, r.ItemCode, r.Durations));
        await foreach (var d in durations.AsAsyncEnumerable().WithCancellation(ct))
        {
            var key = by switch { "day" => d.Day.ToString("yyyy-MM-dd"), "region" => d.RegionCode, "department" => d.DepartmentCode, _ => d.ItemCode };
            if (!histograms.TryGetValue(key, out var h))
            {
                histograms[key] = h = [];
            }

            DurationHistogram.AddTo(h, d.Durations);
        }

        var names = await NamesAsync(by, groups.Select(g => g.Key), ct);
        var list = groups.Select(g => new BreakdownRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), Figures(g.Sums, histograms.GetValueOrDefault(g.Key) ?? [])));
        list = by == "day" ? list.OrderBy(r => r.Key, StringComparer.Ordinal) : list.OrderByDescending(r => r.Figures.Received).ThenByDescending(r => r.Figures.WorkOrders).ThenBy(r => r.Key, StringComparer.Ordinal);
        return new Breakdown(f, by, await OverviewAsync(f, ct), [.. list]);
    }

    /// <summary>政务服务月报 for <paramref name="month"/> (yyyy-MM), of the whole city or a region or department.</summary>
    public async Task<Result<MonthlyReport>> MonthlyPdfAsync(string month, string? region, string? department, DateTimeOffset printedAt, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var first))
        {
            return Error.Field("month", "月份格式应为 yyyy-MM");
        }

        var filter = ReportFilter.Parse($"{first:yyyy-MM-dd}", $"{first.AddMonths(1).AddDays(-1):yyyy-MM-dd}", region, department, null, first);
        if (!filter.IsSuccess)
        {
            return filter.Error!;
        }

        var byDay = (await BreakdownAsync(filter.Value!, "day", ct)).Value!;
        var byDepartment = (await BreakdownAsync(filter.Value!, "department", ct)).Value!;
        var scope = filter.Value!.Region is { } r ? RegionName(r) : "滨州市（含各县区、乡镇）";
        if (filter.Value.Department is { } d)
        {
            scope += " · " + ((await departments.NamesAsync([d], ct)).GetValueOrDefault(d) ?? d);
        }

        var title = $"政务服务月报（{first:yyyy 年 M 月}）";
        return new MonthlyReport(ReportExports.MonthlyPdf(title, scope, byDay, byDepartment, printedAt), $"政务服务月报-{month}.pdf");
    }

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(string by, IEnumerable<string> keys, CancellationToken ct)
    {
        var codes = keys.Where(k => k.Length > 0).ToList();
        return by switch
        {
            "region" => codes.ToDictionary(c => c, RegionName),
            "department" => (await departments.NamesAsync(codes, ct)).Append(new KeyValuePair<string, string>("", "（未分部门）")).ToDictionary(),
            "item" => await catalog.NamesAsync(codes, ct),
            _ => new Dictionary<string, string>(),
        };
    }

    public static string RegionName(string code) =>
        DivisionRegistry.Shipped.Find(code)?.Name ?? DemoCity.Townships.FirstOrDefault(t => t.Region == code).Township ?? code;

    private static System.Linq.Expressions.Expression<Func<IGrouping<TKey, DailyFigures>, Keyed<TKey>>> SumBy<TKey>() => g => new Keyed<TKey>
    {
        Key = g.Key,
        Received = g.Sum(r => r.Received), Online = g.Sum(r => r.Online), OneWindow = g.Sum(r => r.OneWindow), Instant = g.Sum(r => r.Instant),
        Completed = g.Sum(r => r.Completed), OneVisit = g.Sum(r => r.OneVisit), OnTime = g.Sum(r => r.OnTime), Timed = g.Sum(r => r.Timed),
        WorkingDaysSum = g.Sum(r => r.WorkingDaysSum), Tickets = g.Sum(r => r.Tickets), WaitMinutesSum = g.Sum(r => r.WaitMinutesSum),
        Ratings = g.Sum(r => r.Ratings), RatingsGood = g.Sum(r => r.RatingsGood), WorkOrders = g.Sum(r => r.WorkOrders),
        WorkOrdersFinished = g.Sum(r => r.WorkOrdersFinished), WorkOrdersOnTime = g.Sum(r => r.WorkOrdersOnTime), Callbacks = g.Sum(r => r.Callbacks),
    };

    internal sealed record KeyedDurations(DateOnly Day, string RegionCode, string DepartmentCode, string ItemCode, string Durations);

    internal sealed class Keyed<TKey> : Sums
    {
        public TKey Key { get; init; } = default!;
    }

    internal class Sums
    {
        public long Received { get; init; }
        public long Online { get; init; }
        public long OneWindow { get; init; }
        public long Instant { get; init; }
        public long Completed { get; init; }
        public long OneVisit { get; init; }
        public long OnTime { get; init; }
        public long Timed { get; init; }
        public long WorkingDaysSum { get; init; }
        public long Tickets { get; init; }
        public double WaitMinutesSum { get; init; }
        public long Ratings { get; init; }
        public long RatingsGood { get; init; }
        public long WorkOrders { get; init; }
        public long WorkOrdersFinished { get; init; }
        public long WorkOrdersOnTime { get; init; }
        public long Callbacks { get; init; }
    }

    /// <summary>The figures from sums: shares of their base (null when the base is 0), p90 by nearest rank over the histogram.</summary>
    internal static Overview Figures(Sums s, SortedDictionary<int, long> histogram)
    {
        static double? Share(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        int? p90 = null;
        var total = histogram.Values.Sum();
        if (total > 0)
        {
            var rank = (long)Math.Ceiling(0.9 * total);
            var seen = 0L;
            foreach (var (days, cases) in histogram)
            {
                seen += cases;
                if (seen >= rank)
                {
                    p90 = days;
                    break;
                }
            }
        }

        return new Overview(
            s.Received, s.Completed, Share(s.Online, s.Received), Share(s.OneWindow, s.Received), Share(s.OneVisit, s.Completed), Share(s.OnTime, s.Completed),
            s.Timed == 0 ? null : Math.Round((double)s.WorkingDaysSum / s.Timed, 2), p90, Share(s.Instant, s.Received),
            s.Tickets == 0 ? null : Math.Round(s.WaitMinutesSum / s.Tickets, 1), Share(s.RatingsGood, s.Ratings), s.WorkOrders,
            Share(s.WorkOrdersOnTime, s.WorkOrdersFinished), s.Callbacks);
    }
}
