using OneWindow.Modules.Accounts;
using OneWindow.Modules.Callbacks;
using OneWindow.Modules.Catalog;
using OneWindow.Modules.Delivery;
using OneWindow.Modules.Hotline;
using OneWindow.Modules.Inspections;
using OneWindow.Modules.Intake;
using OneWindow.Modules.Licenses;
using OneWindow.Modules.Marketplace;
using OneWindow.Modules.Notifications;
using OneWindow.Modules.Organisation;
using OneWindow.Modules.Projects;
using OneWindow.Modules.Queue;
using OneWindow.Modules.Ratings;
using OneWindow.Modules.Reports;
using OneWindow.Modules.Sites;
using OneWindow.Modules.Supervision;

namespace OneWindow.Modules;

/// <summary>Every module, in the order they are registered and mapped: the chapters of Program.cs's table of contents.</summary>
public static class AllModules
{
    public static void AddModules(this WebApplicationBuilder builder)
    {
        builder.AddOrganisationModule();
        builder.AddAccountsModule();
        builder.AddNotificationsModule();
        builder.AddCatalogModule();
        builder.AddIntakeModule();
        builder.AddLicensesModule();
        builder.AddProjectsModule();
        builder.AddQueueModule();
        builder.AddRatingsModule();
        builder.AddHotlineModule();
        builder.AddCallbacksModule();
        builder.AddSupervisionModule();
        builder.AddInspectionsModule();
        builder.AddDeliveryModule();
        builder.AddMarketplaceModule();
        builder.AddSitesModule();
        builder.AddReportsModule();
    }

    public static void MapModules(this WebApplication app)
    {
        app.MapOrganisationModule();
        app.MapAccountsModule();
        app.MapCatalogModule();
        app.MapIntakeModule();
        app.MapLicensesModule();
        app.MapProjectsModule();
        app.MapQueueModule();
        app.MapRatingsModule();
        app.MapHotlineModule();
        app.MapCallbacksModule();
        app.MapSupervisionModule();
        app.MapInspectionsModule();
        app.MapDeliveryModule();
        app.MapMarketplaceModule();
        app.MapSitesModule();
        app.MapReportsModule();
    }
}
