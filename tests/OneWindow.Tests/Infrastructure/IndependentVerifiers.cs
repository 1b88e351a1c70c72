using System.Diagnostics;

namespace OneWindow.Tests.Infrastructure;

/// <summary>
/// What the platform signs, checked by libraries that are not the platform's: cose-js (COSE_Sign1, ES256) for the LC1
/// 亮证码 and jose for the vc+jwt, run with Node from <c>tests/verifiers</c> (scripts/test.sh installs them with npm ci).
/// The same folder holds axe-core, which the browser tests run in the page to audit accessibility, and Redocly CLI, which lints the OpenAPI document.
/// </summary>
public static class IndependentVerifiers
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>Runs verify.mjs: <c>{lc1: {valid, claims|error}, jwt?: {valid, typ, payload|error}}</c>.</summary>
    public static async Task<JsonElement> VerifyAsync(string payload, JsonElement jwk, string? jwt = null)
    {
        var folder = Folder();
        await EnsureInstalledAsync(folder);
        var input = Path.Combine(Path.GetTempPath(), "onewindow-verify-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { payload, jwk, jwt }));
        try
        {
            var (code, stdout, stderr) = await RunAsync(folder, "node", "verify.mjs", input);
            Assert.True(code == 0, $"node verify.mjs failed ({code}): {stderr}");
            return JsonSerializer.Deserialize<JsonElement>(stdout);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The path of axe-core's browser script (tests/verifiers/node_modules), installing it first if needed.</summary>
    public static async Task<string> AxeScriptAsync()
    {
        var folder = Folder();
        await EnsureInstalledAsync(folder);
        return Path.Combine(folder, "node_modules", "axe-core", "axe.min.js");
    }

    /// <summary>Runs <c>redocly lint</c> (Redocly CLI) on an OpenAPI document with a config; its JSON report.</summary>
    public static async Task<JsonElement> RedoclyLintAsync(string document, string config)
    {
        var folder = Folder();
        await EnsureInstalledAsync(folder);
        var (_, stdout, stderr) = await RunAsync(folder, "node", Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js"),
            "lint", document, "--config", config, "--format", "json", "--max-problems", "10000");
        var start = stdout.IndexOf('{', StringComparison.Ordinal);
        Assert.True(start >= 0, "redocly lint wrote no report: " + stderr);
        return JsonSerializer.Deserialize<JsonElement>(stdout[start..]);
    }

    private static string Folder() => Path.Combine(Repository.Root, "tests", "verifiers");

    /// <summary>scripts/test.sh installs the verifiers; a test run from an IDE installs them on first use (npm ci, from the lock file).</summary>
    private static async Task EnsureInstalledAsync(string folder)
    {
        await Install.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "cose-js")) || !Directory.Exists(Path.Combine(folder, "node_modules", "axe-core"))
                || !Directory.Exists(Path.Combine(folder, "node_modules", "@redocly", "cli")))
            {
                var (code, _, stderr) = await RunAsync(folder, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
                Assert.True(code == 0, "npm ci in tests/verifiers failed: " + stderr);
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string folder, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
