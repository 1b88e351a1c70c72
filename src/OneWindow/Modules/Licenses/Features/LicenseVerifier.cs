using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>
/// Verifies a 扫码亮证 string: well-formed (else 400), signed by a published e-seal (else invalid),
/// then dates and the licence's current status from the register (active, suspended, revoked, expired).
/// </summary>
internal sealed class LicenseVerifier(
    AppDbContext db, ESeals seals, VerificationCache cache, TimeProvider clock, IDocumentSeals documents, IEnumerable<ISealedDocumentRegister> registers)
{
    public async Task<Result<VerifyResult>> VerifyAsync(string? payload, CancellationToken ct)
    {
        payload = payload?.Trim();
        if (payload?.StartsWith(DocumentQr.Prefix, StringComparison.Ordinal) == true)
        {
            return await VerifyDocumentAsync(payload, ct);
        }

        if (payload is not null && cache.TryGetVerified(payload, out var knownKid, out var knownClaims))
        {
            return await WithStatusAsync(knownKid, knownClaims, ct);
        }

        var message = LicenseQr.Unpack(payload);
        if (!message.IsSuccess)
        {
            return message.Error!;
        }

        var m = message.Value!;
        var (kid, problem) = await seals.CheckSealAsync(m, "亮证码", ct);
        if (problem is not null)
        {
            return new VerifyResult(false, "invalid", problem, kid, null);
        }

        var claims = LicenseQr.Claims(m.Payload);
        if (!claims.IsSuccess)
        {
            return new VerifyResult(false, "invalid", "签名有效，但内容格式无法识别", kid, null);
        }

        cache.Verified(payload!, kid!, claims.Value!);
        return await WithStatusAsync(kid!, claims.Value!, ct);
    }

    /// <summary>The verdict for claims whose signature verified: dates, and the licence's status in the register now.</summary>
    private async Task<VerifyResult> WithStatusAsync(string kid, QrClaims c, CancellationToken ct)
    {
        var today = clock.TodayInChina();
        if (!cache.TryGetStatus(c.LicenseId, out var status, out var reason))
        {
            var register = await db.Set<License>().AsNoTracking().Where(l => l.LicenseNumber == c.LicenseId)
                .Select(l => new { l.Status, l.StatusReason }).SingleOrDefaultAsync(ct);
            (status, reason) = (register?.Status, register?.StatusReason);
            cache.Status(c.LicenseId, status, reason);
        }

        return status switch
        {
            LicenseStatus.Revoked => new VerifyResult(false, "revoked", "证照已被吊销（撤销）" + Reason(reason), kid, c),
            LicenseStatus.Suspended => new VerifyResult(false, "suspended", "证照已被暂扣（中止）" + Reason(reason), kid, c),
            _ when c.ValidUntil is { } until && today > until => new VerifyResult(false, "expired", $"证照已于 {until:yyyy-MM-dd} 到期", kid, c),
            _ when today < c.ValidFrom => new VerifyResult(false, "not-yet-valid", $"证照自 {c.ValidFrom:yyyy-MM-dd} 起有效", kid, c),
            null => new VerifyResult(false, "unknown", "签名有效，但证照库中没有这张证照", kid, c),
            _ => new VerifyResult(true, "active", "证照真实有效", kid, c),
        };
    }

    /// <summary>
    /// A sealed document (DN1): the department's e-seal over exactly these facts (one changed character fails it), and the
    /// register of its kind has it on record.
    /// </summary>
    private async Task<Result<VerifyResult>> VerifyDocumentAsync(string payload, CancellationToken ct)
    {
        var opened = await documents.OpenAsync(payload, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var o = opened.Value!;
        if (!o.SignatureValid || o.Facts is not { } facts)
        {
            return new VerifyResult(false, "invalid", o.Message + "（文书可能被篡改）", o.Kid, null) { Kind = o.Facts?.Kind ?? "document" };
        }

        var register = registers.FirstOrDefault(r => r.Keeps(facts.Kind));
        var onRecord = register is not null && await register.OnRecordAsync(facts.DocumentNumber, payload, ct);
        return onRecord
            ? new VerifyResult(true, "issued", $"文书真实有效：{facts.Title}，{facts.IssuerName}于{facts.IssuedOn:yyyy年M月d日}盖章出具", o.Kid, null) { Kind = facts.Kind, Document = facts }
            : new VerifyResult(false, "unknown", "电子印章有效，但出具机关的记录中没有这份文书", o.Kid, null) { Kind = facts.Kind, Document = facts };
    }

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : "：" + reason;
}
