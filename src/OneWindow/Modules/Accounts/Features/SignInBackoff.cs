using System.Collections.Concurrent;

namespace OneWindow.Modules.Accounts.Features;

/// <summary>
/// Slows a client that keeps failing to sign in to one account, instead of locking the account (which would let
/// anyone lock anyone out). Failures are counted per (client address, account name), whether the account exists or
/// not, so the answer reveals nothing. From the <c>FreeFailures</c>th failure on, that client must wait before its
/// next try for that account: 1 s, 2 s, 4 s … up to <c>MaxDelay</c>. The owner signing in from another address is
/// not slowed; a success clears the count. Kept per instance (like ASP.NET Core's rate limiter, ADR 0016): with n
/// instances an attacker gets n times the tries, still exponentially slowed.
/// </summary>
internal sealed class SignInBackoff(TimeProvider clock, IConfiguration configuration)
{
    private sealed record Failures(int Count, DateTimeOffset Last);

    private readonly ConcurrentDictionary<(string Client, string Account), Failures> _failures = new();

    private int FreeFailures => Math.Max(1, configuration.GetValue("Auth:FreeFailures", 5));

    private TimeSpan MaxDelay => TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Auth:MaxBackoffMinutes", 15)));

    /// <summary>How long this client must still wait before trying this account again (zero when it may try now).</summary>
    public TimeSpan WaitBefore(string client, string account)
    {
        if (!_failures.TryGetValue(Key(client, account), out var f) || f.Count < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(30, f.Count - FreeFailures))));
        var left = f.Last + delay - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(string client, string account)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(Key(client, account), _ => new Failures(1, now), (_, f) => new Failures(f.Count + 1, now));
        if (_failures.Count > 100_000)
        {
            // Bounded memory under a spray of names: forget failures older than the longest delay.
            foreach (var (key, f) in _failures)
            {
                if (now - f.Last > MaxDelay)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    public void Succeeded(string client, string account) => _failures.TryRemove(Key(client, account), out _);

    private static (string, string) Key(string client, string account) => (client, account.Trim().ToUpperInvariant());
}
