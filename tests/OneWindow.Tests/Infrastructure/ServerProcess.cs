using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace OneWindow.Tests.Infrastructure;

/// <summary>
/// The real server as its own operating-system process on a free loopback port, for what an in-process host cannot show:
/// a <c>kill -9</c> in the middle of its work.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _errors = new();

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Starts the server on the test database with these settings (configuration keys, e.g. <c>Audit:Sequencer</c>).</summary>
    public static async Task<ServerProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OneWindow.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.Environment["Database__Provider"] = database.Provider;
        info.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DataProtection__CertificatePath"] = TestCertificates.PfxPath;
        info.Environment["DataProtection__CertificatePassword"] = TestCertificates.Password;
        foreach (var name in new[] { "login", "register", "sms-code", "ticket", "check-in", "verify", "track" })
        {
            info.Environment[$"Throttles__{name}__PermitLimit"] = "1000000";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        var server = new ServerProcess(process, url);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (server._errors)
            {
                server._errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode}: {server.Errors}");
            }

            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the server did not answer /health within 3 minutes: " + server.Errors);
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client carrying the bearer token of a demo account.</summary>
    public async Task<HttpClient> SignedIn(string userName, string password = "OneWindow#2026")
    {
        using var login = Anonymous();
        var response = await login.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await Http.Json(response)).GetProperty("token").GetString();
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no hosted service stopping — as a power cut or the OOM killer.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
