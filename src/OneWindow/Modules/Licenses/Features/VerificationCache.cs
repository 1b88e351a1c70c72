using System.Collections.Concurrent;
using OneWindow.Modules.Licenses.Domain;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>
/// What verification need not do again for the same 扫码亮证 string (issue 19): the string is a pure function of its
/// signed claims, so once its signature has verified against a published e-seal (whose public key never changes: the kid
/// is derived from it), its claims can be reused. The licence's status is the only thing that changes; it is read from the
/// register at most once per second per licence, and forgotten at once when this instance suspends, revokes or
/// reinstates it (another instance's change shows within the second). Bounded: past <see cref="MaxEntries"/> strings the
/// cache starts again empty.
/// </summary>
internal sealed class VerificationCache(TimeProvider clock)
{
    public const int MaxEntries = 4_096;

    private static readonly TimeSpan StatusAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (string Kid, QrClaims Claims)> _verified = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (LicenseStatus? Status, string? Reason, DateTimeOffset ReadAt)> _status = new(StringComparer.Ordinal);

    public bool TryGetVerified(string payload, out string kid, out QrClaims claims)
    {
        var found = _verified.TryGetValue(payload, out var entry);
        (kid, claims) = entry;
        return found;
    }

    public void Verified(string payload, string kid, QrClaims claims)
    {
        if (_verified.Count >= MaxEntries)
        {
            _verified.Clear();
        }

        _verified[payload] = (kid, claims);
    }

    public bool TryGetStatus(string licenseNumber, out LicenseStatus? status, out string? reason)
    {
        if (_status.TryGetValue(licenseNumber, out var entry) && clock.GetUtcNow() - entry.ReadAt < StatusAge)
        {
            (status, reason) = (entry.Status, entry.Reason);
            return true;
        }

        (status, reason) = (null, null);
        return false;
    }

    public void Status(string licenseNumber, LicenseStatus? status, string? reason)
    {
        if (_status.Count >= MaxEntries)
        {
            _status.Clear();
        }

        _status[licenseNumber] = (status, reason, clock.GetUtcNow());
    }

    /// <summary>The issuer changed the licence's status here: the next verification reads the register.</summary>
    public void Forget(string licenseNumber) => _status.TryRemove(licenseNumber, out _);
}
