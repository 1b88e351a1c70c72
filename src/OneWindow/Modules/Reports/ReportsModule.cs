using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Hotline.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Reports.Features;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Reports;

/// <summary>The city's dashboards: rollups kept by other modules' events, the overview, breakdowns, the 大屏 and the monthly report (ADR 0026), and the domain meters counted from the same events (ADR 0027).</summary>
public static class ReportsModule
{
    public static void AddReportsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CityFigures>();
        builder.Services.AddTransient<OneWindow.Platform.Cli.IGeneratedFacts, GeneratedRollups>();
        builder.Services.AddOutboxHandler<CaseAccepted, Rollups>();
        builder.Services.AddOutboxHandler<CaseAcceptedWithDeferral, Rollups>();
        builder.Services.AddOutboxHandler<CaseCompleted, Rollups>();
        builder.Services.AddOutboxHandler<TicketCalled, Rollups>();
        builder.Services.AddOutboxHandler<RatingGiven, Rollups>();
        builder.Services.AddOutboxHandler<WorkOrderReceived, Rollups>();
        builder.Services.AddOutboxHandler<WorkOrderClosed, Rollups>();
        builder.Services.AddOutboxHandler<WorkOrderAnswered, Rollups>();
        builder.Services.AddOutboxHandler<WorkOrderReviewed, Rollups>();
        builder.Services.AddOutboxHandler<WorkOrderReopened, Rollups>();
        builder.Services.AddOutboxHandler<CallbackClosed, Rollups>();
        builder.Services.AddOutboxHandler<CaseSubmitted, DomainMeters>();
        builder.Services.AddOutboxHandler<CaseGranted, DomainMeters>();
        builder.Services.AddOutboxHandler<CaseDenied, DomainMeters>();
        builder.Services.AddOutboxHandler<CaseDeclined, DomainMeters>();
        builder.Services.AddOutboxHandler<CaseCompleted, DomainMeters>();
        builder.Services.AddOutboxHandler<TicketCalled, DomainMeters>();
        builder.Services.AddOutboxHandler<WorkOrderReceived, DomainMeters>();
    }

    public static void MapReportsModule(this WebApplication app) => ReportEndpoints.Map(app);
}
