using OneWindow.Modules.Delivery.Contracts;
using OneWindow.Modules.Delivery.Features;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Delivery;

/// <summary>政邮商: shipments of results by post with waybills, scans and monthly settlements, and 上门办 pickups (ADR 0025).</summary>
public static class DeliveryModule
{
    public static void AddDeliveryModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().Bind(builder.Configuration.GetSection("Delivery"))
            .Validate(o => o.Carriers.Length > 0 && o.Carriers.All(c => c.Code.Length > 0 && c.Prefix.Length == 2 && c.Prefix.All(char.IsAsciiLetterUpper)),
                "Delivery:Carriers needs at least one carrier, each with a code and a two-letter waybill prefix")
            .Validate(o => o.LateDeduction is >= 0 and <= 1, "Delivery:LateDeduction is a share of the fee, 0 to 1")
            .ValidateOnStart();
        builder.Services.AddScoped<Shipments>();
        builder.Services.AddScoped<Settlements>();
        builder.Services.AddScoped<DoorstepPickups>();
        builder.Services.AddScoped<IDoorstepPickups>(sp => sp.GetRequiredService<DoorstepPickups>());
        builder.Services.AddOutboxHandler<CaseCompleted, Shipments>();
        builder.Services.AddOutboxHandler<CaseSubmitted, DoorstepPickups>();
        builder.Services.AddOutboxHandler<CaseAccepted, DoorstepPickups>();
    }

    public static void MapDeliveryModule(this WebApplication app) => DeliveryEndpoints.Map(app);
}
