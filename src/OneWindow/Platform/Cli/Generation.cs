using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Platform.Cli;

/// <summary>
/// What <c>OneWindow generate</c> makes (ADR 0026, decision 6): a realistic year of a province-sized city's work for load and
/// dashboard measurements — never mixed into a bureau's real data (generated rows are numbered and submitted as the generator).
/// </summary>
public sealed record GenerationPlan(long Cases, long Tickets, long Ratings, int Seed, DateOnly From, DateOnly To, int BatchSize)
{
    /// <summary>Who submitted every generated case (so they can be told apart and removed).</summary>
    public const string Submitter = "generator";
}

/// <summary>A service the generator closed (a completed case), for the generators after it (ratings rate these).</summary>
public sealed record GeneratedService(string SubjectType, Guid Id, string RegionCode, string DepartmentCode, string Label, DateTimeOffset ClosedAt);

/// <summary>
/// The facts generated rows would have produced, as typed events: the city's rollups count them in the same pass (the Reports
/// module implements it with the rules its outbox handler uses) and save them at the end.
/// </summary>
public interface IGeneratedFacts
{
    void Count(IIntegrationEvent fact);

    Task<int> SaveAsync(AppDbContext db, CancellationToken ct);
}

/// <summary>One module's part of the generated year (Intake: cases; Queue: hall tickets; Ratings: ratings).</summary>
public interface IDataGenerator
{
    /// <summary>The order the parts run in (ratings need the cases before them).</summary>
    int Order { get; }

    /// <summary>What it makes, for the progress line (办件, 排队号, 评价).</summary>
    string Label { get; }

    long Planned(GenerationPlan plan);

    Task<long> GenerateAsync(GenerationRun run, CancellationToken ct);
}

/// <summary>One run of the generator: the plan, the database, the facts counted, the services closed, the progress shown.</summary>
public sealed class GenerationRun(AppDbContext db, GenerationPlan plan, IGeneratedFacts facts, TextWriter progressTo)
{
    public AppDbContext Db => db;

    public GenerationPlan Plan => plan;

    public IGeneratedFacts Facts => facts;

    /// <summary>Closed services for later generators, up to the ratings planned.</summary>
    public List<GeneratedService> Closed { get; } = [];

    public ProgressBar Progress(string label, long total) => new(progressTo, label, total);

    /// <summary>
    /// Writes one batch of new rows in its own transaction through the provider's bulk path (PostgreSQL binary COPY, SQLite one
    /// prepared statement stepped per row), with the change tracker out of the way.
    /// </summary>
    public async Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ModelRows.BulkAsync(db, rows, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The Beijing-day index of working days over the plan's period and the months after it, for O(1) working-day arithmetic.</summary>
    public static WorkingDays WorkingDaysOf(Calendar.CalendarRules rules, DateOnly from, DateOnly to) => new(rules, from, to.AddDays(200));
}

/// <summary>Working days over a period as positions: the n-th working day, and how many lie before a date.</summary>
public sealed class WorkingDays
{
    private readonly DateOnly _from;
    private readonly int[] _before;
    private readonly List<DateOnly> _days = [];

    public WorkingDays(Calendar.CalendarRules rules, DateOnly from, DateOnly to)
    {
        _from = from;
        _before = new int[to.DayNumber - from.DayNumber + 2];
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            _before[d.DayNumber - from.DayNumber] = _days.Count;
            var working = rules.IsWorkingDay(d);
            if (working.IsSuccess ? working.Value : d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                _days.Add(d);
            }
        }

        _before[^1] = _days.Count;
    }

    public int Count => _days.Count;

    /// <summary>The position of <paramref name="day"/> if a working day, else of the next working day.</summary>
    public int OnOrAfter(DateOnly day) => _before[Math.Clamp(day.DayNumber - _from.DayNumber, 0, _before.Length - 1)];

    public DateOnly this[int position] => _days[Math.Min(position, _days.Count - 1)];
}

/// <summary>A one-line progress bar on the console: done of total, rows per second, time left.</summary>
public sealed class ProgressBar(TextWriter to, string label, long total)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _last;

    public long Done { get; private set; }

    public double RowsPerSecond => Done / Math.Max(0.001, Stopwatch.GetElapsedTime(_started).TotalSeconds);

    public double Seconds => Stopwatch.GetElapsedTime(_started).TotalSeconds;

    public void Add(long rows)
    {
        Done += rows;
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds >= 500 || Done >= total)
        {
            _last = now;
            Draw();
        }
    }

    private void Draw()
    {
        var share = total == 0 ? 1 : Math.Min(1, (double)Done / total);
        var filled = (int)(share * 30);
        var left = RowsPerSecond > 0 ? TimeSpan.FromSeconds((total - Done) / RowsPerSecond) : TimeSpan.Zero;
        to.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{label} [{new string('#', filled)}{new string('-', 30 - filled)}] {share * 100,3:0}% {Done:N0}/{total:N0}  {RowsPerSecond:N0} 行/秒  剩余 {left:hh\\:mm\\:ss}   "));
    }

    public void Finish()
    {
        Draw();
        to.WriteLine();
    }
}
