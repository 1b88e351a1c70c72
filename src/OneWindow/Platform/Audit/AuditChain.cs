using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Data;

namespace OneWindow.Platform.Audit;

/// <summary>What the caller knows about a state change; the chain adds order, time and hashes.</summary>
public sealed record AuditRecord(string RegionCode, string SubjectType, string SubjectId, string Action, object? Data = null);

/// <summary>
/// Records audit entries in the current unit of work. Scoped: the actor is the current user. A change other
/// modules must hear of is recorded with its event (<see cref="Record(AuditRecord, Outbox.IIntegrationEvent)"/>):
/// the one path by which every writer, the group-commit writers included (<see cref="Rows"/>), keeps its audit
/// entry and its outbox message together.
/// </summary>
public sealed class AuditTrail(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Record(AuditRecord record) => Record(record, user.UserId ?? "system", user.DisplayName ?? "系统");

    /// <summary>For work done on someone's behalf outside their request (a group commit of their submission).</summary>
    public void Record(AuditRecord record, string actorId, string actorName) => db.Add(Entry(record, actorId, actorName));

    /// <summary>The change's audit entry and the event others hear of it, in the current unit of work: they commit, or vanish, together.</summary>
    public void Record(AuditRecord record, Outbox.IIntegrationEvent @event)
    {
        var (entry, message) = Rows(record, @event, user.UserId ?? "system", user.DisplayName ?? "系统", clock.Now());
        db.Add(entry);
        db.Add(message);
    }

    /// <summary>The rows of <see cref="Record(AuditRecord, Outbox.IIntegrationEvent)"/>, for a writer that links and inserts them itself.</summary>
    public static (AuditEntry Entry, Outbox.OutboxMessage Message) Rows(AuditRecord record, Outbox.IIntegrationEvent @event, string actorId, string actorName, DateTimeOffset now) =>
        (Entry(record, actorId, actorName), Outbox.Outbox.Message(@event, now));

    /// <summary>The entry, not yet linked, for a writer that links and inserts it itself (<see cref="AuditChain.LinkAsync"/>).</summary>
    public static AuditEntry Entry(AuditRecord record, string actorId, string actorName) => new()
    {
        RegionCode = record.RegionCode,
        ActorId = actorId,
        ActorName = actorName,
        SubjectType = record.SubjectType,
        SubjectId = record.SubjectId,
        Action = record.Action,
        Data = record.Data is null ? "{}" : JsonSerializer.Serialize(record.Data, Json),
    };
}

/// <param name="Pending">Entries committed but not chained yet (the sequencer's lag), and <paramref name="LagSeconds"/> the age of the oldest.</param>
public sealed record AuditVerification(bool Ok, long Checked, long? FirstBrokenAt, string? BrokenRegion)
{
    public long Pending { get; init; }

    public double LagSeconds { get; init; }
}

public static class AuditChain
{
    /// <summary>
    /// Readies new entries for the caller's transaction: they carry the time of the change and no place in a chain yet.
    /// The business transaction takes no region-wide lock; <see cref="AuditSequencer"/> chains them after commit (ADR 0018).
    /// </summary>
    internal static void Stamp(IEnumerable<AuditEntry> entries, TimeProvider clock)
    {
        var now = clock.Now();
        foreach (var entry in entries)
        {
            entry.At = now;
            entry.Sequence = null;
            entry.PreviousHash = "";
            entry.Hash = "";
        }
    }

    /// <summary>
    /// Chains up to <paramref name="batch"/> of the region's committed, unchained entries in one transaction: the head is
    /// locked (one sequencer per region at a time, on any number of instances), the entries not chained yet are read in the
    /// order they were written, linked, and written back with the head; all or nothing. Returns how many it chained.
    /// </summary>
    public static async Task<int> SealPendingAsync(AppDbContext db, string region, int batch, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var head = await LockHeadAsync(db, region, ct);
        var pending = await db.Set<AuditEntry>().Where(e => e.RegionCode == region && e.Sequence == null).OrderBy(e => e.Id).Take(batch).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        foreach (var entry in pending)
        {
            entry.Sequence = ++head.LastSequence;
            entry.PreviousHash = head.LastHash;
            entry.Hash = entry.ComputeHash();
            head.LastHash = entry.Hash;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return pending.Count;
    }

    private static async Task<AuditChainHead> LockHeadAsync(AppDbContext db, string region, CancellationToken ct)
    {
        // On PostgreSQL the head stays locked until commit; SQLite transactions are BEGIN IMMEDIATE (the database lock
        // serialises writers). A row lock, not an update, on the hottest row of the chain (ADR 0004).
        var existing = db.Database.IsNpgsql()
            ? db.Set<AuditChainHead>().FromSqlInterpolated($"SELECT * FROM audit_chain_heads WHERE region_code = {region} FOR UPDATE")
            : db.Set<AuditChainHead>().FromSqlInterpolated($"SELECT * FROM audit_chain_heads WHERE region_code = {region}");
        if ((await existing.ToListAsync(ct)).SingleOrDefault() is { } head)
        {
            return head;
        }

        // A region's first entry: one statement creates the head (or, in a race, locks the one just created) and returns it.
        return (await db.Set<AuditChainHead>()
            .FromSqlInterpolated($"INSERT INTO audit_chain_heads (region_code, last_sequence, last_hash) VALUES ({region}, 0, '') ON CONFLICT (region_code) DO UPDATE SET last_sequence = audit_chain_heads.last_sequence RETURNING *")
            .ToListAsync(ct)).Single();
    }

    /// <summary>How far the sequencer is behind: entries committed but not chained yet, and the age of the oldest.</summary>
    public static async Task<(long Pending, DateTimeOffset? Oldest)> LagAsync(AppDbContext db, CancellationToken ct)
    {
        var pending = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == null).GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Oldest = g.Min(e => e.Id) }).SingleOrDefaultAsync(ct);
        if (pending is null)
        {
            return (0, null);
        }

        var oldest = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Id == pending.Oldest).Select(e => e.At).SingleAsync(ct);
        return (pending.Count, oldest);
    }

    /// <summary>The regions with entries waiting to be chained.</summary>
    public static async Task<List<string>> RegionsPendingAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == null).Select(e => e.RegionCode).Distinct().ToListAsync(ct);

    /// <summary>
    /// Walks every chain from its start; the first entry whose link or hash does not match is reported.
    /// The heads are read first: entries appended while the walk runs lie beyond them and are checked
    /// as links, while an entry missing up to a head (a deleted tail) is still found.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (pending, oldest) = await LagAsync(db, ct);
        var walked = await WalkAsync(db, ct);
        return walked with { Pending = pending, LagSeconds = oldest is { } at ? Math.Round(Math.Max(0, (clock.Now() - at).TotalSeconds), 3) : 0 };
    }

    private static async Task<AuditVerification> WalkAsync(AppDbContext db, CancellationToken ct)
    {
        var heads = await db.Set<AuditChainHead>().AsNoTracking().ToDictionaryAsync(h => h.RegionCode, ct);
        var reachedHead = new HashSet<string>(StringComparer.Ordinal);
        long checkedCount = 0;
        string? region = null;
        var previousHash = "";
        long expectedSequence = 0;
        var lastIds = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence != null)
                           .OrderBy(e => e.RegionCode).ThenBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.RegionCode != region)
            {
                region = entry.RegionCode;
                previousHash = "";
                expectedSequence = 0;
            }

            checkedCount++;
            expectedSequence++;
            lastIds[entry.RegionCode] = entry.Id;
            if (entry.Sequence != expectedSequence || entry.PreviousHash != previousHash || entry.ComputeHash() != entry.Hash)
            {
                return new AuditVerification(false, checkedCount, entry.Id, entry.RegionCode);
            }

            if (heads.TryGetValue(entry.RegionCode, out var head) && head.LastSequence == entry.Sequence)
            {
                if (head.LastHash != entry.Hash)
                {
                    return new AuditVerification(false, checkedCount, entry.Id, entry.RegionCode);
                }

                reachedHead.Add(entry.RegionCode);
            }

            previousHash = entry.Hash;
        }

        // A deleted tail leaves a head pointing past the last entry of its chain.
        foreach (var head in heads.Values.Where(h => h.LastSequence > 0 && !reachedHead.Contains(h.RegionCode)))
        {
            return new AuditVerification(false, checkedCount, lastIds.TryGetValue(head.RegionCode, out var last) ? last : null, head.RegionCode);
        }

        return new AuditVerification(true, checkedCount, null, null);
    }
}
