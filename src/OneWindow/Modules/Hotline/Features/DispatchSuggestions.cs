using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Hotline.Features;

/// <summary>A suggested 主办 department and its share of the evidence ("市住建局 82 %").</summary>
internal sealed record DepartmentSuggestion(string Department, string? Name, int Share);

/// <summary>What a suggestion is learned from: one closed order's facts and the department that finally handled it.</summary>
internal sealed record DispatchHistory(string CategoryCode, string RegionCode, string Content, string Department);

/// <summary>
/// 派单建议 (ADR 0022, decision 5): counted, not trained. Every order closed by a department adds its features — the
/// category, the category within its region, the parent category, the region, the content's word pairs
/// (<see cref="Bigrams"/>) — to that department's counts. A new order's candidates are scored by how often each of its
/// features went to each department, the category-in-region counting most; the shares add up to 100. The counts live in
/// memory, rebuilt from the closed orders a minute after they were built or at once after a close through this instance.
/// </summary>
internal sealed class DispatchSuggestions(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    /// <summary>How much each kind of feature counts: the category in the order's region most, a word of the content least (each word's share is averaged first).</summary>
    private static readonly (string Prefix, double Weight)[] Weights = [("cr:", 4), ("c:", 2), ("p:", 1), ("r:", 1), ("w:", 3)];

    internal sealed class Counts
    {
        public Dictionary<string, Dictionary<string, int>> ByFeature { get; } = new(StringComparer.Ordinal);

        public void Add(DispatchHistory h)
        {
            foreach (var f in Features(h.CategoryCode, h.RegionCode, h.Content))
            {
                if (!ByFeature.TryGetValue(f, out var departments))
                {
                    ByFeature[f] = departments = new(StringComparer.Ordinal);
                }

                departments[h.Department] = departments.GetValueOrDefault(h.Department) + 1;
            }
        }
    }

    private readonly RefreshingCache<Counts> _counts = new(async ct =>
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = new Counts();
        await foreach (var h in db.Set<WorkOrder>().AsNoTracking()
                           .Where(o => o.Status == WorkOrderStatus.Closed && o.LeadDepartment != null)
                           .Select(o => new DispatchHistory(o.CategoryCode, o.RegionCode, o.Content, o.LeadDepartment!))
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            counts.Add(h);
        }

        return counts;
    }, TimeSpan.FromMinutes(1), clock);

    public static IEnumerable<string> Features(string category, string region, string content)
    {
        yield return $"cr:{category}|{region}";
        yield return $"c:{category}";
        if (category.Length > 2)
        {
            yield return $"p:{category[..^2]}";
        }

        yield return $"r:{region}";
        foreach (var w in Bigrams.Of(content))
        {
            yield return $"w:{w}";
        }
    }

    /// <summary>The top departments for an order, each with its share; only departments <paramref name="eligible"/> accepts (those that may lead in the order's region).</summary>
    public async Task<IReadOnlyList<(string Department, int Share)>> SuggestAsync(
        string category, string region, string content, Func<string, bool> eligible, int take, CancellationToken ct) =>
        Rank(await _counts.GetAsync(ct), category, region, content, eligible, take);

    /// <summary>The scoring, on any counts (the held-out test and the bench build their own).</summary>
    public static IReadOnlyList<(string Department, int Share)> Rank(Counts counts, string category, string region, string content, Func<string, bool> eligible, int take)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var words = 0;
        var wordScores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var f in Features(category, region, content))
        {
            if (!counts.ByFeature.TryGetValue(f, out var departments))
            {
                continue;
            }

            var isWord = f.StartsWith("w:", StringComparison.Ordinal);
            var weight = Weights.First(w => f.StartsWith(w.Prefix, StringComparison.Ordinal)).Weight;
            double total = departments.Values.Sum();
            words += isWord ? 1 : 0;
            foreach (var (d, n) in departments)
            {
                if (!eligible(d))
                {
                    continue;
                }

                var target = isWord ? wordScores : scores;
                target[d] = target.GetValueOrDefault(d) + (isWord ? 1 : weight) * n / total;
            }
        }

        foreach (var (d, s) in wordScores)
        {
            scores[d] = scores.GetValueOrDefault(d) + Weights.First(w => w.Prefix == "w:").Weight * s / words;
        }

        var sum = scores.Values.Sum();
        return sum <= 0 ? []
            : [.. scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(take)
                .Select(s => (s.Key, (int)Math.Round(100 * s.Value / sum)))];
    }

    /// <summary>A close through this instance counts at once.</summary>
    public void Invalidate() => _counts.Invalidate();

    public void Dispose() => _counts.Dispose();
}
