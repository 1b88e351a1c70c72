using OneWindow.Modules.Hotline.Features;

namespace OneWindow.Modules.Hotline;

/// <summary>12345 政务服务便民热线: work orders from call to callback (ADR 0022; slice 1: 受理, the caller's privacy, tracking).</summary>
public static class HotlineModule
{
    public static void AddHotlineModule(this WebApplicationBuilder builder) => builder.Services.AddScoped<WorkOrders>();

    public static void MapHotlineModule(this WebApplication app) => HotlineEndpoints.Map(app);
}
