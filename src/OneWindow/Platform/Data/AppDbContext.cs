using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Identity;

namespace OneWindow.Platform.Data;

/// <summary>An entity whose updates are guarded by an optimistic concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// The one DbContext. Modules contribute their tables through <see cref="IEntityTypeConfiguration{T}"/>
/// classes in their own <c>Data</c> folders; the schema is created and changed by EF Core migrations, one set per
/// provider (<see cref="SchemaMigrator"/>, ADR 0002).
/// Instances are pooled (ADR 0015): the constructor takes only the options, and the clock and the
/// outbox's signal come from the application's services the options carry.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser, IdentityRole, string>, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : this((DbContextOptions)options)
    {
    }

    /// <summary>For the per-provider contexts the migrations belong to (<see cref="SqliteSchemaContext"/>, <see cref="PostgresSchemaContext"/>).</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
        _clock = AppServices(options)?.GetService<TimeProvider>() ?? TimeProvider.System;
        _outboxSignal = AppServices(options)?.GetService<Outbox.OutboxSignal>();
        _auditSignal = AppServices(options)?.GetService<AuditSignal>();
        _groupCommit = AppServices(options)?.GetService<GroupCommit>();
    }

    private readonly GroupCommit? _groupCommit;

    /// <summary>Set while the context runs as a member of the group commit (<see cref="GroupCommit"/>): its writes' kinds, for the writer's signals.</summary>
    internal (bool Events, bool Audit)? GroupWrites { get; set; }

    /// <summary>The Data Protection key ring (ADR 0016: encrypted with the configured certificate).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    private static IServiceProvider? AppServices(DbContextOptions options) =>
        options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider;

    private readonly TimeProvider _clock;

    private readonly Outbox.OutboxSignal? _outboxSignal;

    private readonly AuditSignal? _auditSignal;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity names its tables and indexes explicitly, which the snake_case convention leaves as they are.
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("asp_net_users");
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("user_name_index");
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("email_index");
        });
        builder.Entity<IdentityRole>(b =>
        {
            b.ToTable("asp_net_roles");
            b.HasIndex(r => r.NormalizedName).HasDatabaseName("role_name_index");
        });
        builder.Entity<IdentityUserRole<string>>().ToTable("asp_net_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("asp_net_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("asp_net_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("asp_net_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("asp_net_role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        var sqlite = Database.IsSqlite();
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            }

            if (sqlite)
            {
                // SQLite has no time-zone-aware type and EF cannot order or compare DateTimeOffset there:
                // store UTC microseconds since the epoch, the same precision PostgreSQL keeps.
                foreach (var property in entity.GetProperties())
                {
                    if (property.ClrType == typeof(DateTimeOffset))
                    {
                        property.SetValueConverter(UtcMicrosConverter);
                    }
                    else if (property.ClrType == typeof(DateTimeOffset?))
                    {
                        property.SetValueConverter(NullableUtcMicrosConverter);
                    }
                }
            }
        }
    }

    private static readonly ValueConverter<DateTimeOffset, long> UtcMicrosConverter =
        new(v => Timestamps.ToUnixMicros(v), v => Timestamps.FromUnixMicros(v));

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableUtcMicrosConverter =
        new(v => v.HasValue ? Timestamps.ToUnixMicros(v.Value) : null, v => v.HasValue ? Timestamps.FromUnixMicros(v.Value) : null);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// One unit of work: business rows, outbox messages and audit entries commit together. Audit entries are chained
    /// after commit by the <see cref="AuditSequencer"/>, so a write holds no region-wide lock.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_groupCommit is not null && Database.CurrentTransaction is null && GroupWrites is null && ChangeTracker.HasChanges()
            && Database.GetDbConnection().State == System.Data.ConnectionState.Closed)
        {
            // A unit of work of its own: committed with whatever else is being written now (ADR 0019).
            var saved = 0;
            await _groupCommit.RunAsync(this, async () =>
            {
                saved = await SaveChangesAsync(acceptAllChangesOnSuccess, CancellationToken.None);
                return true;
            });
            return saved;
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                // From the version read, not the current one: a save run again (ADR 0019) writes the same next version.
                var version = entry.Property(v => v.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }

        var wroteEvents = ChangeTracker.Entries<Outbox.OutboxMessage>().Any(e => e.State == EntityState.Added);
        if (GroupWrites is { } group)
        {
            var wroteAudit = ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);
            var inGroup = await SaveUnitAsync(acceptAllChangesOnSuccess, cancellationToken);
            GroupWrites = (group.Events || wroteEvents, group.Audit || wroteAudit);
            return inGroup;
        }

        var written = await SaveUnitAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (wroteEvents && Database.CurrentTransaction is null)
        {
            _outboxSignal?.Notify();
        }
        else if (wroteEvents)
        {
            _eventsAwaitCommit = true;
        }

        return written;
    }

    private bool _eventsAwaitCommit;

    /// <summary>Called when this context's explicit transaction commits (OutboxCommitSignal).</summary>
    internal void TransactionCommitted()
    {
        if (_eventsAwaitCommit)
        {
            _eventsAwaitCommit = false;
            _outboxSignal?.Notify();
        }
    }

    private async Task<int> SaveUnitAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var audit = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        AuditChain.Stamp(audit, _clock);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (audit.Count > 0)
        {
            // Within an explicit transaction the sequencer finds them at its next look after the commit.
            _auditSignal?.Notify();
        }

        return written;
    }
}

/// <summary>All stored times are UTC with microsecond precision (PostgreSQL's), whatever the provider.</summary>
public static class Timestamps
{
    public static long ToUnixMicros(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromUnixMicros(long micros) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);

    /// <summary>Truncate to what the database keeps, so a value reads back exactly as written.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value) => FromUnixMicros(ToUnixMicros(value));

    public static DateTimeOffset Now(this TimeProvider clock) => Normalize(clock.GetUtcNow());

    /// <summary>Government business runs on Beijing time: deadlines and dates are China dates.</summary>
    public static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly TodayInChina(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), China).DateTime);

    public static DateTimeOffset InChina(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, China);

    /// <summary>The instant a Beijing date and time names, in UTC (as stored and compared).</summary>
    public static DateTimeOffset AtChinaTime(DateOnly day, TimeOnly time = default)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, China.GetUtcOffset(local)).ToUniversalTime();
    }
}
