using OneWindow.Modules.Inspections.Features;

namespace OneWindow.Modules.Inspections;

/// <summary>现场勘验 and 远程勘验 of any case, with the 勘验报告 sealed by the department's e-seal (ADR 0025).</summary>
public static class InspectionsModule
{
    public static void AddInspectionsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InspectionOptions>().Bind(builder.Configuration.GetSection("Inspections"));
        builder.Services.AddScoped<InspectionWork>();
        builder.Services.AddScoped<Licenses.Contracts.ISealedDocumentRegister>(sp => sp.GetRequiredService<InspectionWork>());
        builder.Services.AddScoped<Platform.Files.IFileAccess, InspectionFileAccess>();
    }

    public static void MapInspectionsModule(this WebApplication app) => InspectionEndpoints.Map(app);
}
