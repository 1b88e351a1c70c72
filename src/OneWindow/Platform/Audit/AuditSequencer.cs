using Microsoft.Extensions.Options;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Audit;

public sealed class AuditOptions
{
    /// <summary>Whether this instance chains entries (any number of instances may; one per region works at a time).</summary>
    public bool Sequencer { get; set; } = true;

    /// <summary>How often the sequencer looks without being woken (a write on another instance, a crash's leftovers).</summary>
    public int SequencerPollMilliseconds { get; set; } = 200;

    /// <summary>Entries chained per region per transaction.</summary>
    public int SequencerBatch { get; set; } = 500;
}

/// <summary>Wakes the sequencer when a unit of work that wrote audit entries has saved.</summary>
public sealed class AuditSignal : WakeSignal;

/// <summary>
/// Chains audit entries after their business transaction has committed, in batches, the way transparency logs integrate
/// entries (ADR 0018): a write takes no region-wide lock, and the chain (sequence, previous hash, hash) is built here
/// under the region's head lock. Crash-safe: chaining a batch is one transaction, so an entry is chained once or not yet;
/// what a crash left unchained is chained at the next look. Several instances may run it: one at a time per region holds
/// the region's advisory lock (<see cref="ClusterLocks"/>) for its pass; another waits its turn and then finds the
/// region's entries already chained.
/// </summary>
public sealed partial class AuditSequencer(IServiceScopeFactory scopes, ClusterLocks locks, AuditSignal signal, IOptions<AuditOptions> options, ILogger<AuditSequencer> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Sequencer)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SealAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, ex);
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.SequencerPollMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Chains every entry waiting now; returns how many.</summary>
    public async Task<int> SealAllAsync(CancellationToken ct)
    {
        var sealedCount = 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var region in await AuditChain.RegionsPendingAsync(db, ct))
        {
            await using var held = await locks.WaitAsync("audit:" + region, ct);
            int n;
            do
            {
                db.ChangeTracker.Clear();
                n = await AuditChain.SealPendingAsync(db, region, options.Value.SequencerBatch, ct);
                sealedCount += n;
            }
            while (n == options.Value.SequencerBatch);
        }

        return sealedCount;
    }

    [LoggerMessage(LogLevel.Error, "Audit sequencer pass failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
