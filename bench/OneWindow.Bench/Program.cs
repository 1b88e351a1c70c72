using System.Diagnostics;
using System.Text.Json;
using OneWindow.Bench;

// OneWindow load harness: starts the real server on a fresh database, drives it over HTTP with
// N concurrent clients for T seconds, and measures a raw-database baseline in the same run.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.WriteLine(BenchOptions.Help);
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

await using var database = await BenchDatabase.CreateAsync(options);
var passwordBaseline = options.Scenarios.Contains("sign-in") ? Baseline.MeasurePasswordHashing(options) : null;

await using var server = await ServerProcess.StartAsync(options, database);
Console.Error.WriteLine($"[bench] server up at {server.BaseUrl} (pid {server.Pid}); idle for 3s…");
await Task.Delay(TimeSpan.FromSeconds(3));
var idleRss = server.ResidentMegabytes();

BaselineResult? searchBaseline = null;
var catalogItems = 0;
if (options.Scenarios.Contains("catalog-search"))
{
    Console.Error.WriteLine($"[bench] growing the catalogue to {options.CatalogItems} items through the import API…");
    catalogItems = await CatalogSetup.GrowAsync(server.BaseUrl, options.CatalogItems);
    searchBaseline = await Baseline.MeasureSearchQueryAsync(database, options);
}

var cases = options.Scenarios.Intersect(["submit", "bundle", "lifecycle", "verify", "issue", "queue", "work-order", "instant"]).Any() ? await CaseSetup.PrepareAsync(server.BaseUrl) : null;
var hotline = options.Scenarios.Intersect(["work-order", "work-order-get", "suggest"]).Any() ? await HotlineSetup.PrepareAsync(server.BaseUrl) : null;
string? licensePayload = null;
BaselineResult? verifyBaseline = null;
if (options.Scenarios.Contains("verify"))
{
    Console.Error.WriteLine("[bench] issuing a licence for the verify scenario…");
    licensePayload = await cases!.IssueLicenseAsync(server.BaseUrl);
    verifyBaseline = Baseline.MeasureEcdsaVerify(options);
}

// Issue 22: the daily callback list over 100,000 closed services, beside an indexed count of the same rows.
CallbackListResult? callbackList = null;
if (options.Scenarios.Contains("callback-list"))
{
    callbackList = await CallbackListBench.RunAsync(server.BaseUrl, database, server);
}

// Issue 25: the overview over a generated year beside a raw count of the same rows (ONEWINDOW_BENCH_DASHBOARD_CASES, default 10,000,000).
DashboardResult? dashboard = null;
if (options.Scenarios.Contains("dashboard"))
{
    var planned = long.TryParse(Environment.GetEnvironmentVariable("ONEWINDOW_BENCH_DASHBOARD_CASES"), out var n) ? n : 10_000_000;
    dashboard = await DashboardBench.RunAsync(options, database, server.BaseUrl, planned);
}

// Issue 19: the like-for-like baseline, a thin ASP.NET Core endpoint on the same database with the same token and body.
await using var thin = cases is not null ? await ServerProcess.StartAsync(options, database, ServerProcess.FindThinServer()) : null;
var thinResults = new List<ScenarioResult>();

var baselines = new List<BaselineResult>();
IssuanceResult? issuance = null;
IssuanceResult? instantIssuance = null;
QueueResult? queue = null;
var results = new List<ScenarioResult>();
foreach (var clients in options.ClientCounts)
{
    var pass = options with { Clients = clients };
    Console.Error.WriteLine($"[bench] {options.Provider}: measuring the raw baseline ({pass.Seconds}s, {clients} clients)…");
    var baseline = await Baseline.MeasureAsync(database, pass);
    baselines.Add(baseline with { Clients = clients });
    ScenarioResult? thinWrite = null, thinRead = null;
    if (thin is not null)
    {
        Console.Error.WriteLine($"[bench] thin HTTP baseline: {clients} clients × {pass.Seconds}s…");
        thinWrite = await LoadRunner.RunAsync(thin.BaseUrl, Scenarios.ThinWrite(cases!), pass, thin) with { Clients = clients, Baseline = "—" };
        thinResults.Add(thinWrite);
        if (licensePayload is not null)
        {
            thinRead = await LoadRunner.RunAsync(thin.BaseUrl, Scenarios.ThinRead(licensePayload), pass, thin) with { Clients = clients, Baseline = "—" };
            thinResults.Add(thinRead);
        }
    }

    if (options.Scenarios.Contains("queue") && queue is null)
    {
        // Issue 7: tickets issued and called per second with 50 counters calling at once, call-next p99, call → display.
        queue = await QueueBench.RunAsync(server.BaseUrl, pass, baseline);
        if (thinWrite is { Throughput: > 0 })
        {
            var toThin = Math.Round(queue.CalledPerSecond / thinWrite.Throughput, 3);
            queue = queue with { CallRatioToThin = toThin, MeetsTarget = queue.CallP99Ms < 50 && toThin >= 0.25 };
        }
    }

    foreach (var scenario in Scenarios.Select(options.Scenarios.Where(n => n is not ("callback-list" or "dashboard")).ToList(), cases, licensePayload, hotline))
    {
        Console.Error.WriteLine($"[bench] {scenario.Name}: {clients} clients × {pass.Seconds}s…");
        using var counter = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        // Licences the scenario's grants lead to: the citizen's (issue) or the enterprise's (instant, 秒批).
        Func<HttpClient, Task<int>>? licences = scenario.Name switch
        {
            "issue" => cases!.LicenseCountAsync,
            "instant" => cases!.EnterpriseLicenseCountAsync,
            _ => null,
        };
        var before = licences is null ? 0 : await licences(counter);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var lag = SequencerLag.Start(database);
        var result = await LoadRunner.RunAsync(server.BaseUrl, scenario, pass, server);
        var sequencerLag = await lag.StopAsync();
        if (licences is not null)
        {
            // Approval answers at once; the outbox signs and stores the licence. Wait until it has caught up.
            var approved = result.Requests - result.Errors;
            var issued = 0;
            for (var still = 0; still < 4 && System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds < pass.Warmup + pass.Seconds + 30;)
            {
                await Task.Delay(250);
                var now = await licences(counter) - before;
                still = now > issued ? 0 : still + 1;
                issued = now;
            }

            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            var figure = new IssuanceResult(clients, approved, issued, Math.Round(seconds, 1), Math.Round(issued / seconds, 1));
            if (scenario.Name == "issue")
            {
                issuance = figure;
            }
            else
            {
                instantIssuance = figure;
            }
        }

        // Sign-in is bound by password hashing, not the database: compare it with the raw hashing rate.
        var against = scenario.Name switch
        {
            "sign-in" when passwordBaseline is not null => passwordBaseline,
            "catalog-search" when searchBaseline is not null => searchBaseline,
            "verify" when verifyBaseline is not null => verifyBaseline,
            _ => baseline,
        };
        // Issue 6: a bundle (five sub-cases) beside the single-case submissions of the same run, when they were measured.
        if (scenario.Name == "bundle" && results.LastOrDefault(r => r.Name == "submit" && r.Clients == clients) is { } single)
        {
            against = new BaselineResult("submit", "single-case submissions of the same run (one case per request)", single.Requests, single.Throughput);
        }

        // Issue 23: 秒批 (submission decided by rules, licence issued) beside the single-case submissions of the same run.
        if (scenario.Name == "instant" && results.LastOrDefault(r => r.Name == "submit" && r.Clients == clients) is { } submissions)
        {
            against = new BaselineResult("submit", "single-case submissions of the same run (left for a person)", submissions.Requests, submissions.Throughput);
        }

        // Issue 21: the suggestions beside reading the same order as the same agent in the same run (the ranking's cost).
        if (scenario.Name == "suggest" && results.LastOrDefault(r => r.Name == "work-order-get" && r.Clients == clients) is { } read)
        {
            against = new BaselineResult("work-order-get", "GET /api/v1/work-orders/{id} of the same order, same agent, same run", read.Requests, read.Throughput);
        }

        var ratio = Math.Round(result.Throughput / against.OpsPerSecond, 3);
        // Issue 4's target for submissions: half the raw commit rate, and p99 under 50 ms at 16 clients.
        bool? target = scenario.Name == "submit" ? ratio >= 0.5 && (clients != 16 || result.P99Ms < 50) : null;
        // Issue 19: each write against the thin endpoint's rate (a lifecycle is four writes), verification against its read.
        var (thinAgainst, perRequest) = scenario.Name switch
        {
            "submit" or "bundle" or "work-order" or "instant" => (thinWrite, 1),
            "lifecycle" => (thinWrite, 4),
            "verify" => (thinRead, 1),
            _ => ((ScenarioResult?)null, 1),
        };
        results.Add(result with
        {
            Clients = clients, Baseline = against.Name, RatioToBaseline = ratio, MeetsTarget = target,
            RatioCeilingWithoutServer = against == baseline ? CeilingWithoutServer(result.Cpu, baseline) : null,
            ThinBaseline = thinAgainst is null ? null : $"{thinAgainst.Name} ÷ {perRequest}",
            RatioToThin = thinAgainst is { Throughput: > 0 } t ? Math.Round(result.Throughput / (t.Throughput / perRequest), 3) : null,
            SequencerLag = sequencerLag,
        });
    }
}

static double? CeilingWithoutServer(CpuUse? cpu, BaselineResult raw) =>
    cpu is { DatabaseMs: > 0 } use
        ? Math.Round(Environment.ProcessorCount * 1000.0 / (use.DatabaseMs + use.HarnessMs) / raw.OpsPerSecond, 3)
        : null;

var report = new
{
    harness = "OneWindow.Bench",
    startedAt = DateTimeOffset.UtcNow,
    machine = new { cores = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
    provider = options.Provider,
    clients = options.ClientCounts,
    seconds = options.Seconds,
    baselines,
    passwordBaseline,
    searchBaseline,
    verifyBaseline,
    issuance,
    instantIssuance,
    queue,
    callbackList,
    dashboard,
    catalogItems,
    server = new { idleRssMb = idleRss, peakRssMb = server.PeakMegabytes(), idleGoalMb = 250, idleWithinGoal = idleRss < 250 },
    thinBaselines = thinResults,
    scenarios = results,
};
var json = JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
Console.WriteLine(json);
if (options.Output is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    await File.WriteAllTextAsync(path, json);
    Console.Error.WriteLine($"[bench] written to {path}");
}

return 0;

namespace OneWindow.Bench
{
    public sealed record ScenarioResult(
        string Name, long Requests, long Errors, double Throughput, double P50Ms, double P90Ms, double P99Ms, double MaxMs, string Baseline, double RatioToBaseline)
    {
        public int Clients { get; init; }

        /// <summary>Server CPU time (all cores) during the measured window divided by the requests answered in it.</summary>
        public double ServerCpuMsPerRequest { get; init; }

        /// <summary>Seconds of unmeasured load before the window: at least --warmup, then until the server's JIT settled.</summary>
        public double WarmupSeconds { get; init; }

        /// <summary>The first failed answer of the measured window (status and the start of its body), to tell what failed.</summary>
        public string? FirstError { get; init; }

        /// <summary>Whether the scenario meets its issue's target (null where the issue sets none).</summary>
        public bool? MeetsTarget { get; init; }

        /// <summary>Where the machine's CPU went per request (server, database processes, load generator).</summary>
        public CpuUse? Cpu { get; init; }

        /// <summary>
        /// The ratio to the raw baseline that a server costing no CPU at all could reach on this machine: all
        /// cores given to what remains of a request (PostgreSQL's work for it and the load generator's), over
        /// the raw rate. Below the target, no server change can meet it here. Only where PostgreSQL runs on
        /// this machine (SQLite's work is inside the server).
        /// </summary>
        public double? RatioCeilingWithoutServer { get; init; }

        /// <summary>Which thin-HTTP figure the scenario is compared with (issue 19), e.g. "thin-write ÷ 4" for a lifecycle of four writes.</summary>
        public string? ThinBaseline { get; init; }

        /// <summary>Throughput over the thin baseline's (per write): issue 19's targets are ≥ 0.5.</summary>
        public double? RatioToThin { get; init; }

        /// <summary>How far the audit sequencer trailed the scenario's writes (warm-up included), sampled from the database.</summary>
        public LagResult? SequencerLag { get; init; }
    }

    /// <summary>Licences signed and stored per second (approve → outbox → e-seal → register), warm-up approvals included in the count.</summary>
    public sealed record IssuanceResult(int Clients, long ApprovedMeasured, long Issued, double Seconds, double IssuedPerSecond);

    public sealed record BaselineResult(string Name, string Description, long Operations, double OpsPerSecond)
    {
        public int? Clients { get; init; }

        /// <summary>Where the machine's CPU went per operation (the raw client, and PostgreSQL's processes).</summary>
        public CpuUse? Cpu { get; init; }
    }

    internal static class Percentiles
    {
        public static double Of(List<double> sorted, double p) =>
            sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 3);

        public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    }
}
