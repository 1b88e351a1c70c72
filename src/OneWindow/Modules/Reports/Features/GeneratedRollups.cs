using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Reports.Domain;
using OneWindow.Platform.Cli;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Reports.Features;

/// <summary>
/// The rollups of a generator run, counted in memory by the same rules as the outbox handler (<see cref="RollupRows"/>) and added
/// to the stored rows at the end in one unit of work: the generated rows and the figures agree.
/// </summary>
internal sealed class GeneratedRollups : RollupRows, IGeneratedFacts
{
    private readonly Dictionary<(DateOnly, string, string, string), DailyFigures> _rows = [];
    private readonly Dictionary<DailyFigures, SortedDictionary<int, long>> _durations = new(ReferenceEqualityComparer.Instance);

    public void Count(IIntegrationEvent fact)
    {
        // The rows are in memory: the rules complete at once.
        var counted = CountAsync(fact, CancellationToken.None);
        if (!counted.IsCompleted)
        {
            throw new InvalidOperationException("in-memory rollups completed asynchronously");
        }
    }

    protected override ValueTask<DailyFigures> RowAsync(DateOnly day, string region, string department, string item, CancellationToken ct)
    {
        var key = (day, region, department, item);
        if (!_rows.TryGetValue(key, out var row))
        {
            _rows[key] = row = new DailyFigures { Day = day, RegionCode = region, DepartmentCode = department, ItemCode = item };
        }

        return ValueTask.FromResult(row);
    }

    /// <summary>Kept aside as numbers while counting (a string per case would be parsed ten million times) and written at the end.</summary>
    protected override void AddDuration(DailyFigures row, int workingDays)
    {
        if (!_durations.TryGetValue(row, out var histogram))
        {
            _durations[row] = histogram = [];
        }

        histogram[workingDays] = histogram.GetValueOrDefault(workingDays) + 1;
    }

    /// <summary>Adds the counted figures to the stored rows (new rows inserted), in one transaction; returns the rows written.</summary>
    public async Task<int> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        if (_rows.Count == 0)
        {
            return 0;
        }

        var (from, to) = (_rows.Keys.Min(k => k.Item1), _rows.Keys.Max(k => k.Item1));
        var stored = await db.Set<DailyFigures>().Where(r => r.Day >= from && r.Day <= to).ToDictionaryAsync(r => (r.Day, r.RegionCode, r.DepartmentCode, r.ItemCode), ct);
        foreach (var (row, histogram) in _durations)
        {
            row.Durations = DurationHistogram.Format(histogram);
        }

        foreach (var (key, add) in _rows)
        {
            if (stored.TryGetValue(key, out var row))
            {
                var durations = DurationHistogram.Parse(row.Durations);
                DurationHistogram.AddTo(durations, add.Durations);
                row.Durations = DurationHistogram.Format(durations);
                row.Received += add.Received;
                row.Online += add.Online;
                row.OneWindow += add.OneWindow;
                row.Instant += add.Instant;
                row.Completed += add.Completed;
                row.OneVisit += add.OneVisit;
                row.OnTime += add.OnTime;
                row.Timed += add.Timed;
                row.WorkingDaysSum += add.WorkingDaysSum;
                row.Tickets += add.Tickets;
                row.WaitMinutesSum += add.WaitMinutesSum;
                row.Ratings += add.Ratings;
                row.RatingsGood += add.RatingsGood;
                row.WorkOrders += add.WorkOrders;
                row.WorkOrdersFinished += add.WorkOrdersFinished;
                row.WorkOrdersOnTime += add.WorkOrdersOnTime;
                row.Callbacks += add.Callbacks;
            }
            else
            {
                db.Add(add);
            }
        }

        await db.SaveChangesAsync(ct);
        var written = _rows.Count;
        _rows.Clear();
        _durations.Clear();
        return written;
    }
}
