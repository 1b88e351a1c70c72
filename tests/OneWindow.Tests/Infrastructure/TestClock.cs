using System.Diagnostics;

namespace OneWindow.Tests.Infrastructure;

/// <summary>
/// A clock tests move by hand, whose timers are real. Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider is
/// served now, but it also fakes timers: the hosted services the test host runs (outbox dispatcher, deadline and day-end
/// jobs) would wait for a hand that never advances them. These tests move the calendar, not the passing of time.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    // UTC, as TimeProvider promises (PostgreSQL's timestamptz takes only offset 0), whatever offset the test wrote.
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// A clock that starts at a chosen moment and then runs with real time: for tests that need the service hall open
/// (a working day, in its hours) whenever they run, and whose steps still need time to pass between them.
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_started);

    /// <summary>The next Monday-to-Friday after today, at 10:00 in China: the demo halls are open, and the server is ahead of the browser, never behind (cookies stay valid).</summary>
    public static RunningClock NextWeekdayMorning()
    {
        var china = TimeSpan.FromHours(8);
        var day = DateTimeOffset.UtcNow.ToOffset(china).Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return new RunningClock(new DateTimeOffset(day.AddHours(10), china));
    }
}
