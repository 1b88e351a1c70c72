using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Queue.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Queue;

/// <summary>Service hall: 大导服 triage, queue ticketing across general counters, appointments, the live hall display, metrics.</summary>
public static class QueueModule
{
    public static void AddQueueModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueueOptions>().Bind(builder.Configuration.GetSection("Queue"))
            .Validate(o => o.MaxRecalls is >= 0 and <= 10, "Queue:MaxRecalls must be 0 to 10")
            .Validate(o => o.EstimateSample is >= 1 and <= 1000, "Queue:EstimateSample must be 1 to 1000")
            .Validate(o => o.AppointmentDaysAhead is >= 0 and <= 90, "Queue:AppointmentDaysAhead must be 0 to 90")
            .Validate(o => o.RemindAhead is >= 0 and <= 50, "Queue:RemindAhead must be 0 to 50")
            .ValidateOnStart();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<HallDisplayFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HallDisplayFeed>());
        builder.Services.AddScoped<OneWindow.Platform.Cli.IDataGenerator, TicketGenerator>();
        builder.Services.AddScoped<OneWindow.Modules.Callbacks.Contracts.ICallbackSources, CallbackSource>();
        builder.Services.AddScoped<HallWork>();
        builder.Services.AddScoped<HallQueue>();
        builder.Services.AddScoped<HallHours>();
        builder.Services.AddScoped<QueueEstimates>();
        builder.Services.AddScoped<Halls>();
        builder.Services.AddScoped<HallDisplay>();
        builder.Services.AddScoped<HallMetrics>();
        builder.Services.AddScoped<Appointments>();
        builder.Services.AddScoped<IQueueRecords, OneWindow.Modules.Queue.Features.QueueRecords>();
        builder.Services.AddScoped<IDemoSeeder, QueueDemoData>();
        builder.Services.AddPeriodicJob<QueueDayEnd>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value;
            return (o.DayEndJob, o.DayEndScanSeconds);
        });
    }

    public static void MapQueueModule(this WebApplication app) => QueueEndpoints.Map(app);
}
