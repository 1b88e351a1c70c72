using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Marketplace.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Marketplace.Features;

internal sealed record MethodCount(string Method, string MethodLabel, int Purchases, int Contracted);

internal sealed record BuyerCount(string BuyerName, string BuyerKind, int Purchases, int Contracted, decimal Budget, decimal ContractAmount);

internal sealed record MarketplaceSummary(
    DateOnly From, DateOnly To, int Purchases, int Contracted, int Failed, decimal AverageSavingsRate, decimal SavedAmount, int Delivered, int DeliveredOnTime, decimal OnTimeShare,
    IReadOnlyList<MethodCount> ByMethod, IReadOnlyList<BuyerCount> ByTownship, IReadOnlyList<BuyerCount> ByBuyer);

/// <summary>中介超市 in figures: selections by method and by township, the average saving against budget, and the share delivered on time.</summary>
internal sealed class MarketplaceReport(AppDbContext db)
{
    public async Task<MarketplaceSummary> SummaryAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (Timestamps.AtChinaTime(from), Timestamps.AtChinaTime(to.AddDays(1)));
        var rows = await db.Set<Purchase>().AsNoTracking().Where(p => p.CreatedAt >= start && p.CreatedAt < end)
            .Select(p => new { p.Method, p.Status, p.BuyerName, p.BuyerKind, p.Budget, p.ContractAmount, p.DeliveredOn, p.Deadline }).ToListAsync(ct);
        var contracted = rows.Where(r => r.ContractAmount is not null).ToList();
        var delivered = rows.Where(r => r.DeliveredOn is not null).ToList();
        var onTime = delivered.Count(r => r.DeliveredOn <= r.Deadline);
        var byBuyer = rows.GroupBy(r => (r.BuyerName, r.BuyerKind)).Select(g => new BuyerCount(g.Key.BuyerName, g.Key.BuyerKind, g.Count(), g.Count(r => r.ContractAmount is not null),
            g.Sum(r => r.Budget), g.Sum(r => r.ContractAmount ?? 0))).OrderByDescending(b => b.Purchases).ToList();
        return new MarketplaceSummary(from, to, rows.Count, contracted.Count, rows.Count(r => r.Status == PurchaseStatus.Failed),
            contracted.Count == 0 ? 0 : Math.Round(contracted.Average(r => (r.Budget - r.ContractAmount!.Value) / r.Budget), 4),
            contracted.Sum(r => r.Budget - r.ContractAmount!.Value), delivered.Count, onTime, delivered.Count == 0 ? 0 : Math.Round((decimal)onTime / delivered.Count, 4),
            [.. Enum.GetValues<SelectionMethod>().Select(m => new MethodCount(m.InJson(), Purchase.Label(m),
                rows.Count(r => r.Method == m), rows.Count(r => r.Method == m && r.ContractAmount is not null)))],
            [.. byBuyer.Where(b => b.BuyerKind == "township")], byBuyer);
    }
}
