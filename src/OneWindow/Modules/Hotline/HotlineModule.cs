using OneWindow.Modules.Hotline.Features;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Hotline;

/// <summary>12345 政务服务便民热线: work orders from call to callback (ADR 0022).</summary>
public static class HotlineModule
{
    public static void AddHotlineModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HotlineOptions>().Bind(builder.Configuration.GetSection("Hotline"))
            .Validate(o => o.MaxReopens is >= 0 and <= 5, "Hotline:MaxReopens must be 0 to 5")
            .Validate(o => o.DemoHistoryOrders is >= 0 and <= 50_000, "Hotline:DemoHistoryOrders must be 0 to 50,000")
            .ValidateOnStart();
        builder.Services.AddScoped<WorkOrders>();
        builder.Services.AddScoped<Knowledge>();
        builder.Services.AddScoped<WorkOrderStats>();
        builder.Services.AddScoped<Features.Open311.GeoReport>();
        builder.Services.AddScoped<Features.Open311.Open311Clients>();
        builder.Services.AddScoped<IDemoSeeder, HotlineDemoData>();
        builder.Services.AddSingleton<DispatchSuggestions>();
        builder.Services.AddSingleton<WorkOrderRatingCodes>();
        builder.Services.AddSingleton(new Platform.Data.DeclaredSecret(WorkOrderRatingCodes.KeyName));
        builder.Services.AddScoped<WorkOrderRatings>();
        builder.Services.AddScoped<Callbacks.Contracts.ICallbackSources, CallbackSource>();
        builder.Services.AddScoped<IRatableSubjects>(sp => sp.GetRequiredService<WorkOrderRatings>());
        builder.Services.AddOutboxHandler<RatingGiven, WorkOrderRatings>(e => e.SubjectType == WorkOrderRatings.Type && !e.ByCallback);
        builder.Services.AddPeriodicJob<WorkOrderDeadlines>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<HotlineOptions>>().Value;
            return (o.DeadlineJob, o.DeadlineScanSeconds);
        });
    }

    public static void MapHotlineModule(this WebApplication app)
    {
        HotlineEndpoints.Map(app);
        Features.Open311.Open311Endpoints.Map(app);
    }
}
