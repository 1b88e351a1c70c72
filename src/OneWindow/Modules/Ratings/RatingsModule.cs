using OneWindow.Modules.Ratings.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Ratings;

/// <summary>好差评 at every service event, and the rectification (整改) a bad rating opens.</summary>
public static class RatingsModule
{
    public static void AddRatingsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RatingsOptions>().Bind(builder.Configuration.GetSection("Ratings"))
            .Validate(o => o.RectificationDays is >= 1 and <= 60, "Ratings:RectificationDays must be 1 to 60 working days")
            .Validate(o => o.PadMinutes is >= 1 and <= 120, "Ratings:PadMinutes must be 1 to 120")
            .ValidateOnStart();
        builder.Services.AddScoped<OneWindow.Platform.Cli.IDataGenerator, RatingGenerator>();
        builder.Services.AddScoped<GiveRating>();
        builder.Services.AddScoped<OneWindow.Modules.Ratings.Contracts.ICallbackRatings>(sp => sp.GetRequiredService<GiveRating>());
        builder.Services.AddScoped<RectificationOpening>();
        builder.Services.AddScoped<OneWindow.Modules.Ratings.Contracts.IRectifications>(sp => sp.GetRequiredService<RectificationOpening>());
        builder.Services.AddPeriodicJob<RectificationDeadlines>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RatingsOptions>>().Value;
            return (o.DeadlineJob, o.DeadlineScanSeconds);
        });
        builder.Services.AddScoped<RatingPads>();
        builder.Services.AddScoped<Rectifications>();
        builder.Services.AddScoped<OneWindow.Modules.Ratings.Contracts.IRatingLookup, OneWindow.Modules.Ratings.Features.RatingLookup>();
    }

    public static void MapRatingsModule(this WebApplication app) => RatingEndpoints.Map(app);
}
