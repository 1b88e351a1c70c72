using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Marketplace.Domain;
using OneWindow.Modules.Marketplace.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Marketplace.Pages;

/// <summary>中介超市, public: the purchases (公告, 公示, results) and the register of intermediaries with their scores and breaches; paging and filters work without JavaScript.</summary>
internal sealed class MarketModel(Purchases purchases, Intermediaries intermediaries, MarketplaceReport report, ICurrentUser user, TimeProvider clock) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ServiceType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<PurchaseView> Purchases { get; private set; } = Page<PurchaseView>.Empty(20);

    public Page<IntermediaryView> Agencies { get; private set; } = Page<IntermediaryView>.Empty(20);

    public MarketplaceSummary? Summary { get; private set; }

    public bool MayBuy => PurchaseAccess.BuyerCodeOf(user) is not null;

    public static IReadOnlyList<(string Code, string Name, string Qualification)> Types => ServiceTypes.All;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = Math.Max(1, PageNumber);
        if (Tab == "agencies")
        {
            Agencies = await intermediaries.ListAsync(ServiceType, null, Q, page, 20, ct);
        }
        else
        {
            Purchases = await purchases.ListAsync(null, ServiceType, Mine, page, 20, ct);
            var today = Platform.Data.Timestamps.TodayInChina(clock);
            Summary = await report.SummaryAsync(today.AddDays(-364), today, ct);
        }
    }
}
