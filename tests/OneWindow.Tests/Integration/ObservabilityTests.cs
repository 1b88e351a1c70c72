using System.Globalization;
using System.Text.RegularExpressions;

namespace OneWindow.Tests.Integration;

/// <summary>
/// What operations staff and phones see of a running platform (ADR 0027): the Prometheus scrape with the HTTP and domain
/// meters after a lifecycle, refused without the key; the probes; the public address in the licence's link QR.
/// </summary>
public abstract partial class ObservabilityTests(AppFixture fixture)
{
    private const string Key = "scrape-key-for-tests";
    private const string PublicBase = "https://zwfw.binzhou.example.gov.cn";

    [Fact]
    public async Task After_a_lifecycle_metrics_show_http_and_domain_meters_only_to_the_key_and_the_link_qr_carries_the_public_address()
    {
        // A server of its own (an operating-system process): meters are process-wide, and the other tests' hosts in this
        // process would count into the same names. Scrapes come from loopback, which this configuration does not allow.
        await using var database = await fixture.NewDatabaseAsync();
        await using var server = await ServerProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Metrics:Key"] = Key, ["Metrics:AllowedNetworks"] = "10.99.0.0/16", ["PublicBaseUrl"] = PublicBase,
        });
        using var anonymous = server.Anonymous();

        // Refused: no key from a network not allowed, a wrong key.
        await Http.Problem(await anonymous.GetAsync("/metrics"), HttpStatusCode.Forbidden, "metrics:forbidden");
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
        {
            wrong.Headers.Authorization = new("Bearer", "not-the-key");
            await Http.Problem(await anonymous.SendAsync(wrong), HttpStatusCode.Forbidden, "metrics:forbidden");
        }

        // The demo's own history is counted as its events are delivered at start; the lifecycle adds to it.
        await Http.Eventually(async () => (await ScrapeAsync(anonymous)).ContainsKey("onewindow_cases_completed_total"), "the demo's history never reached the meters");
        var before = await ScrapeAsync(anonymous);
        await Http.Eventually(async () =>
        {
            // Settled: the demo's events are all delivered when two scrapes a second apart count the same.
            await Task.Delay(1000);
            var again = await ScrapeAsync(anonymous);
            var settled = Sum(again, "onewindow_cases_completed_total") == Sum(before, "onewindow_cases_completed_total")
                          && Sum(again, "onewindow_cases_submitted_total") == Sum(before, "onewindow_cases_submitted_total");
            before = again;
            return settled;
        }, "the demo's events never settled");
        var citizen = await server.SignedIn("citizen");
        var id = await Applications.CompletedBusinessRegistrationAsync(citizen, await server.SignedIn("clerk"), await server.SignedIn("approver.scj"));

        Dictionary<string, List<(Dictionary<string, string> Labels, double Value)>> after = [];
        await Http.Eventually(async () =>
        {
            after = await ScrapeAsync(anonymous);
            return Sum(after, "onewindow_cases_completed_total", ("item_kind", "XK"), ("on_time", "true")) > Sum(before, "onewindow_cases_completed_total", ("item_kind", "XK"), ("on_time", "true"));
        }, "the completed case never reached the meters");

        Assert.Equal(1, Sum(after, "onewindow_cases_completed_total", ("item_kind", "XK"), ("on_time", "true")) - Sum(before, "onewindow_cases_completed_total", ("item_kind", "XK"), ("on_time", "true")));
        Assert.Equal(1, Sum(after, "onewindow_cases_submitted_total", ("item_kind", "XK"), ("channel", "online")) - Sum(before, "onewindow_cases_submitted_total", ("item_kind", "XK"), ("channel", "online")));
        Assert.Equal(1, Sum(after, "onewindow_cases_decided_total", ("item_kind", "XK"), ("outcome", "granted")) - Sum(before, "onewindow_cases_decided_total", ("item_kind", "XK"), ("outcome", "granted")));
        Assert.Equal(1, Sum(after, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/cases/{id:guid}/accept"))
                        - Sum(before, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/cases/{id:guid}/accept")));
        Assert.Contains("onewindow_outbox_lag_seconds", after.Keys);
        Assert.Contains("onewindow_audit_sequencer_lag_seconds", after.Keys);
        Assert.Contains(after.Keys, k => k.StartsWith("dotnet_gc_", StringComparison.Ordinal));

        // The printed licence's link QR opens the public address, not the machine that answered.
        JsonElement licence = default;
        await Http.Eventually(async () =>
        {
            licence = (await Http.Json(await citizen.GetAsync("/api/v1/licenses"))).EnumerateArray().FirstOrDefault(l => l.GetProperty("caseId").GetString() == id);
            return licence.ValueKind == JsonValueKind.Object;
        }, "no licence issued");
        var png = Path.Combine(Path.GetTempPath(), "onewindow-link-qr-" + Guid.NewGuid().ToString("N") + ".png");
        await File.WriteAllBytesAsync(png, await citizen.GetByteArrayAsync($"/api/v1/licenses/{licence.GetProperty("id").GetString()}/link-qr.png"));
        try
        {
            Assert.StartsWith(PublicBase + "/verify?payload=LC1", Tools.ReadQr(png), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(png);
        }

        // The document tells clients the same address.
        var doc = await Http.Json(await anonymous.GetAsync("/openapi/v1.json"));
        Assert.Equal(PublicBase, doc.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Probes_answer_in_the_shape_kubernetes_reads()
    {
        var client = fixture.App.Anonymous();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await Http.Json(await client.GetAsync("/health/ready"));
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("审计上链滞后", ready.GetProperty("checks").GetProperty("background").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(fixture.Provider, (await Http.Json(await client.GetAsync("/health"))).GetProperty("database").GetString());
    }

    [Fact]
    public async Task With_a_collector_configured_the_request_in_a_problems_trace_id_is_exported_over_otlp()
    {
        // A collector stand-in: OTLP over HTTP/protobuf is a POST of a protobuf body to /v1/traces (and /v1/metrics, /v1/logs).
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var collector = new System.Net.HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new System.Collections.Concurrent.ConcurrentQueue<(string Path, byte[] Body)>();
        var receiving = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                try
                {
                    var context = await collector.GetContextAsync();
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (System.Net.HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        });

        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, settings: new Dictionary<string, string?>
        {
            ["OpenTelemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}", ["OpenTelemetry:OtlpProtocol"] = "http/protobuf",
        });
        var problem = await Http.Problem(await app.Anonymous().GetAsync($"/api/v1/work-orders/track?number=NO-SUCH&phoneLast4=1234"), HttpStatusCode.NotFound);
        var traceparent = problem.GetProperty("traceId").GetString()!;
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", traceparent);
        var traceId = Convert.FromHexString(traceparent.Split('-')[1]);

        // The exported spans carry the same 16-byte trace id (protobuf writes it raw).
        await Http.Eventually(() => Task.FromResult(received.Any(r => r.Path == "/v1/traces" && r.Body.AsSpan().IndexOf(traceId) >= 0)),
            "the request's trace never reached the collector", seconds: 30);
        collector.Stop();
        await receiving;
    }

    [Fact]
    public async Task Readiness_fails_when_the_outbox_falls_behind_its_threshold()
    {
        await using var database = await fixture.NewDatabaseAsync();
        // The dispatcher is off, so the demo's events wait; a threshold of 0 s makes any wait too long.
        await using var app = new TestApp(database, settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Health:OutboxLagSeconds"] = "0" });
        await Applications.SubmitBusinessRegistrationAsync(await app.SignedIn("citizen"));
        await Task.Delay(50);
        var ready = await app.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var json = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", json.GetProperty("checks").GetProperty("background").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health/live")).StatusCode);
    }

    private static async Task<Dictionary<string, List<(Dictionary<string, string> Labels, double Value)>>> ScrapeAsync(HttpClient client)
    {
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new("Bearer", Key);
        var response = await client.SendAsync(scrape);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    private static double Sum(Dictionary<string, List<(Dictionary<string, string> Labels, double Value)>> samples, string name, params (string Label, string Value)[] match) =>
        samples.TryGetValue(name, out var list) ? list.Where(s => match.All(m => s.Labels.GetValueOrDefault(m.Label) == m.Value)).Sum(s => s.Value) : 0;

    /// <summary>The Prometheus text exposition format: <c>name{label="value",…} number</c> per line, comments skipped.</summary>
    private static Dictionary<string, List<(Dictionary<string, string> Labels, double Value)>> Parse(string text)
    {
        var samples = new Dictionary<string, List<(Dictionary<string, string>, double)>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var m = Sample().Match(line);
            Assert.True(m.Success, "not a Prometheus sample line: " + line);
            var labels = Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
            var value = m.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var v => double.Parse(v, CultureInfo.InvariantCulture),
            };
            (samples.TryGetValue(m.Groups["name"].Value, out var list) ? list : samples[m.Groups["name"].Value] = []).Add((labels, value));
        }

        return samples;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}

public sealed class ObservabilityTestsOnSqlite(SqliteFixture fixture) : ObservabilityTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ObservabilityTestsOnPostgres(PostgresFixture fixture) : ObservabilityTests(fixture), IClassFixture<PostgresFixture>;
