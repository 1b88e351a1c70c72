using OneWindow.Modules.Ratings.Features;

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
        builder.Services.AddScoped<GiveRating>();
        builder.Services.AddScoped<RatingPads>();
        builder.Services.AddScoped<Rectifications>();
        builder.Services.AddScoped<OneWindow.Modules.Ratings.Contracts.IRatingLookup, OneWindow.Modules.Ratings.Features.RatingLookup>();
    }

    public static void MapRatingsModule(this WebApplication app) => RatingEndpoints.Map(app);
}
