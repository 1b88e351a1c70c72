namespace OneWindow.Platform;

/// <summary>
/// The dates a request may name: 2000-01-01 to 2099-12-31 (the platform's records and calendars lie well inside), and
/// periods of a bounded length. One check for every date and range a query takes, so 0001-01-01 or 9999-12-31 are a
/// field error, not an overflow deep in date arithmetic.
/// </summary>
public static class DateRanges
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2099, 12, 31);

    public static Error? CheckDay(DateOnly day, string field) =>
        day < Earliest || day > Latest ? Error.Field(field, $"日期应在 {Earliest:yyyy-MM-dd} 到 {Latest:yyyy-MM-dd} 之间") : null;

    /// <summary>A period from <paramref name="first"/> to <paramref name="last"/> (both included) of at most <paramref name="maxDays"/> days.</summary>
    public static Result<(DateOnly First, DateOnly Last)> Check(DateOnly first, DateOnly last, int maxDays)
    {
        if (CheckDay(first, "from") is { } early)
        {
            return early;
        }

        if (CheckDay(last, "to") is { } late)
        {
            return late;
        }

        return last < first || last.DayNumber - first.DayNumber + 1 > maxDays
            ? Error.Field("to", $"统计区间应为 1–{maxDays} 天，且结束日期不早于开始日期")
            : (first, last);
    }
}
