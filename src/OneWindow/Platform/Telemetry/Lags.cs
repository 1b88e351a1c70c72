using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Platform.Telemetry;

/// <summary>
/// How far the background work is behind: the age of the oldest outbox message not yet delivered, and of the oldest audit
/// entry not yet chained (0 when nothing waits). Read fresh by the readiness probe and every 15 seconds for the gauges.
/// </summary>
public sealed class Lags(IServiceScopeFactory scopes, TimeProvider clock)
{
    public double OutboxSeconds { get; private set; }

    public double AuditSeconds { get; private set; }

    public async Task<(double Outbox, double Audit)> MeasureAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        // Both reads walk a partial index of the waiting rows only.
        var oldestMessage = await db.Set<OutboxMessage>().Where(m => m.ProcessedAt == null && m.FailedAt == null)
            .OrderBy(m => m.OccurredAt).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefaultAsync(ct);
        var oldestEntry = await db.Set<AuditEntry>().Where(e => e.Sequence == null).OrderBy(e => e.Id).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        OutboxSeconds = oldestMessage is { } m ? Math.Max(0, (now - m).TotalSeconds) : 0;
        AuditSeconds = oldestEntry is { } e ? Math.Max(0, (now - e).TotalSeconds) : 0;
        return (OutboxSeconds, AuditSeconds);
    }
}

/// <summary>Keeps <see cref="Lags"/> current for the gauges (each instance; two small reads every 15 seconds). Taking the meters creates them at start, so the gauges are there before any event.</summary>
internal sealed partial class LagWatch(Lags lags, OneWindowMeters meters, TimeProvider clock, ILogger<LagWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        GC.KeepAlive(meters);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), clock);
        do
        {
            try
            {
                await lags.MeasureAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Measuring the outbox and audit lag failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
