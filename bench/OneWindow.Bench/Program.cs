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
Console.Error.WriteLine($"[bench] {options.Provider}: measuring the raw baseline ({options.Seconds}s, {options.Clients} clients)…");
var baseline = await Baseline.MeasureAsync(database, options);
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

var results = new List<ScenarioResult>();
foreach (var scenario in Scenarios.Select(options.Scenarios))
{
    Console.Error.WriteLine($"[bench] {scenario.Name}: {options.Clients} clients × {options.Seconds}s…");
    var result = await LoadRunner.RunAsync(server.BaseUrl, scenario, options);
    // Sign-in is bound by password hashing, not the database: compare it with the raw hashing rate.
    var against = scenario.Name switch
    {
        "sign-in" when passwordBaseline is not null => passwordBaseline,
        "catalog-search" when searchBaseline is not null => searchBaseline,
        _ => baseline,
    };
    results.Add(result with { Baseline = against.Name, RatioToBaseline = Math.Round(result.Throughput / against.OpsPerSecond, 3) });
}

var report = new
{
    harness = "OneWindow.Bench",
    startedAt = DateTimeOffset.UtcNow,
    machine = new { cores = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
    provider = options.Provider,
    clients = options.Clients,
    seconds = options.Seconds,
    baseline,
    passwordBaseline,
    searchBaseline,
    catalogItems,
    server = new { idleRssMb = idleRss, peakRssMb = server.PeakMegabytes(), idleGoalMb = 250, idleWithinGoal = idleRss < 250 },
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
        string Name, long Requests, long Errors, double Throughput, double P50Ms, double P90Ms, double P99Ms, double MaxMs, string Baseline, double RatioToBaseline);

    public sealed record BaselineResult(string Name, string Description, long Operations, double OpsPerSecond);

    internal static class Percentiles
    {
        public static double Of(List<double> sorted, double p) =>
            sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 3);

        public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    }
}
