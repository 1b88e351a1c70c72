using OneWindow.Modules.Sites.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Sites;

/// <summary>百事通: service sites and partner sites, open now and nearest, and the offline map (ADR 0026).</summary>
public static class SitesModule
{
    public static void AddSitesModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SiteDirectory>();
        builder.Services.AddScoped<IDemoSeeder, SitesDemoData>();
    }

    public static void MapSitesModule(this WebApplication app) => SiteEndpoints.Map(app);
}
