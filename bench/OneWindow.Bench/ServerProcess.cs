using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OneWindow.Bench;

/// <summary>The real server as its own process, on a free loopback port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    /// <param name="dll">Another server to start with the same arguments (the thin baseline, <see cref="FindThinServer"/>).</param>
    public static async Task<ServerProcess> StartAsync(BenchOptions options, BenchDatabase database, string? dll = null)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var info = await StartInfoAsync(options, database, dll ?? options.ServerPath ?? FindServer(), ["--urls", url]);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[server] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return await WaitForHealthAsync(process, url);
    }

    /// <summary>
    /// Runs an administrative verb of the server (e.g. <c>generate</c>) on the same database with the same settings; its progress
    /// (stderr) is shown as it comes; returns the exit code and what it wrote to stdout.
    /// </summary>
    public static async Task<(int Code, string Output)> RunVerbAsync(BenchOptions options, BenchDatabase database, params string[] verb)
    {
        var info = await StartInfoAsync(options, database, options.ServerPath ?? FindServer(), verb);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the verb");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var buffer = new char[4096];
        int read;
        while ((read = await process.StandardError.ReadAsync(buffer)) > 0)
        {
            Console.Error.Write(buffer, 0, read);
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout);
    }

    private static async Task<ProcessStartInfo> StartInfoAsync(BenchOptions options, BenchDatabase database, string dll, string[] first)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in first)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in new[]
                 {
                     "--Database:Provider", database.Provider, "--ConnectionStrings:Default", database.ConnectionString,
                     "--Logging:LogLevel:Default", "Warning", "--Notifications:LogPath", Path.Combine(database.Folder, "notifications.log"),
                 })
        {
            info.ArgumentList.Add(arg);
        }

        // Capacity, not abuse protection, is measured: the throttles are lifted (all load comes from one address).
        foreach (var name in new[] { "login", "register", "sms-code", "ticket", "verify", "track" })
        {
            info.ArgumentList.Add($"--Throttles:{name}:PermitLimit");
            info.ArgumentList.Add("1000000000");
        }

        // The dispatch suggestions are timed over a history of 10,000 closed 12345 orders (issue 21).
        if (options.Scenarios.Contains("suggest"))
        {
            info.ArgumentList.Add("--Hotline:DemoHistoryOrders");
            info.ArgumentList.Add("10000");
        }

        // As a deployment: the key ring is encrypted with a certificate outside the database (ADR 0016; required for PostgreSQL).
        var certificate = Path.Combine(database.Folder, "keyring.pfx");
        if (!File.Exists(certificate))
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=OneWindow bench key ring", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, self.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "bench"));
        }

        info.ArgumentList.Add("--DataProtection:CertificatePath");
        info.ArgumentList.Add(certificate);
        info.ArgumentList.Add("--DataProtection:CertificatePassword");
        info.ArgumentList.Add("bench");

        // Extra settings for experiments, e.g. ONEWINDOW_BENCH_SERVER_ARGS="--Outbox:Enabled false".
        foreach (var arg in (Environment.GetEnvironmentVariable("ONEWINDOW_BENCH_SERVER_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static async Task<ServerProcess> WaitForHealthAsync(Process process, string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode}");
            }

            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode)
                {
                    return new ServerProcess(process, url);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the server did not answer /health within 3 minutes");
    }

    public double ResidentMegabytes() => Status("VmRSS:");

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public double PeakMegabytes() => Status("VmHWM:");

    /// <summary>
    /// CPU time of the server's tiered-compilation worker (the thread that recompiles hot methods with full
    /// optimisation), from /proc: while it is busy the server is still warming up. The worker exits when idle
    /// and is started again when needed, so a fall between two readings means it was idle. Zero where /proc is missing.
    /// </summary>
    public TimeSpan JitWorkerCpuTime()
    {
        var tasks = $"/proc/{_process.Id}/task";
        if (!Directory.Exists(tasks))
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromMilliseconds(CpuMeter.CpuMsOf(Directory.EnumerateDirectories(tasks), name => name.StartsWith(".NET Tiered", StringComparison.Ordinal)));
    }

    private double Status(string key)
    {
        var path = $"/proc/{_process.Id}/status";
        if (!File.Exists(path))
        {
            return Math.Round(_process.WorkingSet64 / 1048576.0, 1);
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var kb = line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return Math.Round(kb / 1024.0, 1);
    }

    /// <summary>The thin HTTP baseline (bench/OneWindow.ThinServer), built beside the harness.</summary>
    public static string FindThinServer() => Find(Path.Combine("bench", "OneWindow.ThinServer"), "OneWindow.ThinServer.dll");

    private static string FindServer() => Find(Path.Combine("src", "OneWindow"), "OneWindow.dll");

    private static string Find(string project, string file)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent?.Name ?? "Release"; // bin/<Configuration>/net10.0/
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneWindow.slnx")))
            {
                var candidate = Path.Combine(dir.FullName, project, "bin", configuration, "net10.0", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{file} not found; build the solution (or pass --server PATH for the platform)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
