using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OneWindow.Bench;

/// <summary>Issue 22: building a day's callback list over <see cref="CallbackListBench.Services"/> closed services, beside a plain indexed count of the same rows.</summary>
public sealed record CallbackListResult(
    int Services, int Created, double BuildSeconds, double RebuildSeconds, double CountMs, double RatioBuildToCount, double RssBeforeMb, double RssAfterMb, double PeakRssMb,
    string? Error);

public static class CallbackListBench
{
    public const int Services = 100_000;

    /// <summary>Thursday 2026-03-05: the services close; Friday 2026-03-06 is the list's day.</summary>
    private const string ServiceDay = "2026-03-05";

    private const string ListDay = "2026-03-06";

    /// <summary>
    /// Copies a demo hall ticket into <see cref="Services"/> served tickets of one day, each with its own phone (straight into
    /// the database: the set-up is not what is measured); then, as the administrator, builds the list over HTTP (time, and
    /// the server's memory before, after and at its peak), builds it again (everything is already listed), and counts the
    /// same rows with the index the list reads by.
    /// </summary>
    public static async Task<CallbackListResult> RunAsync(string baseUrl, BenchDatabase database, ServerProcess server)
    {
        var sqlite = database.Provider == "sqlite";
        Console.Error.WriteLine($"[bench] callback-list: {Services:N0} served tickets on {ServiceDay}…");
        await using (var connection = Baseline.Open(sqlite, database.ConnectionString))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandTimeout = 600;
            var columns = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = sqlite ? "SELECT name FROM pragma_table_info('queue_tickets')" : "SELECT column_name FROM information_schema.columns WHERE table_name = 'queue_tickets'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            string Value(string column) => column switch
            {
                "id" => sqlite ? "printf('000000BE-0000-4000-8000-%012X', n)" : "('000000be-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid",
                "day" => sqlite ? $"'{ServiceDay}'" : $"DATE '{ServiceDay}'",
                "sequence" => "1000 + n",
                "number" => sqlite ? "'A' || n" : "'A' || n::text",
                "mobile" => sqlite ? "printf('137%08d', n)" : "'137' || lpad(n::text, 8, '0')",
                "access_code" => sqlite ? "printf('%024d', n)" : "lpad(n::text, 24, '0')",
                "user_id" => "NULL",
                _ => "seed." + column,
            };
            var series = sqlite
                ? $"WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {Services}) "
                : "";
            var from = sqlite ? "s" : $"generate_series(1, {Services}) AS s(n)";
            insert.CommandText = $"{series}INSERT INTO queue_tickets ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(Value))} " +
                                 $"FROM {from}, (SELECT * FROM queue_tickets WHERE status = 3 AND mobile IS NOT NULL AND department_code IS NOT NULL LIMIT 1) AS seed";
            var rows = await insert.ExecuteNonQueryAsync();
            if (rows != Services)
            {
                return new CallbackListResult(Services, 0, 0, 0, 0, 0, 0, 0, 0, $"seeded {rows} rows (the demo's served tickets were not there)");
            }
        }

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(20) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "OneWindow#2026" });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());

        var rssBefore = server.ResidentMegabytes();
        var started = Stopwatch.GetTimestamp();
        var built = await http.PostAsJsonAsync("/api/v1/callbacks/lists", new { date = ListDay });
        var buildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rssAfter = server.ResidentMegabytes();
        if (!built.IsSuccessStatusCode)
        {
            return new CallbackListResult(Services, 0, buildSeconds, 0, 0, 0, rssBefore, rssAfter, server.PeakMegabytes(), $"{(int)built.StatusCode}: {await built.Content.ReadAsStringAsync()}");
        }

        var created = (await built.Content.ReadFromJsonAsync<JsonObject>())!["created"]!.GetValue<int>();
        started = Stopwatch.GetTimestamp();
        (await http.PostAsJsonAsync("/api/v1/callbacks/lists", new { date = ListDay })).EnsureSuccessStatusCode();
        var rebuildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // The baseline: the same rows counted through the index the list's query uses (best of five).
        var countMs = double.MaxValue;
        await using (var connection = Baseline.Open(sqlite, database.ConnectionString))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = sqlite
                ? $"SELECT count(*) FROM queue_tickets WHERE day = '{ServiceDay}' AND status = 3"
                : $"SELECT count(*) FROM queue_tickets WHERE day = DATE '{ServiceDay}' AND status = 3";
            for (var i = 0; i < 5; i++)
            {
                var t = Stopwatch.GetTimestamp();
                await count.ExecuteScalarAsync();
                countMs = Math.Min(countMs, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        return new CallbackListResult(Services, created, Math.Round(buildSeconds, 2), Math.Round(rebuildSeconds, 2), Math.Round(countMs, 2),
            Math.Round(buildSeconds * 1000 / countMs, 1), rssBefore, rssAfter, server.PeakMegabytes(), null);
    }
}
