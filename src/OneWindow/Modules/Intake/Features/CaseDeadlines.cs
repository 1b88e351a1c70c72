using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Features;

internal sealed record DeadlineScanResult(int Warned, int Overdue, int SupplementsExpired, int PledgesBroken, int Conflicts);

/// <summary>
/// The deadline job: closes cases whose 补正 window passed, applies the item's consequence to a 容缺
/// pledge past due (terminate or suspend), and raises 预警 / 超期 on running cases. Each case is
/// saved on its own with its audit entry and event; a case an officer changed meanwhile is left for
/// the next run (its version no longer matches). Runs every Intake:DeadlineScanSeconds (and once at start-up).
/// </summary>
internal sealed partial class CaseDeadlines(
    AppDbContext db, AuditTrail audit, WorkingDayCalendar calendar, BundleSteps bundleSteps, IOptions<IntakeOptions> options, TimeProvider clock,
    ILogger<CaseDeadlines> log) : IPeriodicWork
{
    Task IPeriodicWork.RunAsync(CancellationToken ct) => RunAsync(ct);

    public async Task<DeadlineScanResult> RunAsync(CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var rules = await calendar.RulesAsync(ct);
        int warned = 0, overdue = 0, expired = 0, broken = 0, conflicts = 0;

        var awaiting = await db.Set<Case>().Where(c => c.Status == CaseStatus.Supplementing && c.SupplementDueDate < today).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in awaiting)
        {
            switch (await ApplyAsync(id, c => c.ExpireSupplement(today).IsSuccess ? CaseRecording.Event<CaseTerminated>(c) : null, ct))
            {
                case true: expired++; break;
                case null: conflicts++; break;
            }
        }

        var pledged = await db.Set<Case>()
            .Where(c => c.PledgeDueDate < today && c.PledgeFulfilledOn == null && c.SuspendedSince == null && !Case.Final.Contains(c.Status))
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var id in pledged)
        {
            switch (await ApplyAsync(id, c => c.PledgeBroken(today) && c.BreakPledge(today).IsSuccess
                ? (c.SuspendedSince is null ? CaseRecording.Event<CaseTerminated>(c) : CaseRecording.Event<CaseSuspended>(c))
                : null, ct))
            {
                case true: broken++; break;
                case null: conflicts++; break;
            }
        }

        // Running cases are read in one pass and checked in memory; only those whose 预警/超期 state changes
        // are loaded again and saved (each on its own, so an officer's concurrent change wins).
        var changing = new List<Guid>();
        await foreach (var c in db.Set<Case>().AsNoTracking()
                           .Where(c => Case.Running.Contains(c.Status) && c.DeadlineState != DeadlineState.Overdue && c.SuspendedSince == null && c.DueDate != null)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (c.UpdateDeadline(today, rules, options.Value.WarningShare) is { IsSuccess: true, Value: true } && c.DeadlineState != DeadlineState.Normal)
            {
                changing.Add(c.Id);
            }
        }

        foreach (var id in changing)
        {
            var state = DeadlineState.Normal;
            var applied = await ApplyAsync(id, c =>
            {
                var changed = c.UpdateDeadline(today, rules, options.Value.WarningShare);
                state = c.DeadlineState;
                return changed is { IsSuccess: true, Value: true } && state != DeadlineState.Normal
                    ? (state == DeadlineState.Overdue ? CaseRecording.Event<CaseOverdue>(c) : CaseRecording.Event<CaseDeadlineWarning>(c))
                    : null;
            }, ct);
            if (applied is null)
            {
                conflicts++;
            }
            else if (applied.Value)
            {
                _ = state == DeadlineState.Overdue ? overdue++ : warned++;
            }
        }

        var result = new DeadlineScanResult(warned, overdue, expired, broken, conflicts);
        if (warned + overdue + expired + broken + conflicts > 0)
        {
            LogScan(log, result);
        }

        return result;
    }

    /// <summary>Loads one case, lets <paramref name="change"/> act on it (returning the fact, or null for no change), saves. Null when another writer got there first.</summary>
    private async Task<bool?> ApplyAsync(Guid id, Func<Case, CaseEvent?> change, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var c = await db.Set<Case>().SingleAsync(x => x.Id == id, ct);
        if (change(c) is not { } fact)
        {
            return false;
        }

        CaseRecording.Record(audit, c, fact);
        if (c.BundleApplicationId is not null)
        {
            // A sub-case ended by the job (补正 window passed, pledge broken) may complete its bundle's decisions.
            await bundleSteps.AfterSubCaseStepAsync(c, fact, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline job: {Result}")]
    private static partial void LogScan(ILogger log, DeadlineScanResult result);
}
