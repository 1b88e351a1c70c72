namespace OneWindow.Platform;

/// <summary>
/// A process-local copy of data whose truth is in the database: reloaded when older than
/// <c>maxAge</c> (so other instances' changes arrive within that time) or at once after
/// <see cref="Invalidate"/> (a change made through this instance). Concurrent readers share one reload.
/// </summary>
public sealed class RefreshingCache<T>(Func<CancellationToken, Task<T>> load, TimeSpan maxAge, TimeProvider clock) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private (T Value, DateTimeOffset LoadedAt)? _current;

    public async ValueTask<T> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } c && clock.GetUtcNow() - c.LoadedAt < maxAge)
        {
            return c.Value;
        }

        await _reload.WaitAsync(ct);
        try
        {
            if (_current is { } again && clock.GetUtcNow() - again.LoadedAt < maxAge)
            {
                return again.Value;
            }

            var value = await load(ct);
            _current = (value, clock.GetUtcNow());
            return value;
        }
        finally
        {
            _reload.Release();
        }
    }

    public void Invalidate() => _current = null;

    public void Dispose() => _reload.Dispose();
}
