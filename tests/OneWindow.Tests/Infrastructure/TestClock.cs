namespace OneWindow.Tests.Infrastructure;

/// <summary>
/// A clock tests move by hand, whose timers are real. Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider is
/// served now, but it also fakes timers: the hosted services the test host runs (outbox dispatcher, deadline and day-end
/// jobs) would wait for a hand that never advances them. These tests move the calendar, not the passing of time.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
