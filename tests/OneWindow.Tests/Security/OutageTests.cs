using System.Net.Sockets;
using Npgsql;

namespace OneWindow.Tests.Security;

/// <summary>Issue 17, item 10: while PostgreSQL cannot be reached, requests get 503 with Retry-After (not 500), and the server recovers.</summary>
public sealed class OutageTests
{
    /// <summary>A TCP relay between the application and PostgreSQL that the test can cut and restore, as a network would.</summary>
    private sealed class Relay(IPEndPoint target) : IAsyncDisposable
    {
        private readonly List<TcpClient> _open = [];
        private TcpListener? _listener;
        private CancellationTokenSource _cut = new();

        public int Port { get; private set; }

        public void Start(int port = 0)
        {
            _cut = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptAsync(_listener, _cut.Token);
        }

        private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
        {
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    var client = await listener.AcceptTcpClientAsync(ct);
                    var server = new TcpClient();
                    await server.ConnectAsync(target, ct);
                    lock (_open)
                    {
                        _open.Add(client);
                        _open.Add(server);
                    }

                    _ = Pump(client.GetStream(), server.GetStream(), ct);
                    _ = Pump(server.GetStream(), client.GetStream(), ct);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // cut
            }
        }

        private static async Task Pump(NetworkStream from, NetworkStream to, CancellationToken ct)
        {
            try
            {
                await from.CopyToAsync(to, ct);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // cut
            }
        }

        public void Cut()
        {
            _cut.Cancel();
            _listener?.Stop();
            lock (_open)
            {
                foreach (var c in _open)
                {
                    c.Close();
                }

                _open.Clear();
            }
        }

        public ValueTask DisposeAsync()
        {
            Cut();
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Requests_during_a_postgres_outage_get_503_with_retry_after_and_the_server_recovers()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        var real = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var relay = new Relay(new IPEndPoint(IPAddress.Parse(real.Host!), real.Port));
        relay.Start();
        var viaRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 };
        await using var app = new TestApp(database, settings: new Dictionary<string, string?> { ["ConnectionStrings:Default"] = viaRelay.ConnectionString });
        var enterprise = await app.SignedIn("enterprise");
        Assert.Equal(HttpStatusCode.OK, (await enterprise.GetAsync("/api/v1/cases")).StatusCode);

        relay.Cut();
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => enterprise.GetAsync("/api/v1/cases"),
                     () => enterprise.PostAsJsonAsync("/api/v1/cases", new { itemCode = "XK-SCJ-005" }),
                     () => app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = "clerk", password = "OneWindow#2026" }),
                 })
        {
            var response = await call();
            await Http.Problem(response, HttpStatusCode.ServiceUnavailable, "server:database-unavailable");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }

        relay.Start(relay.Port);
        await Http.Eventually(async () => (await enterprise.GetAsync("/api/v1/cases")).StatusCode == HttpStatusCode.OK, "the server did not recover after the outage", 30);
    }
}
