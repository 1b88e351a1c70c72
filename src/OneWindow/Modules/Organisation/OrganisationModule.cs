using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Organisation.Features;

namespace OneWindow.Modules.Organisation;

/// <summary>Regions (GB/T 2260, shipped reference data), the departments of each region, and 跨域通办 agreements between regions.</summary>
public static class OrganisationModule
{
    public static void AddOrganisationModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDepartmentDirectory, OneWindow.Modules.Organisation.Features.DepartmentDirectory>();
        builder.Services.AddScoped<Agreements>();
        builder.Services.AddScoped<IAgreements>(sp => sp.GetRequiredService<Agreements>());
        builder.Services.AddScoped<Platform.IDemoSeeder, OrganisationDemoData>();
    }

    public static void MapOrganisationModule(this WebApplication app)
    {
        ListDepartments.Map(app);
        Agreements.Map(app);
    }
}
