using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OneWindow.Tests.Architecture;

/// <summary>
/// No Docker engine runs here, so the container files are checked as files (ADR 0027): dockerfile-utils (npm) lints the
/// Dockerfile; the rules a bureau's security review asks for are read off it; every path it copies exists in the build
/// context and is not ignored; the compose file runs the image read-only on PostgreSQL.
/// </summary>
public sealed partial class DeploymentFileTests
{
    private static string PathOf(string name) => Path.Combine(Repository.Root, name);

    [Fact]
    public async Task The_dockerfile_lints_clean_and_builds_in_stages_to_a_non_root_image_with_a_health_check()
    {
        var lint = await LintAsync(PathOf("Dockerfile"));
        Assert.True(lint.Code == 0 && !lint.Output.Contains("Error:", StringComparison.Ordinal), lint.Output);

        var lines = Instructions(await File.ReadAllTextAsync(PathOf("Dockerfile")));
        var stages = lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal));
        Assert.True(stages >= 2, "not a multi-stage build");
        var final = lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToList();
        var user = final.LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.NotNull(user);
        Assert.DoesNotMatch("^USER (root|0)(:|$)", user);
        Assert.Contains(final, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.Contains("/health/live", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("ADD ", StringComparison.Ordinal)); // COPY only: no remote fetches, no auto-extraction
        // The project runs npm ci when it builds: the build stage must have npm.
        if ((await File.ReadAllTextAsync(PathOf("src/OneWindow/OneWindow.csproj"))).Contains("npm ci", StringComparison.Ordinal))
        {
            Assert.Contains(lines.Take(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal))), l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains(" npm", StringComparison.Ordinal));
        }

        // Every COPY from the build context names something that is there and not excluded by .dockerignore.
        var ignored = (await File.ReadAllLinesAsync(PathOf(".dockerignore"))).Where(l => l.Length > 0 && l[0] != '#').ToList();
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            foreach (var source in parts)
            {
                Assert.True(File.Exists(PathOf(source)) || Directory.Exists(PathOf(source)), $"COPY source missing: {source}");
                Assert.DoesNotContain(ignored, pattern => source.TrimEnd('/') == pattern.TrimEnd('/'));
            }
        }

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/node_modules/", ignored);
        Assert.Contains(".git/", ignored);

        // The lint would catch a broken instruction: a file with one is refused.
        var broken = Path.Combine(Path.GetTempPath(), "onewindow-broken-" + Guid.NewGuid().ToString("N") + ".Dockerfile");
        await File.WriteAllTextAsync(broken, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE http\n");
        try
        {
            Assert.Contains("Error:", (await LintAsync(broken)).Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task Compose_runs_the_image_read_only_on_postgresql_after_it_is_healthy()
    {
        var compose = await File.ReadAllTextAsync(PathOf("docker-compose.yml"));
        Assert.Matches(@"(?m)^  postgres:\s*$", compose);
        Assert.Matches(@"(?m)^  onewindow:\s*$", compose);
        Assert.Contains("read_only: true", compose, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", compose, StringComparison.Ordinal);
        Assert.Contains("Database__Provider: postgres", compose, StringComparison.Ordinal);
        Assert.Contains("PublicBaseUrl:", compose, StringComparison.Ordinal);
        Assert.Contains("DataProtection__CertificatePath:", compose, StringComparison.Ordinal);
        Assert.Contains("pg_isready", compose, StringComparison.Ordinal);
    }

    /// <summary>The Dockerfile's instructions, continuation lines joined, comments dropped.</summary>
    private static List<string> Instructions(string text) =>
        [.. Continuation().Replace(text, " ").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#')];

    private static async Task<(int Code, string Output)> LintAsync(string file)
    {
        var folder = Path.Combine(Repository.Root, "tests", "verifiers");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "node_modules", "dockerfile-utils", "bin", "dockerfile-utils"));
        start.ArgumentList.Add("lint");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continuation();
}
