using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Features;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Catalog;

/// <summary>政务服务事项目录: items, implementation lists, materials, forms, the public guide.</summary>
public static class CatalogModule
{
    public static void AddCatalogModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICatalogQueries, OneWindow.Modules.Catalog.Features.CatalogQueries>();
        builder.Services.AddSingleton<CatalogIndex>();
        builder.Services.AddScoped<ItemSearch>();
        builder.Services.AddScoped<ItemReader>();
        builder.Services.AddScoped<CatalogEditor>();
        builder.Services.AddScoped<ImportJobs>();
        builder.Services.AddOutboxHandler<CatalogImportRequested, RunCatalogImport>();
        builder.Services.AddScoped<OneWindow.Platform.IDemoSeeder, CatalogDemoData>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(ManageItems.EditorPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.DepartmentHead));
    }

    public static void MapCatalogModule(this WebApplication app)
    {
        var items = app.MapGroup("/api/v1/items").WithTags("事项目录");
        SearchItems(items);
        GetItem(items);
        ValidateForm.Map(items);
        ManageItems.Map(items, app);
        InstantRuleTrials.Map(items);
        ImportJobs.Map(app);
    }

    private static void SearchItems(RouteGroupBuilder items) => ItemSearch.Map(items);

    private static void GetItem(RouteGroupBuilder items) => ItemReader.Map(items);
}
