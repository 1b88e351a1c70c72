namespace OneWindow.Platform;

/// <summary>Work a module runs on a schedule (deadline scans): one run, in its own scope.</summary>
public interface IPeriodicWork
{
    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// Runs <typeparamref name="TWork"/> at start-up and then every <c>seconds</c> (at least 5), each run in
/// a fresh scope; a failed run is logged and the next tick tries again. Off when the module's setting says so.
/// With several instances on one database, each tick runs on one of them: the run holds the job's advisory lock
/// (<see cref="Data.ClusterLocks"/>), and an instance that finds it taken skips that tick.
/// </summary>
public sealed partial class PeriodicJob<TWork>(IServiceScopeFactory scopes, Data.ClusterLocks locks, bool enabled, int seconds, TimeProvider clock, ILogger<PeriodicJob<TWork>> log) : BackgroundService
    where TWork : IPeriodicWork
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(5, seconds)), clock);
        do
        {
            try
            {
                await using var held = await locks.TryTakeAsync("job:" + typeof(TWork).Name, stoppingToken);
                if (held is not null)
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<TWork>().RunAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, typeof(TWork).Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger log, string job, Exception ex);
}

public static class PeriodicJobs
{
    /// <summary>Registers <typeparamref name="TWork"/> (scoped) and its job; <paramref name="schedule"/> reads whether it is on and its interval.</summary>
    public static IServiceCollection AddPeriodicJob<TWork>(this IServiceCollection services, Func<IServiceProvider, (bool Enabled, int Seconds)> schedule)
        where TWork : class, IPeriodicWork
    {
        services.AddScoped<TWork>();
        services.AddHostedService(sp =>
        {
            var (enabled, seconds) = schedule(sp);
            return new PeriodicJob<TWork>(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<Data.ClusterLocks>(), enabled, seconds, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PeriodicJob<TWork>>>());
        });
        return services;
    }
}
