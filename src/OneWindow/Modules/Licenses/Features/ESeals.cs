using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Licenses.Features;

internal sealed record Jwk(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);

internal sealed record JwkSet(IReadOnlyList<Jwk> Keys);

/// <summary>
/// E-seals (电子印章) of issuing departments: an ECDSA P-256 key each, generated on first need; the
/// private key is stored protected by ASP.NET Core Data Protection; rotation retires the key for
/// signing but keeps it published, so licences signed with it still verify.
/// </summary>
internal sealed class ESeals(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> PublishedKeys = new(StringComparer.Ordinal);

    private IDataProtector Protector => protection.CreateProtector("OneWindow.Licenses.ESeal.v1");

    /// <summary>The department's signing key, created when it has none.</summary>
    public async Task<(string Kid, ECDsa Key)> ActiveAsync(string department, CancellationToken ct)
    {
        var row = await db.Set<SigningKey>().AsNoTracking().Where(k => k.DepartmentCode == department && k.RetiredAt == null)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        if (row is not null)
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(Protector.Unprotect(row.ProtectedPrivateKey)), out _);
            return (row.Kid, key);
        }

        return await CreateAsync(department, ct);
    }

    /// <summary>A new key for the department; the old ones stay published for verification.</summary>
    public async Task<string> RotateAsync(string department, CancellationToken ct)
    {
        var now = clock.Now();
        await db.Set<SigningKey>().Where(k => k.DepartmentCode == department && k.RetiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), ct);
        var (kid, key) = await CreateAsync(department, ct);
        key.Dispose();
        return kid;
    }

    private async Task<(string Kid, ECDsa Key)> CreateAsync(string department, CancellationToken ct)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = Kids.Text(Kids.Of(key));
        db.Add(new SigningKey
        {
            Kid = kid, DepartmentCode = department, PublicKey = key.ExportSubjectPublicKeyInfo(),
            ProtectedPrivateKey = Protector.Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey())), CreatedAt = clock.Now(),
        });
        await db.SaveChangesAsync(ct);
        return (kid, key);
    }

    /// <summary>A published (public) key by its kid, for verification.</summary>
    public async Task<ECDsa?> PublicKeyAsync(string kid, CancellationToken ct)
    {
        // A kid names one public key for ever (it is derived from it): read each once.
        if (!PublishedKeys.TryGetValue(kid, out var spki))
        {
            spki = await db.Set<SigningKey>().AsNoTracking().Where(k => k.Kid == kid).Select(k => k.PublicKey).SingleOrDefaultAsync(ct);
            if (spki is null)
            {
                return null;
            }

            PublishedKeys.TryAdd(kid, spki);
        }

        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(spki, out _);
        return key;
    }

    /// <summary>
    /// Whether a published e-seal signed <paramref name="message"/> (a licence's or a notice's QR string, <paramref name="noun"/>
    /// in the messages): the key's id, and null when the seal holds or why it does not.
    /// </summary>
    public async Task<(string? Kid, string? Problem)> CheckSealAsync(DecodedSign1 message, string noun, CancellationToken ct)
    {
        if (message.Kid is null)
        {
            return (null, $"{noun}没有签名密钥标识（kid），无法核验");
        }

        var kid = Kids.Text(message.Kid);
        using var key = await PublicKeyAsync(kid, ct);
        if (key is null)
        {
            return (kid, $"签名密钥 {kid} 不是本平台公布的电子印章，无法确认真伪");
        }

        return CoseSign1.Verify(message, key) ? (kid, null) : (kid, $"签名核验失败：{noun}被改动或不是本平台签发");
    }

    public async Task<JwkSet> JwksAsync(CancellationToken ct)
    {
        var rows = await db.Set<SigningKey>().AsNoTracking().OrderBy(k => k.DepartmentCode).ThenBy(k => k.CreatedAt).ToListAsync(ct);
        return new JwkSet([.. rows.Select(r =>
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(r.PublicKey, out _);
            var q = key.ExportParameters(false).Q;
            return new Jwk("EC", "P-256", System.Buffers.Text.Base64Url.EncodeToString(q.X!), System.Buffers.Text.Base64Url.EncodeToString(q.Y!), r.Kid, "sig", "ES256");
        })]);
    }
}
