using OneWindow.Modules.Callbacks.Features;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform;

namespace OneWindow.Modules.Callbacks;

/// <summary>满意度回访, 办不成事 and 反向体验 (ADR 0023): the daily callback list, the console, and the reports that feed the one rectification loop.</summary>
public static class CallbacksModule
{
    public static void AddCallbacksModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallbackOptions>().Bind(builder.Configuration.GetSection("Callbacks"))
            .Validate(o => o.RatedWithinDays is >= 0 and <= 365, "Callbacks:RatedWithinDays must be 0 to 365")
            .Validate(o => o.DailyCapacity >= 0, "Callbacks:DailyCapacity must be 0 (all) or more")
            .Validate(o => o.SharePercent is >= 0 and <= 100 && o.DepartmentShares.Values.All(v => v is >= 0 and <= 100), "Callbacks shares are percents (0 to 100)")
            .Validate(o => o.UnresolvedDays is >= 1 and <= 30, "Callbacks:UnresolvedDays must be 1 to 30 working days")
            .Validate(o => o.PatternReports >= 2 && o.PatternDays is >= 1 and <= 365, "Callbacks:PatternReports must be 2 or more, PatternDays 1 to 365")
            .ValidateOnStart();
        builder.Services.AddSingleton(new Platform.Data.DeclaredSecret(CallbackLists.PhoneKeyName));
        builder.Services.AddScoped<CallbackLists>();
        builder.Services.AddScoped<CallbackTasks>();
        builder.Services.AddScoped<CallbackReports>();
        builder.Services.AddScoped<UnresolvedReports>();
        builder.Services.AddScoped<IRatableSubjects>(sp => sp.GetRequiredService<UnresolvedReports>());
        builder.Services.AddScoped<ReverseExperiences>();
        builder.Services.AddScoped<IDemoSeeder, CallbackDemoData>();
        builder.Services.AddPeriodicJob<CallbackListJob>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CallbackOptions>>().Value;
            return (o.ListJob, o.ListScanSeconds);
        });
    }

    public static void MapCallbacksModule(this WebApplication app) => CallbackEndpoints.Map(app);
}
