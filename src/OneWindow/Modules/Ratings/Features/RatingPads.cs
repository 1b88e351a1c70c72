using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Ratings.Features;

internal sealed record PadCode(string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// Pairs a counter's rating pad (评价器) as a kiosk: the officer signed in at the counter asks for a six-digit code that
/// lasts ten minutes and works once; the pad types it and keeps only a protected cookie naming the counter. From then on
/// the pad asks about the counter's last finished service without anyone's session, so it never shows the staff menu,
/// and the officer cannot rate their own service from it.
/// </summary>
internal sealed class RatingPads(AppDbContext db, IQueueRecords queue, ICurrentUser user, AuditTrail audit, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "ow_pad";

    private static readonly TimeSpan CodeLife = TimeSpan.FromMinutes(10);

    private IDataProtector Protector => protection.CreateProtector("OneWindow.Ratings.Pad.v1");

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)));

    /// <summary>A pairing code for the counter the caller is signed in at.</summary>
    public async Task<Result<PadCode>> IssueCodeAsync(Guid counterId, CancellationToken ct)
    {
        if (await queue.CounterAsync(counterId, ct) is not { } counter)
        {
            return Error.NotFound("counter:not-found", "窗口不存在");
        }

        if (counter.StaffUserId is null || counter.StaffUserId != user.UserId)
        {
            return Error.Forbidden("counter:not-yours", "请先在本窗口签到，再为评价器生成配对码");
        }

        var regionCode = user.RegionCode ?? "";
        var now = clock.Now();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        var pairing = new PadPairing
        {
            Id = Guid.CreateVersion7(now.UtcDateTime), CounterId = counterId, RegionCode = regionCode, CodeHash = Hash(code),
            CreatedBy = user.UserId!, CreatedAt = now, ExpiresAt = now + CodeLife,
        };
        db.Add(pairing);
        audit.Record(new AuditRecord(regionCode, "Counter", counterId.ToString(), "PadCodeIssued", new { counter = counter.Name, pairing.ExpiresAt }));
        await db.SaveChangesAsync(ct);
        return new PadCode(code, pairing.ExpiresAt);
    }

    /// <summary>The pad types the code: the counter it pairs with, once.</summary>
    public async Task<Result<Guid>> RedeemAsync(string? code, CancellationToken ct)
    {
        code = code?.Trim();
        var invalid = Error.Field("code", "配对码无效或已过期，请窗口工作人员重新生成");
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return invalid;
        }

        var now = clock.Now();
        var hash = Hash(code);
        var pairing = await db.Set<PadPairing>().Where(p => p.CodeHash == hash && p.UsedAt == null && p.ExpiresAt > now).OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (pairing is null)
        {
            return invalid;
        }

        pairing.UsedAt = now;
        audit.Record(new AuditRecord(pairing.RegionCode, "Counter", pairing.CounterId.ToString(), "PadPaired", new { pairing.Id }), "pad", "评价器");
        await db.SaveChangesAsync(ct);
        return pairing.CounterId;
    }

    public void WriteCookie(HttpResponse response, Guid counterId) =>
        response.Cookies.Append(CookieName, Protector.Protect(counterId.ToString()), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = response.HttpContext.Request.IsHttps, IsEssential = true,
            Expires = clock.GetUtcNow().AddDays(30), Path = "/pad",
        });

    /// <summary>The counter this device was paired with, or null.</summary>
    public Guid? CounterOf(HttpRequest request)
    {
        if (request.Cookies[CookieName] is not { } value)
        {
            return null;
        }

        try
        {
            return Guid.TryParse(Protector.Unprotect(value), out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static void Forget(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = "/pad" });
}
