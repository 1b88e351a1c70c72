using OneWindow.Platform;
using OneWindow.Platform.Calendar;

namespace OneWindow.Tests.Unit;

public sealed class CalendarRulesTests
{
    private static readonly CalendarRules Shipped = Build(WorkingDayCalendar.ShippedYears());

    private static CalendarRules Build(IEnumerable<CalendarYearDocument> years)
    {
        var list = years.ToList();
        return new CalendarRules(list.SelectMany(y => y.Days).ToDictionary(d => d.Date, d => d.IsOffDay), list.Select(y => y.Year).ToHashSet());
    }

    [Fact]
    public void Ships_every_year_from_2020_to_2026_and_not_2027()
    {
        Assert.Equal(Enumerable.Range(2020, 7), Shipped.Years.Order());
    }

    // Expected dates were worked out from the State Council notices: the last working day before
    // Spring Festival and National Day, one and ten working days on, and each year's last make-up day.
    [Theory]
    // 2020
    [InlineData("2020-01-23", 1, "2020-02-03")]
    [InlineData("2020-01-23", 10, "2020-02-14")]
    [InlineData("2020-09-30", 1, "2020-10-09")]
    [InlineData("2020-09-30", 10, "2020-10-21")]
    [InlineData("2020-10-09", 1, "2020-10-10")]
    // 2021
    [InlineData("2021-02-10", 1, "2021-02-18")]
    [InlineData("2021-02-10", 10, "2021-03-02")]
    [InlineData("2021-09-18", 1, "2021-09-22")]
    [InlineData("2021-09-18", 10, "2021-10-09")]
    [InlineData("2021-10-08", 1, "2021-10-09")]
    // 2022
    [InlineData("2022-01-30", 1, "2022-02-07")]
    [InlineData("2022-01-30", 10, "2022-02-18")]
    [InlineData("2022-09-30", 1, "2022-10-08")]
    [InlineData("2022-09-30", 10, "2022-10-19")]
    [InlineData("2022-10-08", 1, "2022-10-09")]
    // 2023 (its notice also sets 2022-12-31)
    [InlineData("2022-12-30", 1, "2023-01-03")]
    [InlineData("2023-01-20", 1, "2023-01-28")]
    [InlineData("2023-01-20", 10, "2023-02-08")]
    [InlineData("2023-09-28", 1, "2023-10-07")]
    [InlineData("2023-09-28", 10, "2023-10-18")]
    [InlineData("2023-10-07", 1, "2023-10-08")]
    // 2024
    [InlineData("2024-02-09", 1, "2024-02-18")]
    [InlineData("2024-02-09", 10, "2024-02-29")]
    [InlineData("2024-09-30", 1, "2024-10-08")]
    [InlineData("2024-09-30", 10, "2024-10-18")]
    [InlineData("2024-10-11", 1, "2024-10-12")]
    // 2025
    [InlineData("2025-01-27", 1, "2025-02-05")]
    [InlineData("2025-01-27", 10, "2025-02-17")]
    [InlineData("2025-09-30", 1, "2025-10-09")]
    [InlineData("2025-09-30", 10, "2025-10-21")]
    [InlineData("2025-10-10", 1, "2025-10-11")]
    // 2026 (API.md's example: 2026-02-12 + 5 = 2026-02-26)
    [InlineData("2026-02-12", 5, "2026-02-26")]
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2026-02-14", 10, "2026-03-06")]
    [InlineData("2026-09-24", 1, "2026-09-28")]
    [InlineData("2026-09-24", 10, "2026-10-15")]
    [InlineData("2026-10-09", 1, "2026-10-10")]
    // The start day is not counted; zero days is the start day itself.
    [InlineData("2026-03-02", 0, "2026-03-02")]
    [InlineData("2026-03-06", 1, "2026-03-09")]
    public void Adds_working_days_across_holidays_and_make_up_days(string from, int days, string expected)
    {
        var due = Shipped.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days);
        Assert.True(due.IsSuccess, due.Error?.Title);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due.Value);
    }

    [Fact]
    public void Every_shipped_holiday_is_off_and_every_make_up_day_is_working()
    {
        foreach (var year in WorkingDayCalendar.ShippedYears())
        {
            foreach (var day in year.Days)
            {
                Assert.Equal(!day.IsOffDay, Shipped.IsWorkingDay(day.Date).Value);
            }
        }
    }

    [Fact]
    public void A_paused_clock_moves_the_due_date_by_exactly_the_paused_working_days()
    {
        var start = new DateOnly(2026, 2, 12);
        var plain = Shipped.DueDate(start, 5, []).Value;
        // Paused on 02-24, resumed on 02-26: 02-25 and 02-26 are lost, so two more working days (02-27, and 02-28, a make-up Saturday).
        var paused = Shipped.DueDate(start, 5, [new PausedPeriod(new DateOnly(2026, 2, 24), new DateOnly(2026, 2, 26))]).Value;
        Assert.Equal(new DateOnly(2026, 2, 26), plain);
        Assert.Equal(new DateOnly(2026, 2, 28), paused);

        // A pause entirely inside a holiday costs nothing.
        var holidayPause = Shipped.DueDate(start, 5, [new PausedPeriod(new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 23))]).Value;
        Assert.Equal(plain, holidayPause);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    [InlineData(int.MaxValue)]
    public void Rejects_negative_or_huge_day_counts(int days)
    {
        var due = Shipped.AddWorkingDays(new DateOnly(2026, 3, 2), days);
        Assert.Equal(ErrorKind.Validation, due.Error!.Kind);
        Assert.Contains("workingDays", due.Error.Fields!.Keys);
    }

    [Fact]
    public void A_year_not_yet_published_is_an_error_not_a_guess()
    {
        var due = Shipped.AddWorkingDays(new DateOnly(2026, 12, 20), 20);
        Assert.Equal("calendar:year-missing", due.Error!.Code);
        Assert.Contains("2027", due.Error.Title, StringComparison.Ordinal);

        var withNextYear = Build([.. WorkingDayCalendar.ShippedYears(), new CalendarYearDocument(2027, "test", [])]);
        Assert.True(withNextYear.AddWorkingDays(new DateOnly(2026, 12, 20), 20).IsSuccess);
    }

    [Fact]
    public void A_make_up_day_on_a_weekday_is_rejected_with_the_line_named()
    {
        var doc = new CalendarYearDocument(2031, "test", [new CalendarDayDocument(new DateOnly(2031, 3, 4), "测试", false)]);
        var result = WorkingDayCalendar.Validate(2031, doc);
        Assert.Equal("calendar:invalid", result.Error!.Code);
        Assert.Contains("days[0].isOffDay", result.Error.Fields!.Keys);
    }
}

public sealed class RegionScopeTests
{
    [Theory]
    [InlineData("371600", "371602", true)]
    [InlineData("371600", "371600", true)]
    [InlineData("371602", "371621", false)]
    [InlineData("370000", "371621", true)]
    [InlineData("370830", "370831", false)]
    [InlineData(null, "371600", false)]
    public void A_city_covers_its_counties_and_a_county_only_itself(string? scope, string region, bool covered) =>
        Assert.Equal(covered, OneWindow.Platform.Calendar.Regions.Covers(scope, region));
}
