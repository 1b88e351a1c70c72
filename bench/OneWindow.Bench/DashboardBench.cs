using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneWindow.Bench;

/// <summary>Issue 25: the generator's rows per second, then the overview over that year beside a plain count of the same raw rows.</summary>
public sealed record DashboardResult(
    long Cases, long Tickets, long Ratings, JsonElement? Generator, double OverviewP50Ms, double OverviewP95Ms, double OverviewMaxMs, double FilteredP50Ms,
    double RawCountMs, double RawFiguresMs, double RatioOverviewToRawCount, double RatioOverviewToRawFigures, long OverviewReceived, long RawReceived, bool Match,
    string? Error);

public static class DashboardBench
{
    /// <summary>
    /// Fills the bench database with <paramref name="cases"/> cases (and a fifth as many tickets, a tenth as many ratings) through
    /// the server's own <c>generate</c> verb, then times <c>GET /api/v1/reports/overview</c> for the generated year as the
    /// supervisor (20 calls after 3 to warm up; and with a region and department) beside, on a direct connection, the raw count
    /// of the cases accepted that year and the raw scan that computes the overview's case figures from the cases (best of 3).
    /// </summary>
    public static async Task<DashboardResult> RunAsync(BenchOptions options, BenchDatabase database, string baseUrl, long cases)
    {
        var (tickets, ratings) = (cases / 5, cases / 10);
        var to = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var from = to.AddYears(-1).AddDays(1);
        Console.Error.WriteLine($"[bench] dashboard: generating {cases:N0} cases, {tickets:N0} tickets, {ratings:N0} ratings ({from:yyyy-MM-dd} – {to:yyyy-MM-dd})…");
        var (code, output) = await ServerProcess.RunVerbAsync(options, database, "generate", "--cases", $"{cases}", "--tickets", $"{tickets}", "--ratings", $"{ratings}",
            "--from", $"{from:yyyy-MM-dd}", "--to", $"{to:yyyy-MM-dd}");
        var summaryLine = output.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'));
        JsonElement? generator = summaryLine is null ? null : JsonDocument.Parse(summaryLine).RootElement.Clone();
        if (code != 0)
        {
            return new DashboardResult(cases, tickets, ratings, generator, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, $"generate exited with {code}");
        }

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "supervisor", password = "OneWindow#2026" });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        var url = $"/api/v1/reports/overview?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        async Task<(List<double> Ms, JsonObject Last)> TimeAsync(string path)
        {
            JsonObject last = [];
            for (var i = 0; i < 3; i++)
            {
                (await http.GetAsync(path)).EnsureSuccessStatusCode();
            }

            var ms = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var t = Stopwatch.GetTimestamp();
                var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                last = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            ms.Sort();
            return (ms, last);
        }

        var (overall, figures) = await TimeAsync(url);
        var (filtered, _) = await TimeAsync(url + "&region=371602&department=371602-SCJ");

        // The raw baseline on a direct connection: the same year's cases counted, and the case figures computed from the rows.
        var sqlite = database.Provider == "sqlite";
        var (f, t2) = sqlite ? ($"'{from:yyyy-MM-dd}'", $"'{to:yyyy-MM-dd}'") : ($"DATE '{from:yyyy-MM-dd}'", $"DATE '{to:yyyy-MM-dd}'");
        double Best(List<double> runs) => Math.Round(runs.Min(), 2);
        var countRuns = new List<double>();
        var scanRuns = new List<double>();
        long raw = 0;
        await using (var connection = Baseline.Open(sqlite, database.ConnectionString))
        {
            await using var count = connection.CreateCommand();
            count.CommandTimeout = 600;
            count.CommandText = $"SELECT COUNT(*) FROM cases WHERE accepted_on >= {f} AND accepted_on <= {t2}";
            await using var scan = connection.CreateCommand();
            scan.CommandTimeout = 600;
            var yes = sqlite ? "1" : "TRUE";
            scan.CommandText = $"SELECT COUNT(*), SUM(CASE WHEN channel = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN accepted_at_one_window = {yes} THEN 1 ELSE 0 END), " +
                               $"SUM(CASE WHEN immediate = {yes} THEN 1 ELSE 0 END) FROM cases WHERE accepted_on >= {f} AND accepted_on <= {t2}";
            for (var i = 0; i < 3; i++)
            {
                var t = Stopwatch.GetTimestamp();
                raw = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                countRuns.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                t = Stopwatch.GetTimestamp();
                await using (var reader = await scan.ExecuteReaderAsync())
                {
                    await reader.ReadAsync();
                }

                scanRuns.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        var received = figures["received"]!.GetValue<long>();
        var p50 = Math.Round(overall[overall.Count / 2], 2);
        return new DashboardResult(cases, tickets, ratings, generator, p50, Math.Round(overall[(int)(overall.Count * 0.95)], 2), Math.Round(overall[^1], 2),
            Math.Round(filtered[filtered.Count / 2], 2), Best(countRuns), Best(scanRuns), Math.Round(p50 / Best(countRuns), 3), Math.Round(p50 / Best(scanRuns), 3),
            received, raw, received == raw, null);
    }
}
