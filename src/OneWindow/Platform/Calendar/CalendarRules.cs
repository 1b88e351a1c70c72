namespace OneWindow.Platform.Calendar;

/// <summary>A period during which a deadline clock stood still (补正, 特别程序): from the day it stopped to the day it resumed.</summary>
public readonly record struct PausedPeriod(DateOnly From, DateOnly To);

/// <summary>
/// Pure working-day arithmetic over a set of published years. A day is a working day when it is a
/// make-up day (调休上班), or a Monday–Friday that is not a holiday. Days of a year that has not been
/// published are unknown: asking about them is an error, never a guess.
/// </summary>
public sealed class CalendarRules(IReadOnlyDictionary<DateOnly, bool> offDays, IReadOnlySet<int> years)
{
    public const int MaxWorkingDays = 1000;

    public IReadOnlySet<int> Years => years;

    public const string YearMissingCode = "calendar:year-missing";

    /// <summary>Set on the copy <see cref="Deadline"/> uses: a day of an unpublished year counts by weekends alone.</summary>
    private bool _weekendsWhereUnpublished;

    public static Error YearMissing(int year) => new(
        YearMissingCode, $"{year} 年的节假日安排尚未导入，无法计算工作日", ErrorKind.Unprocessable,
        Detail: "请系统管理员在“工作日历”中导入该年度的国务院节假日安排。");

    public Result<bool> IsWorkingDay(DateOnly day)
    {
        if (!years.Contains(day.Year))
        {
            // A year's notice may set the last days of the year before (2022-12-31 in the 2023 notice).
            if (offDays.TryGetValue(day, out var known))
            {
                return !known;
            }

            return _weekendsWhereUnpublished ? day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) : YearMissing(day.Year);
        }

        if (offDays.TryGetValue(day, out var isOff))
        {
            return !isOff;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The working day <paramref name="workingDays"/> working days before <paramref name="day"/> (1: the previous working day: Monday's is Friday, after a holiday the last working day before it).</summary>
    public Result<DateOnly> WorkingDaysBefore(DateOnly day, int workingDays = 1)
    {
        if (workingDays is < 1 or > MaxWorkingDays)
        {
            return Error.Field("workingDays", $"工作日数应为 1–{MaxWorkingDays}");
        }

        while (workingDays > 0)
        {
            day = day.AddDays(-1);
            var working = IsWorkingDay(day);
            if (!working.IsSuccess)
            {
                return working.Error!;
            }

            workingDays -= working.Value ? 1 : 0;
        }

        return day;
    }

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/>; the start day is not counted.</summary>
    public Result<DateOnly> AddWorkingDays(DateOnly start, int workingDays)
    {
        if (workingDays is < 0 or > MaxWorkingDays)
        {
            return Error.Field("workingDays", $"工作日天数应在 0 到 {MaxWorkingDays} 之间");
        }

        return Advance(start, workingDays);
    }

    private Result<DateOnly> Advance(DateOnly start, int workingDays)
    {
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            var working = IsWorkingDay(day);
            if (!working.IsSuccess)
            {
                return working.Error!;
            }

            if (working.Value)
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="through"/>]: what a pause from one to the other costs.</summary>
    public Result<int> CountWorkingDays(DateOnly after, DateOnly through)
    {
        var count = 0;
        for (var day = after.AddDays(1); day <= through; day = day.AddDays(1))
        {
            var working = IsWorkingDay(day);
            if (!working.IsSuccess)
            {
                return working.Error!;
            }

            if (working.Value)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A case's due date: <see cref="DueDate"/> when every day it crosses is published; when the count runs into a year
    /// whose holidays are not yet published (a December acceptance before the State Council's notice), a provisional
    /// date counting that year's weekends alone (暂定). The case shows it as such, and it is computed again when the year
    /// is imported. Other errors stay errors.
    /// </summary>
    public Result<(DateOnly Date, bool Provisional)> Deadline(DateOnly start, int workingDays, IEnumerable<PausedPeriod>? paused = null)
    {
        var pauses = (paused ?? []).ToList();
        var strict = DueDate(start, workingDays, pauses);
        if (strict.IsSuccess)
        {
            return (strict.Value, false);
        }

        if (strict.Error!.Code != YearMissingCode)
        {
            return strict.Error;
        }

        var provisional = new CalendarRules(offDays, years) { _weekendsWhereUnpublished = true }.DueDate(start, workingDays, pauses);
        return provisional.IsSuccess ? (provisional.Value, true) : provisional.Error!;
    }

    /// <summary>A due date whose clock was paused: it moves by exactly the working days spent paused.</summary>
    public Result<DateOnly> DueDate(DateOnly start, int workingDays, IEnumerable<PausedPeriod> paused)
    {
        if (workingDays is < 0 or > MaxWorkingDays)
        {
            return Error.Field("workingDays", $"工作日天数应在 0 到 {MaxWorkingDays} 之间");
        }

        var extra = 0;
        foreach (var period in paused)
        {
            if (period.To < period.From)
            {
                return Error.Field("paused", "暂停结束日期不能早于开始日期");
            }

            var days = CountWorkingDays(period.From, period.To);
            if (!days.IsSuccess)
            {
                return days.Error!;
            }

            extra += days.Value;
        }

        return Advance(start, workingDays + extra);
    }
}
