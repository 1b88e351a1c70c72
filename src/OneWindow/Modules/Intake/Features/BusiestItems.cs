using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// Counts the last 30 days' cases per item once every five minutes, not on every home page: the home page is the most
/// visited page and the count is a GROUP BY over the month's cases.
/// </summary>
internal sealed class BusiestItems : IBusiestItems, IDisposable
{
    private const int Kept = 20;
    private readonly RefreshingCache<List<ItemCaseCount>> _top;

    public BusiestItems(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _top = new(async ct =>
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var since = clock.GetUtcNow().AddDays(-IBusiestItems.Days);
            var rows = await db.Set<Case>().AsNoTracking().Where(c => c.SubmittedAt >= since)
                .GroupBy(c => c.ItemCode).Select(g => new { Code = g.Key, Name = g.Max(c => c.ItemName), Cases = g.Count() })
                .OrderByDescending(g => g.Cases).ThenBy(g => g.Code).Take(Kept).ToListAsync(ct);
            return [.. rows.Select(r => new ItemCaseCount(r.Code, r.Name ?? r.Code, r.Cases))];
        }, TimeSpan.FromMinutes(5), clock);
    }

    public async Task<IReadOnlyList<ItemCaseCount>> TopAsync(int take, CancellationToken ct = default) =>
        [.. (await _top.GetAsync(ct)).Take(Math.Clamp(take, 0, Kept))];

    public void Dispose() => _top.Dispose();
}
