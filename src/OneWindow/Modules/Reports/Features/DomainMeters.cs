using OneWindow.Modules.Hotline.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Telemetry;

namespace OneWindow.Modules.Reports.Features;

/// <summary>
/// The domain meters (ADR 0027), counted from the same typed events as the rollups: cases submitted, decided and completed
/// (on time or not) by item kind, hall waits, 12345 orders. Each instance counts the events it delivers; Prometheus sums
/// the instances.
/// </summary>
internal sealed class DomainMeters(OneWindowMeters meters) :
    IOutboxHandler<CaseSubmitted>, IOutboxHandler<CaseGranted>, IOutboxHandler<CaseDenied>, IOutboxHandler<CaseDeclined>,
    IOutboxHandler<CaseCompleted>, IOutboxHandler<TicketCalled>, IOutboxHandler<WorkOrderReceived>
{
    public Task HandleAsync(CaseSubmitted e, OutboxDeliveryContext context, CancellationToken ct)
    {
        meters.CaseSubmitted(e.ItemCode, e.Channel.Length == 0 ? "unknown" : Platform.EnumText.InJson(e.Channel));
        return Task.CompletedTask;
    }

    public Task HandleAsync(CaseGranted e, OutboxDeliveryContext context, CancellationToken ct) => Decided(e, "granted");

    public Task HandleAsync(CaseDenied e, OutboxDeliveryContext context, CancellationToken ct) => Decided(e, "denied");

    public Task HandleAsync(CaseDeclined e, OutboxDeliveryContext context, CancellationToken ct) => Decided(e, "declined");

    public Task HandleAsync(CaseCompleted e, OutboxDeliveryContext context, CancellationToken ct)
    {
        meters.CaseCompleted(e.ItemCode, e.DueDate is not { } due || e.CompletedOn is not { } done || done <= due);
        return Task.CompletedTask;
    }

    public Task HandleAsync(TicketCalled e, OutboxDeliveryContext context, CancellationToken ct)
    {
        meters.TicketCalled(e.WaitMinutes);
        return Task.CompletedTask;
    }

    public Task HandleAsync(WorkOrderReceived e, OutboxDeliveryContext context, CancellationToken ct)
    {
        meters.HotlineOrderReceived(e.RegionCode);
        return Task.CompletedTask;
    }

    private Task Decided(CaseEvent e, string outcome)
    {
        meters.CaseDecided(e.ItemCode, outcome);
        return Task.CompletedTask;
    }
}
