using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Npgsql;

namespace OneWindow.Tests.Integration;

/// <summary>
/// The first step of the documented scale-out (docs/deployment.md, ADR 0027): two stateless instances behind nginx (Debian's
/// package, as a bureau runs it) on one PostgreSQL. A call made on one shows on a display served by the other; a token
/// signed by one is honoured by the other (one Data Protection key ring, in the database); kill -9 of one instance under
/// submission load loses no acknowledged case, and the proxy's retries of non-idempotent requests create no duplicates
/// (Idempotency-Key).
/// </summary>
public sealed class ScaleOutTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly Guid NightHall = Guid.Parse("0193a000-0000-7000-8000-000000371624");

    [Fact]
    public async Task Two_instances_behind_nginx_share_displays_and_sign_in_and_a_killed_one_loses_no_acknowledged_case()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var proxied = new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" };
        // The first instance makes the schema and the demo; the second joins the running database.
        await using var a = await ServerProcess.StartAsync(database, proxied);
        await using var b = await ServerProcess.StartAsync(database, proxied);
        await using var nginx = await Nginx.StartAsync(a.Url, b.Url);

        // One key ring: a token issued by A is honoured by B.
        var token = await TokenAsync(a.Anonymous(), "guide");
        using var guideOnB = b.Anonymous();
        guideOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal("guide", (await Http.Json(await guideOnB.GetAsync("/api/v1/auth/me"))).GetProperty("userName").GetString());

        // A ticket taken on B, called at a counter on A, shows on the display B serves.
        using var guideOnA = a.Anonymous();
        guideOnA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var ticket = await Http.Json(await b.Anonymous().PostAsJsonAsync($"/api/v1/halls/{NightHall}/tickets", new { group = "A" }), HttpStatusCode.Created);
        var counters = await Http.Json(await guideOnA.GetAsync($"/api/v1/halls/{NightHall}/counters"));
        var counter = counters.EnumerateArray().First().GetProperty("id").GetString();
        await Http.Json(await guideOnA.PostAsync($"/api/v1/counters/{counter}/sign-in", null));
        JsonElement called = default;
        for (var i = 0; i < 20 && called.ValueKind != JsonValueKind.Object; i++)
        {
            var next = await guideOnA.PostAsync($"/api/v1/counters/{counter}/call-next", null);
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
            var t = (await Http.Json(next)).GetProperty("ticket");
            called = t.GetProperty("id").GetString() == ticket.GetProperty("id").GetString() ? t : default;
        }

        Assert.Equal(JsonValueKind.Object, called.ValueKind);
        await Http.Eventually(async () =>
        {
            var display = await Http.Json(await b.Anonymous().GetAsync($"/api/v1/halls/{NightHall}/display"));
            return display.GetProperty("current").EnumerateArray().Any(c => c.GetProperty("number").GetString() == ticket.GetProperty("number").GetString());
        }, "the display on B did not show the call made on A");

        // Submissions through nginx from four clients; A is killed mid-way. Every client retries a failure with the same key.
        using var citizen = new HttpClient { BaseAddress = new Uri(nginx.Url), Timeout = TimeSpan.FromSeconds(30) };
        citizen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(citizen, "enterprise"));
        var application = await Applications.EnterpriseAsync(citizen, "XK-SCJ-006");
        var acknowledged = new ConcurrentDictionary<string, string>(); // key → case id
        var killed = 0;
        var clients = Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var n = 0; n < 15; n++)
            {
                var key = "scale-" + Guid.NewGuid().ToString("N");
                acknowledged[key] = await SubmitUntilAcknowledgedAsync(citizen, application, key);
                if (acknowledged.Count == 12 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await a.KillAsync();
                }
            }
        });
        await Task.WhenAll(clients);
        Assert.Equal(1, killed);
        Assert.Equal(60, acknowledged.Count);

        // Nothing acknowledged is lost, and no key made two cases.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT idempotency_key, count(*), min(id::text) FROM cases WHERE idempotency_key LIKE 'scale-%' GROUP BY idempotency_key", connection);
        var stored = new Dictionary<string, (long Count, string Id)>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
            }
        }

        Assert.All(acknowledged, ack =>
        {
            Assert.True(stored.TryGetValue(ack.Key, out var row), "acknowledged case lost: " + ack.Key);
            Assert.Equal(1, row.Count);
            Assert.Equal(ack.Value, row.Id);
        });
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.Contains("upstream", await nginx.ErrorLogAsync(), StringComparison.Ordinal); // nginx did meet the dead instance
    }

    private static async Task<string> SubmitUntilAcknowledgedAsync(HttpClient client, object application, string key)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(application) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                }

                Assert.True((int)response.StatusCode >= 500, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) when (attempt < 50)
            {
            }

            Assert.True(attempt < 50, "no answer after 50 attempts");
            await Task.Delay(200);
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string userName)
    {
        var json = await Http.Json(await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "OneWindow#2026" }));
        return json.GetProperty("token").GetString()!;
    }

    /// <summary>nginx from Debian's package (scripts/test.sh installs nginx-light), in the foreground, with a config of its own.</summary>
    private sealed class Nginx : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;

        private Nginx(Process process, string folder, string url)
        {
            _process = process;
            _folder = folder;
            Url = url;
        }

        public string Url { get; }

        public static async Task<Nginx> StartAsync(params string[] upstreams)
        {
            var folder = Directory.CreateTempSubdirectory("onewindow-nginx-").FullName;
            int port;
            using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            }

            var servers = string.Concat(upstreams.Select(u => $"    server {new Uri(u).Authority} max_fails=1 fail_timeout=60s;\n"));
            // As docs/deployment.md: retry a request the dead instance never answered on the other one, POST included
            // (non_idempotent): the Idempotency-Key makes that safe.
            await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
                daemon off;
                worker_processes 1;
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log warn;
                events { worker_connections 512; }
                http {
                  access_log off;
                  client_body_temp_path {{folder}}/body;
                  proxy_temp_path {{folder}}/proxy;
                  fastcgi_temp_path {{folder}}/fastcgi;
                  uwsgi_temp_path {{folder}}/uwsgi;
                  scgi_temp_path {{folder}}/scgi;
                  upstream onewindow {
                {{servers}}  }
                  server {
                    listen 127.0.0.1:{{port}};
                    client_max_body_size 20m;
                    location / {
                      proxy_pass http://onewindow;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
                      proxy_connect_timeout 2s;
                      proxy_read_timeout 60s;
                    }
                  }
                }
                """);
            var info = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
            info.ArgumentList.Add("-p");
            info.ArgumentList.Add(folder);
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(Path.Combine(folder, "nginx.conf"));
            info.ArgumentList.Add("-e");
            info.ArgumentList.Add(Path.Combine(folder, "error.log"));
            var process = Process.Start(info)!;
            var url = $"http://127.0.0.1:{port}";
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            for (var i = 0; i < 100; i++)
            {
                Assert.False(process.HasExited, "nginx exited: " + await process.StandardError.ReadToEndAsync());
                try
                {
                    if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode)
                    {
                        return new Nginx(process, folder, url);
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100);
            }

            process.Kill(entireProcessTree: true);
            throw new TimeoutException("nginx did not answer");
        }

        public async Task<string> ErrorLogAsync() => await File.ReadAllTextAsync(Path.Combine(_folder, "error.log"));

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
