using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace OneWindow.Platform.Data;

/// <summary>
/// Applies the versioned SQL scripts in <c>Platform/Data/Migrations/{sqlite|postgres}</c> in order,
/// each in its own transaction, recording them in <c>schema_migrations</c>. Every schema change
/// lands as a pair of scripts, one per provider; a test checks the result against the EF model.
/// (EF Core's design-time tooling is not available here: ADR 0002.)
/// </summary>
public static class SchemaMigrator
{
    public sealed record Script(string Version, string Name, string Sql);

    public static IReadOnlyList<Script> Scripts(DatabaseProvider provider)
    {
        var folder = provider switch
        {
            DatabaseProvider.Sqlite => ".Migrations.sqlite.",
            DatabaseProvider.Postgres => ".Migrations.postgres.",
        };
        var assembly = Assembly.GetExecutingAssembly();
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Script(file[..4], file, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version, StringComparer.Ordinal)];
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, DatabaseProvider provider, CancellationToken ct = default)
    {
        var applied = new List<string>();
        await db.Database.OpenConnectionAsync(ct);
        var locked = false;
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                // Several instances may start together: one migrates, the others wait.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(4242001)", ct);
                locked = true;
            }

            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(20) PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)", ct);
            var done = (await db.Database.SqlQueryRaw<string>("SELECT version AS \"Value\" FROM schema_migrations").ToListAsync(ct)).ToHashSet();
            foreach (var script in Scripts(provider).Where(s => !done.Contains(s.Version)))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlRawAsync(script.Sql, ct);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({script.Version}, {script.Name}, {DateTimeOffset.UtcNow.ToString("O")})", ct);
                await tx.CommitAsync(ct);
                applied.Add(script.Name);
            }

        }
        finally
        {
            if (locked)
            {
                // The connection goes back to the pool: a session-level lock must be released explicitly.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(4242001)", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }

        return applied;
    }
}
