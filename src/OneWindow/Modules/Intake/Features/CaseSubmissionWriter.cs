using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// A validated submission waiting for its commit: one case, or a bundle application with its sub-cases.
/// The audit data is built once the numbers are known.
/// </summary>
public sealed record PendingSubmission(IReadOnlyList<Case> Cases, Func<Case, object> AuditData, string ActorId, string ActorName)
{
    public PendingSubmission(Case submitted, Func<Case, object> auditData, string actorId, string actorName)
        : this([submitted], auditData, actorId, actorName)
    {
    }

    /// <summary>The 一件事 application the cases belong to: written, numbered and audited in the same transaction.</summary>
    public BundleApplication? Bundle { get; init; }

    public Func<BundleApplication, object>? BundleAuditData { get; init; }

    /// <summary>The key a retry repeats: the bundle's for a bundle, the case's otherwise.</summary>
    public string? IdempotencyKey => Bundle is not null ? Bundle.IdempotencyKey : Cases[0].IdempotencyKey;

    internal TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit of submissions (ADR 0012). Submissions validated concurrently queue here; whoever finds
/// no writer at work becomes it and commits everything queued, up to 64 at a time, in one transaction:
/// one number-counter update per region, one audit-chain head update, one durable commit. Each
/// submission still gets its own case, number, audit entry and event; nobody waits for a timer (a lone
/// submission commits at once). If a batch fails (an Idempotency-Key raced in twice), its submissions
/// are committed one by one, so only the duplicate fails.
/// </summary>
public sealed class CaseSubmissionWriter(IServiceScopeFactory scopes, IOptions<IntakeOptions> options, TimeProvider clock)
{
    private const int MaxBatch = 64;
    private readonly ConcurrentQueue<PendingSubmission> _queue = new();
    private int _writing;

    /// <summary>Commits the submission; false when its Idempotency-Key was taken by a concurrent submission.</summary>
    public Task<bool> WriteAsync(PendingSubmission submission)
    {
        _queue.Enqueue(submission);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            // The writer serves many requests: it must not carry this request's context along.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync);
            }
        }

        return submission.Done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<PendingSubmission>();
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                continue;
            }

            Volatile.Write(ref _writing, 0);
            // A submission queued between the last look and the reset would wait for nobody: look again.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task CommitAsync(List<PendingSubmission> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                await WriteBatchAsync(batch);
                batch.ForEach(s => s.Done.TrySetResult(true));
                return;
            }
            catch (Exception)
            {
                // One by one below: each submission meets its own outcome.
            }
        }

        foreach (var submission in batch)
        {
            try
            {
                await WriteBatchAsync([submission]);
                submission.Done.TrySetResult(true);
            }
            catch (DbUpdateException) when (submission.IdempotencyKey is not null)
            {
                submission.Done.TrySetResult(false);
            }
            catch (Exception ex)
            {
                submission.Done.TrySetException(ex);
            }
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<PendingSubmission> batch)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var today = clock.TodayInChina();
        foreach (var region in batch.SelectMany(s => s.Cases).GroupBy(c => c.RegionCode))
        {
            var numbers = await CaseNumbers.NextAsync(db, options.Value.NumberFormat, region.Key, today, region.Count(), CancellationToken.None);
            foreach (var (c, number) in region.Zip(numbers))
            {
                c.Number = number;
            }
        }

        foreach (var region in batch.Select(s => s.Bundle).OfType<BundleApplication>().GroupBy(b => b.RegionCode))
        {
            var numbers = await CaseNumbers.NextAsync(db, options.Value.NumberFormat, CaseNumbers.BundleCounter(region.Key), today, region.Count(), CancellationToken.None);
            foreach (var (b, number) in region.Zip(numbers))
            {
                b.Number = number;
            }
        }

        foreach (var s in batch)
        {
            if (s.Bundle is { } bundle)
            {
                db.Add(bundle);
                audit.Record(new AuditRecord(bundle.RegionCode, "BundleApplication", bundle.Id.ToString(), "BundleSubmitted", s.BundleAuditData?.Invoke(bundle) ?? new { bundle.Number }),
                    s.ActorId, s.ActorName);
                outbox.Enqueue(BundleChanged.Of(bundle, "BundleSubmitted"));
            }

            foreach (var c in s.Cases)
            {
                db.Add(c);
                audit.Record(new AuditRecord(c.RegionCode, "Case", c.Id.ToString(), "CaseSubmitted", s.AuditData(c)), s.ActorId, s.ActorName);
                outbox.Enqueue(CaseActions.Event(c, "CaseSubmitted"));
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }
}
