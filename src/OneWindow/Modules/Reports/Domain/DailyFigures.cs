using OneWindow.Platform.Data;

namespace OneWindow.Modules.Reports.Domain;

/// <summary>
/// One day's figures for one item of one department in one region (ADR 0026, decision 5): the rollup the dashboards sum
/// instead of scanning cases. Case figures are kept under their item; hall, rating, hotline and callback figures under the
/// department with an empty item. Kept current by the handlers of other modules' events (<see cref="Features.Rollups"/>).
/// </summary>
internal sealed class DailyFigures : IVersioned
{
    public DateOnly Day { get; set; }

    public string RegionCode { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string ItemCode { get; set; } = "";

    /// <summary>受理: cases accepted that day (the clock started).</summary>
    public long Received { get; set; }

    /// <summary>Of those, submitted online (网办).</summary>
    public long Online { get; set; }

    /// <summary>Of those, accepted at the 综合窗口 (一窗受理).</summary>
    public long OneWindow { get; set; }

    /// <summary>Of those, 即办 or decided by the system (秒批, 告知承诺).</summary>
    public long Instant { get; set; }

    /// <summary>办结: cases completed that day.</summary>
    public long Completed { get; set; }

    /// <summary>Of those, never asked to 补正 (一次办成).</summary>
    public long OneVisit { get; set; }

    /// <summary>Of those, completed by the committed date.</summary>
    public long OnTime { get; set; }

    /// <summary>Of those, with a known 办理时长, and its sum in working days.</summary>
    public long Timed { get; set; }

    public long WorkingDaysSum { get; set; }

    /// <summary>
    /// How many of those took how many working days, as <c>days:cases</c> pairs in ascending order (<c>0:12 1:40 3:5</c>): the
    /// histogram the p90 is read from, kept in the row so one read of the period's rows gives every figure.
    /// </summary>
    public string Durations { get; set; } = "";

    /// <summary>Hall tickets first called that day, and their waits in minutes summed.</summary>
    public long Tickets { get; set; }

    public double WaitMinutesSum { get; set; }

    /// <summary>Ratings given that day (every channel), and those 满意 or 非常满意.</summary>
    public long Ratings { get; set; }

    public long RatingsGood { get; set; }

    /// <summary>12345 orders received that day.</summary>
    public long WorkOrders { get; set; }

    /// <summary>12345 orders 办结 that day (less any reopened since), and those by their due time.</summary>
    public long WorkOrdersFinished { get; set; }

    public long WorkOrdersOnTime { get; set; }

    /// <summary>回访 made that day (the citizen reached).</summary>
    public long Callbacks { get; set; }

    public int Version { get; set; }
}

/// <summary>The <see cref="DailyFigures.Durations"/> histogram: read, added to, written.</summary>
internal static class DurationHistogram
{
    public static void AddTo(SortedDictionary<int, long> into, string text)
    {
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            var days = int.Parse(pair.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture);
            into[days] = into.GetValueOrDefault(days) + long.Parse(pair.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static SortedDictionary<int, long> Parse(string text)
    {
        var histogram = new SortedDictionary<int, long>();
        AddTo(histogram, text);
        return histogram;
    }

    public static string Format(SortedDictionary<int, long> histogram) =>
        string.Join(' ', histogram.Where(kv => kv.Value != 0).Select(kv => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kv.Key}:{kv.Value}")));

    public static string Add(string text, int days, long cases)
    {
        var histogram = Parse(text);
        histogram[days] = histogram.GetValueOrDefault(days) + cases;
        return Format(histogram);
    }
}
