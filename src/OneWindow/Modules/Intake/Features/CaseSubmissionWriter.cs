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
internal sealed record PendingSubmission(IReadOnlyList<Case> Cases, Func<Case, object> AuditData, string ActorId, string ActorName)
{
    public PendingSubmission(Case submitted, Func<Case, object> auditData, string actorId, string actorName)
        : this([submitted], auditData, actorId, actorName)
    {
    }

    /// <summary>The 一件事 application the cases belong to: written, numbered and audited in the same transaction.</summary>
    public BundleApplication? Bundle { get; init; }

    public Func<BundleApplication, object>? BundleAuditData { get; init; }

    /// <summary>
    /// 秒批 / 告知承诺 decided at once: who the system acts as (系统（秒批）). A case the rules granted at submission gets its
    /// 受理 and 准予许可 entries and facts under this name in the same commit (the licence is issued from the grant, as ever).
    /// </summary>
    public string? DecidedBy { get; init; }

    /// <summary>The key a retry repeats: the bundle's for a bundle, the case's otherwise.</summary>
    public string? IdempotencyKey => Bundle is not null ? Bundle.IdempotencyKey : Cases[0].IdempotencyKey;

    /// <summary>Whose key it is (keys are per submitter).</summary>
    public string SubmitterId => Bundle is not null ? Bundle.SubmittedById : Cases[0].SubmittedById;

    internal TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit of submissions (ADR 0012). Submissions validated concurrently queue here; whoever finds
/// no writer at work becomes it and commits everything queued, up to 64 at a time, in one transaction:
/// one number-counter update per region, the rows without change tracking (ADR 0015), one audit-chain
/// head update, one durable commit. Each submission still gets its own case, number, audit entry and
/// event; nobody waits for a timer (a lone submission commits at once). A submission whose
/// Idempotency-Key its submitter has used before is found by one read for the group and not written
/// (its caller answers with the earlier case). If a batch fails (the same key twice in one batch),
/// its submissions are committed one by one, so only the duplicate fails.
/// </summary>
internal sealed class CaseSubmissionWriter(
    IServiceScopeFactory scopes, GroupCommit groupCommit, IOptions<IntakeOptions> options, OutboxSignal signal, AuditSignal auditSignal, TimeProvider clock)
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
                var taken = await WriteBatchAsync(batch);
                batch.ForEach(s => s.Done.TrySetResult(!taken.Contains(s)));
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
                var taken = await WriteBatchAsync([submission]);
                submission.Done.TrySetResult(taken.Count == 0);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException && submission.IdempotencyKey is not null)
            {
                submission.Done.TrySetResult(false);
            }
            catch (Exception ex)
            {
                submission.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// Writes the batch in one transaction; returns the submissions not written because their key was
    /// taken. The keys are looked up before the transaction (a race is still caught by the unique index);
    /// inside it only the numbers and the rows (<see cref="ModelRows"/>, no change tracking; audit entries unchained,
    /// for the sequencer) are written, so the database's writer lock is held for little more than the commit.
    /// </summary>
    private async Task<HashSet<PendingSubmission>> WriteBatchAsync(List<PendingSubmission> all)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var taken = await TakenKeysAsync(db, all);
        var batch = all.Where(s => !taken.Contains(s)).ToList();
        if (batch.Count == 0)
        {
            return taken;
        }

        // One member of the platform's group commit (ADR 0019): the submissions commit with whatever else is being written.
        await groupCommit.RunAsync(db, async () =>
        {
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

            var now = clock.Now();
            var audit = new List<AuditEntry>();
            var events = new List<OutboxMessage>();
            void Add((AuditEntry Entry, OutboxMessage Message) rows)
            {
                audit.Add(rows.Entry);
                events.Add(rows.Message);
            }

            foreach (var s in batch)
            {
                if (s.Bundle is { } bundle)
                {
                    var submitted = BundleRecording.Event<BundleSubmitted>(bundle);
                    Add(AuditTrail.Rows(BundleRecording.Audit(bundle, submitted, s.BundleAuditData?.Invoke(bundle) ?? new { bundle.Number }), submitted, s.ActorId, s.ActorName, now));
                }

                foreach (var c in s.Cases)
                {
                    var submitted = CaseRecording.Event<CaseSubmitted>(c);
                    Add(AuditTrail.Rows(CaseRecording.Audit(c, submitted, s.AuditData(c)), submitted, s.ActorId, s.ActorName, now));
                    if (s.DecidedBy is { } system && c.Status == CaseStatus.Approved)
                    {
                        var accepted = CaseRecording.Event<CaseAccepted>(c) with { Status = nameof(CaseStatus.Accepted) };
                        Add(AuditTrail.Rows(CaseRecording.Audit(c, accepted, new { c.DueDate }), accepted, "system", system, now));
                        var granted = CaseRecording.Event<CaseGranted>(c);
                        Add(AuditTrail.Rows(CaseRecording.Audit(c, granted, new { opinion = c.DecisionOpinion, decision = c.Decision }), granted, "system", system, now));
                    }
                }
            }

            AuditChain.Stamp(audit, clock);
            await ModelRows.WriteAsync(db,
                [RowSet.Of(batch.Select(s => s.Bundle).OfType<BundleApplication>()), RowSet.Of(batch.SelectMany(s => s.Cases)), RowSet.Of(events), RowSet.Of(audit)],
                CancellationToken.None);
            return true;
        });
        signal.Notify();
        auditSignal.Notify();
        return taken;
    }

    private sealed record KeyUse(string SubmittedById, string? IdempotencyKey);

    // Read once per group on every submission path: translated once, not per group.
    private static readonly CompiledPerModel<Func<AppDbContext, List<string>, List<string>, IAsyncEnumerable<KeyUse>>> CaseKeysUsed =
        new(() => EF.CompileAsyncQuery((AppDbContext c, List<string> actors, List<string> keys) => c.Set<Case>().AsNoTracking()
            .Where(x => actors.Contains(x.SubmittedById) && x.IdempotencyKey != null && keys.Contains(x.IdempotencyKey)).Select(x => new KeyUse(x.SubmittedById, x.IdempotencyKey))));

    private static readonly CompiledPerModel<Func<AppDbContext, List<string>, List<string>, IAsyncEnumerable<KeyUse>>> BundleKeysUsed =
        new(() => EF.CompileAsyncQuery((AppDbContext c, List<string> actors, List<string> keys) => c.Set<BundleApplication>().AsNoTracking()
            .Where(x => actors.Contains(x.SubmittedById) && x.IdempotencyKey != null && keys.Contains(x.IdempotencyKey)).Select(x => new KeyUse(x.SubmittedById, x.IdempotencyKey))));

    /// <summary>The submissions whose submitter already used their Idempotency-Key (one read per table for the whole batch).</summary>
    private static async Task<HashSet<PendingSubmission>> TakenKeysAsync(AppDbContext db, IReadOnlyList<PendingSubmission> batch)
    {
        var taken = new HashSet<PendingSubmission>();
        var caseKeys = batch.Where(s => s.Bundle is null && s.IdempotencyKey is not null).Select(s => s.IdempotencyKey!).Distinct().ToList();
        var bundleKeys = batch.Where(s => s.Bundle is not null && s.IdempotencyKey is not null).Select(s => s.IdempotencyKey!).Distinct().ToList();
        // Both columns of the (submitted_by_id, idempotency_key) index, so the look-up is an index seek. The
        // "not null" matters: without it EF adds "OR key IS NULL AND the list holds a null" for PostgreSQL,
        // which left only the submitter to seek on (a clerk's every case, read per group).
        var actors = batch.Select(s => s.SubmitterId).Distinct().ToList();
        var used = new HashSet<(string?, string?, bool)>();
        if (caseKeys.Count > 0)
        {
            await foreach (var f in CaseKeysUsed.For(db)(db, actors, caseKeys))
            {
                used.Add((f.SubmittedById, f.IdempotencyKey, false));
            }
        }

        if (bundleKeys.Count > 0)
        {
            await foreach (var f in BundleKeysUsed.For(db)(db, actors, bundleKeys))
            {
                used.Add((f.SubmittedById, f.IdempotencyKey, true));
            }
        }

        taken.UnionWith(batch.Where(s => s.IdempotencyKey is not null && used.Contains((s.SubmitterId, s.IdempotencyKey, s.Bundle is not null))));
        return taken;
    }
}
