using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Platform.Data;

/// <summary>A named secret of the platform (e.g. the key of licence holder segments), stored protected like the e-seals.</summary>
public sealed class PlatformSecret
{
    public string Name { get; set; } = "";

    /// <summary>The secret bytes, protected by the Data Protection key ring (itself encrypted with the configured key, ADR 0016).</summary>
    public string ProtectedValue { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PlatformSecretConfiguration : IEntityTypeConfiguration<PlatformSecret>
{
    public void Configure(EntityTypeBuilder<PlatformSecret> b)
    {
        b.ToTable("platform_secrets");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100);
    }
}

/// <summary>
/// Secrets made on first need and shared by every instance: random bytes, protected with Data Protection and kept
/// in the database. Two instances making the same secret at once agree on the one that was stored first.
/// </summary>
public sealed class PlatformSecrets(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, IEnumerable<DeclaredSecret> declared)
{
    /// <summary>Makes every declared secret at start-up, before any request or background job needs one.</summary>
    public async Task EnsureDeclaredAsync(CancellationToken ct)
    {
        foreach (var secret in declared)
        {
            await GetAsync(secret.Name, ct);
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    private IDataProtector Protector => protection.CreateProtector("OneWindow.Platform.Secret.v1");

    public async Task<byte[]> GetAsync(string name, CancellationToken ct)
    {
        if (_cache.TryGetValue(name, out var known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Set<PlatformSecret>().AsNoTracking().Where(s => s.Name == name).Select(s => s.ProtectedValue).SingleOrDefaultAsync(ct);
        if (stored is null)
        {
            db.Add(new PlatformSecret { Name = name, ProtectedValue = Protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), CreatedAt = clock.GetUtcNow() });
            DbUpdateException? lost = null;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                // Another instance stored it first: use theirs (below). Any other failure is thrown as it is.
                lost = e;
            }

            db.ChangeTracker.Clear();
            stored = await db.Set<PlatformSecret>().AsNoTracking().Where(s => s.Name == name).Select(s => s.ProtectedValue).SingleOrDefaultAsync(ct);
            if (stored is null)
            {
                throw (Exception?)lost ?? new InvalidOperationException($"平台密钥 {name} 保存后未能读回");
            }
        }

        var bytes = Convert.FromBase64String(Protector.Unprotect(stored));
        _cache.TryAdd(name, bytes);
        return _cache[name];
    }
}

/// <summary>A secret a module needs (registered with <c>services.AddSingleton(new DeclaredSecret(name))</c>); made at start-up.</summary>
public sealed record DeclaredSecret(string Name);
