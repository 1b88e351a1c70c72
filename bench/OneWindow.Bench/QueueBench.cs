using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneWindow.Bench;

/// <summary>What the service hall scenario measured (issue 7).</summary>
public sealed record QueueResult(
    int Counters, int Issuers, long Issued, double IssuedPerSecond, double IssueP99Ms, long Called, double CalledPerSecond, double CallP50Ms, double CallP99Ms, double CallMaxMs,
    long EmptyCalls, long Errors, int DisplayProbes, double DisplayP50Ms, double DisplayP99Ms, double DisplayMaxMs, double DisplayAfterAnswerP50Ms, double DisplayAfterAnswerP99Ms,
    bool NoTicketCalledTwice, string Baseline,
    double IssueRatioToBaseline, double CallRatioToBaseline)
{
    /// <summary>Issue 19: calls per second against the thin HTTP endpoint's writes per second in the same run.</summary>
    public double? CallRatioToThin { get; init; }

    /// <summary>Issue 19's target: call-next p99 under 50 ms with 50 counters pressing at once, and calls ≥ 0.25 × thin.</summary>
    public bool? MeetsTarget { get; init; }
}

/// <summary>
/// The service hall under load: a hall with 50 general counters, each signed in by its own officer
/// (accounts opened through the admin API). Phase 1: ticket takers fill the queue for T seconds
/// (tickets issued per second). Phase 2: the 50 counters press call next (and finish) all at once
/// until the queue is empty or T seconds pass (calls per second, call-next p50/p99). Meanwhile a
/// probe counter measures the time from pressing call next to the display's long poll answering
/// with that ticket on it (the same feed drives the SignalR pushes).
/// </summary>
public static class QueueBench
{
    private const int Counters = 50;

    private static readonly string[] ClerkRole = ["IntakeClerk"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<HttpClient> SignInAsync(string baseUrl, string userName, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<QueueResult> RunAsync(string baseUrl, BenchOptions options, BaselineResult baseline)
    {
        Console.Error.WriteLine($"[bench] queue: setting up a hall with {Counters} counters and their officers…");
        using var admin = await SignInAsync(baseUrl, "admin", "OneWindow#2026");
        var hall = await Expect(await admin.PostAsJsonAsync("/api/v1/halls", new
        {
            // Open every day round the clock (a 24 小时自助区), so the bench runs at any hour.
            name = "压测大厅", regionCode = "371600", openEveryDay = true, opensAt = "00:00", closesAt = "00:00", groups = new[] { new { code = "A", name = "综合受理", serviceMinutes = 10, slotCapacity = 0 } },
        }), HttpStatusCode.Created);
        var hallId = hall.GetProperty("id").GetString()!;
        var officers = new List<(HttpClient Http, string Counter)>();
        for (var n = 1; n <= Counters + 1; n++)
        {
            var counter = await Expect(await admin.PostAsJsonAsync($"/api/v1/halls/{hallId}/counters", new { number = n, kind = "general", departmentCode = "371600-XSP" }),
                HttpStatusCode.Created);
            var userName = $"bench.window{n:00}";
            await Expect(await admin.PostAsJsonAsync("/api/v1/staff", new
            {
                userName, displayName = $"{n} 号窗口压测员", password = "Bench#2026-window", departmentCode = "371600-XSP", roles = ClerkRole,
            }), HttpStatusCode.Created);
            var officer = await SignInAsync(baseUrl, userName, "Bench#2026-window");
            var id = counter.GetProperty("id").GetString()!;
            await Expect(await officer.PostAsync($"/api/v1/counters/{id}/sign-in", null), HttpStatusCode.OK);
            officers.Add((officer, id));
        }

        var probe = officers[^1];
        var callers = officers.Take(Counters).ToList();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        using var phone = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var issuers = Math.Max(1, options.Clients);

        // Warm-up: a short round of both phases, so the JIT has seen the paths.
        Console.Error.WriteLine($"[bench] queue: warm-up ({options.Warmup}s)…");
        await IssueAsync(phone, hallId, issuers, Math.Max(1, options.Warmup / 2), null);
        await CallAsync(callers, Math.Max(1, options.Warmup / 2), null, null);

        Console.Error.WriteLine($"[bench] queue: {issuers} ticket takers × {options.Seconds}s…");
        var issueLatencies = new ConcurrentBag<double>();
        var (issued, issueSeconds, issueErrors) = await IssueAsync(phone, hallId, issuers, options.Seconds, issueLatencies);

        Console.Error.WriteLine($"[bench] queue: {Counters} counters calling at once (≤ {options.Seconds}s) with a display probe…");
        var callLatencies = new ConcurrentBag<double>();
        var calledIds = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var display = new List<double>();
        var afterAnswer = new List<double>();
        var probing = ProbeAsync(baseUrl, hallId, probe, display, afterAnswer, stop.Token);
        var (called, empty, callSeconds, callErrors) = await CallAsync(callers, options.Seconds, callLatencies, calledIds);
        await stop.CancelAsync();
        await probing;

        var issueSorted = issueLatencies.Order().ToList();
        var callSorted = callLatencies.Order().ToList();
        var displaySorted = display.Order().ToList();
        var afterSorted = afterAnswer.Order().ToList();
        var issuedRate = Math.Round(issued / issueSeconds, 1);
        var calledRate = Math.Round(called / callSeconds, 1);
        return new QueueResult(Counters, issuers, issued, issuedRate, Percentiles.Of(issueSorted, 0.99), called, calledRate, Percentiles.Of(callSorted, 0.5),
            Percentiles.Of(callSorted, 0.99), callSorted.Count == 0 ? 0 : Math.Round(callSorted[^1], 3), empty, issueErrors + callErrors, displaySorted.Count,
            Percentiles.Of(displaySorted, 0.5), Percentiles.Of(displaySorted, 0.99), displaySorted.Count == 0 ? 0 : Math.Round(displaySorted[^1], 3),
            Percentiles.Of(afterSorted, 0.5), Percentiles.Of(afterSorted, 0.99), calledIds.Count == calledIds.Distinct().Count(), baseline.Name, Math.Round(issuedRate / baseline.OpsPerSecond, 3), Math.Round(calledRate / baseline.OpsPerSecond, 3));
    }

    private static async Task<(long Issued, double Seconds, long Errors)> IssueAsync(HttpClient phone, string hallId, int workers, int seconds, ConcurrentBag<double>? latencies)
    {
        long issued = 0, errors = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (seconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await phone.PostAsJsonAsync($"/api/v1/halls/{hallId}/tickets", new { group = "A" });
                latencies?.Add(Percentiles.Ms(Stopwatch.GetTimestamp() - t0));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref issued);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (issued, Stopwatch.GetElapsedTime(started).TotalSeconds, errors);
    }

    /// <summary>Every counter: call next, finish, again — until nobody waits or the time is up.</summary>
    private static async Task<(long Called, long Empty, double Seconds, long Errors)> CallAsync(
        List<(HttpClient Http, string Counter)> counters, int seconds, ConcurrentBag<double>? latencies, ConcurrentBag<string>? ids)
    {
        long called = 0, empty = 0, errors = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (seconds * Stopwatch.Frequency);
        await Task.WhenAll(counters.Select(async c =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await c.Http.PostAsync($"/api/v1/counters/{c.Counter}/call-next", null);
                latencies?.Add(Percentiles.Ms(Stopwatch.GetTimestamp() - t0));
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    Interlocked.Increment(ref empty);
                    return;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                Interlocked.Increment(ref called);
                var ticket = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("ticket").GetProperty("id").GetString()!;
                ids?.Add(ticket);
                using var finished = await c.Http.PostAsJsonAsync($"/api/v1/tickets/{ticket}/finish", new { });
                if (!finished.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (called, empty, Stopwatch.GetElapsedTime(started).TotalSeconds, errors);
    }

    /// <summary>Call → display: the probe counter calls, and the display's long poll must answer with that ticket on it.</summary>
    /// <param name="afterAnswer">The same, from the moment call-next answered (what the display adds to the call itself).</param>
    private static async Task ProbeAsync(string baseUrl, string hallId, (HttpClient Http, string Counter) probe, List<double> samples, List<double> afterAnswer, CancellationToken stop)
    {
        using var display = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var view = await display.GetFromJsonAsync<JsonElement>($"/api/v1/halls/{hallId}/display", Json, stop);
                var stamp = view.GetProperty("stamp").GetInt64();
                var t0 = Stopwatch.GetTimestamp();
                using var response = await probe.Http.PostAsync($"/api/v1/counters/{probe.Counter}/call-next", null, stop);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    await Task.Delay(50, stop);
                    continue;
                }

                var answered = Stopwatch.GetTimestamp();
                var ticket = (await response.Content.ReadFromJsonAsync<JsonElement>(Json, stop)).GetProperty("ticket");
                var number = ticket.GetProperty("number").GetString();
                while (!stop.IsCancellationRequested)
                {
                    view = await display.GetFromJsonAsync<JsonElement>($"/api/v1/halls/{hallId}/display?after={stamp}&wait=10", Json, stop);
                    stamp = view.GetProperty("stamp").GetInt64();
                    if (view.GetProperty("current").EnumerateArray().Any(c => c.GetProperty("number").GetString() == number))
                    {
                        var seen = Stopwatch.GetTimestamp();
                        samples.Add(Percentiles.Ms(seen - t0));
                        afterAnswer.Add(Math.Max(0, Percentiles.Ms(seen - answered)));
                        break;
                    }
                }

                await probe.Http.PostAsJsonAsync($"/api/v1/tickets/{ticket.GetProperty("id").GetString()}/finish", new { }, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
