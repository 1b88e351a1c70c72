using System.Diagnostics;
using System.Net.Http.Json;

namespace OneWindow.Bench;

/// <summary>One kind of request the harness sends; <c>Send</c> gets the worker number and a per-worker counter.</summary>
public sealed record Scenario(string Name, Func<HttpClient, int, long, Task<HttpResponseMessage>> Send);

public static class Scenarios
{
    public static readonly IReadOnlyList<string> Names =
        ["due-date", "sign-in", "catalog-search", "submit", "bundle", "lifecycle", "verify", "issue", "queue", "work-order", "work-order-get", "suggest", "callback-list", "instant"];

    /// <summary>The thin HTTP baseline's write: same token, same body, <see cref="CaseSetup.RowsPerWrite"/> rows in one commit.</summary>
    public static Scenario ThinWrite(CaseSetup cases) => new("thin-write", cases.ThinWriteAsync);

    /// <summary>Its read-only variant, anonymous like verification, with the verify request's body.</summary>
    public static Scenario ThinRead(string licensePayload) => new("thin-read", (http, _, _) => http.PostAsJsonAsync("/thin/read", new { payload = licensePayload }));

    private static readonly string[] StaffAccounts = ["admin", "guide", "clerk", "reviewer.scj", "approver.scj", "reviewer.zjj", "approver.zjj", "hotline", "supervisor"];

    public static IEnumerable<Scenario> Select(IReadOnlyList<string> names, CaseSetup? cases, string? licensePayload, HotlineSetup? hotline = null)
    {
        // The service hall has its own shape (50 counters calling, a display probe): QueueBench.
        foreach (var name in names.Where(n => n != "queue"))
        {
            yield return name switch
            {
                "due-date" => new Scenario(name, (http, worker, i) =>
                {
                    var from = new DateOnly(2021, 1, 1).AddDays((int)((worker * 7919 + i * 104729) % 1700));
                    var days = 1 + (int)((worker + i) % 60);
                    return http.GetAsync($"/api/v1/calendar/due-date?from={from:yyyy-MM-dd}&workingDays={days}");
                }),
                "catalog-search" => new Scenario(name, (http, worker, i) =>
                    http.GetAsync($"/api/v1/items?q={Uri.EscapeDataString(CatalogSetup.Keywords[(worker + i) % CatalogSetup.Keywords.Length])}&pageSize=20")),
                "sign-in" => new Scenario(name, (http, worker, i) =>
                    http.PostAsJsonAsync("/api/v1/auth/login", new { userName = StaffAccounts[(worker + i) % StaffAccounts.Length], password = "OneWindow#2026" })),
                "submit" => new Scenario(name, cases!.SubmitAsync),
                "bundle" => new Scenario(name, cases!.SubmitBundleAsync),
                "lifecycle" => new Scenario(name, cases!.LifecycleAsync),
                "issue" => new Scenario(name, cases!.ApproveAsync),
                "instant" => new Scenario(name, cases!.InstantAsync),
                "verify" => new Scenario(name, (http, _, _) => http.PostAsJsonAsync("/api/v1/licenses/verify", new { payload = licensePayload })),
                "work-order" => new Scenario(name, hotline!.TakeCallAsync),
                "work-order-get" => new Scenario(name, hotline!.GetAsync),
                "suggest" => new Scenario(name, hotline!.SuggestAsync),
                _ => throw new ArgumentException($"unknown scenario {name}; known: {string.Join(", ", Names)}"),
            };
        }
    }
}

public static class LoadRunner
{
    /// <summary>The longest warm-up waiting for the server's JIT to settle.</summary>
    public const int MaxWarmupSeconds = 180;

    /// <param name="server">The server process: its CPU time during the measured window is reported per request
    /// (which varies far less on a shared machine than throughput does), and its JIT worker decides when warm-up ends.</param>
    public static async Task<ScenarioResult> RunAsync(string baseUrl, Scenario scenario, BenchOptions options, ServerProcess server)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

        var warmup = await WarmUpAsync(http, scenario, options, server);
        var latencies = Enumerable.Range(0, options.Clients).Select(_ => new List<double>(4096)).ToArray();
        long errors = 0;
        var started = Stopwatch.GetTimestamp();
        var cpuBefore = CpuMeter.Read(server);
        var deadline = started + (options.Seconds * Stopwatch.Frequency);
        _firstError = null;
        errors = await Drive(http, scenario, options.Clients, () => Stopwatch.GetTimestamp() < deadline, latencies);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuAfter = CpuMeter.Read(server);

        var all = latencies.SelectMany(l => l).Order().ToList();
        var cpu = CpuMeter.Between(cpuBefore, cpuAfter, all.Count);
        var ok = all.Count - errors;
        return new ScenarioResult(
            scenario.Name, all.Count, errors, Math.Round(ok / elapsed, 1),
            Percentiles.Of(all, 0.50), Percentiles.Of(all, 0.90), Percentiles.Of(all, 0.99), all.Count == 0 ? 0 : Math.Round(all[^1], 3), "", 0)
        {
            ServerCpuMsPerRequest = cpu.ServerMs,
            FirstError = _firstError,
            Cpu = cpu,
            WarmupSeconds = warmup,
        };
    }

    /// <summary>
    /// Load, not measured, for at least <c>--warmup</c> seconds and then until the server's tiered JIT has
    /// settled: its background worker used under 3 % of a core over the last 5 seconds (on two busy cores it
    /// recompiles hot code for 20 to 40 seconds; measured earlier, a run reports the JIT, not the server).
    /// At most <see cref="MaxWarmupSeconds"/>. Returns the seconds it took.
    /// </summary>
    private static async Task<double> WarmUpAsync(HttpClient http, Scenario scenario, BenchOptions options, ServerProcess server)
    {
        var started = Stopwatch.GetTimestamp();
        var warming = true;
        var load = Drive(http, scenario, options.Clients, () => Volatile.Read(ref warming), record: null);
        await Task.Delay(TimeSpan.FromSeconds(options.Warmup));
        var before = server.JitWorkerCpuTime();
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < MaxWarmupSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var now = server.JitWorkerCpuTime();
            if (now - before < TimeSpan.FromMilliseconds(150))
            {
                break;
            }

            before = now;
        }

        Volatile.Write(ref warming, false);
        await load;
        return Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1);
    }

    private static string? _firstError;

    private static async Task<long> Drive(HttpClient http, Scenario scenario, int clients, Func<bool> going, List<double>[]? record)
    {
        long errors = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            long i = 0;
            while (going())
            {
                var t0 = Stopwatch.GetTimestamp();
                var success = false;
                try
                {
                    using var response = await scenario.Send(http, worker, i++);
                    await response.Content.LoadIntoBufferAsync();
                    success = response.IsSuccessStatusCode;
                    if (!success && record is not null)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        Interlocked.CompareExchange(ref _firstError, $"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}", null);
                    }
                }
                catch (HttpRequestException ex)
                {
                    Interlocked.CompareExchange(ref _firstError, ex.Message, null);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.CompareExchange(ref _firstError, "timeout", null);
                }

                if (record is not null)
                {
                    record[worker].Add(Percentiles.Ms(Stopwatch.GetTimestamp() - t0));
                    if (!success)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }
        }));
        return errors;
    }
}
