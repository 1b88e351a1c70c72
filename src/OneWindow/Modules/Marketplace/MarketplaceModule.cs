using OneWindow.Modules.Marketplace.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Marketplace;

/// <summary>中介超市: intermediaries, purchases with reproducible draws, bids and direct selection, 公示, contracts and ratings (ADR 0025).</summary>
public static class MarketplaceModule
{
    public static void AddMarketplaceModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MarketplaceOptions>().Bind(builder.Configuration.GetSection("Marketplace"))
            .Validate(o => o.PublicityWorkingDays is >= 0 and <= 30, "Marketplace:PublicityWorkingDays must be 0 to 30")
            .Validate(o => o.DirectThreshold >= 0, "Marketplace:DirectThreshold must not be negative")
            .ValidateOnStart();
        builder.Services.AddScoped<Intermediaries>();
        builder.Services.AddScoped<Purchases>();
        builder.Services.AddScoped<MarketplaceReport>();
        builder.Services.AddScoped<IDemoSeeder, MarketplaceDemoData>();
        builder.Services.AddPeriodicJob<QualificationExpiryJob>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MarketplaceOptions>>().Value;
            return (o.ExpiryJob, o.ExpiryScanSeconds);
        });
    }

    public static void MapMarketplaceModule(this WebApplication app) => MarketplaceEndpoints.Map(app);
}
