using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace OneWindow.Tests.Architecture;

/// <summary>Rule 2 of the architecture: a module touches another module only through its Contracts.</summary>
public sealed partial class ModuleBoundaryTests
{
    private static string SourceRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "OneWindow"));

    [GeneratedRegex(@"OneWindow\.Modules\.(\w+)\.(Domain|Data|Features|Pages)\b")]
    private static partial Regex ModuleInternals();

    [Fact]
    public void Modules_use_only_each_others_contracts()
    {
        var modules = Path.Combine(SourceRoot(), "Modules");
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(modules, "*.cs*", SearchOption.AllDirectories))
        {
            var owner = Path.GetRelativePath(modules, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match match in ModuleInternals().Matches(File.ReadAllText(file)))
            {
                if (match.Groups[1].Value != owner)
                {
                    violations.Add($"{Path.GetRelativePath(modules, file)} uses {match.Value}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void The_platform_kernel_does_not_depend_on_module_internals()
    {
        var violations = Directory.EnumerateFiles(Path.Combine(SourceRoot(), "Platform"), "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "Cli" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => ModuleInternals().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)} uses {m.Value}"))
            .ToList();
        Assert.Empty(violations);
    }

    [Fact]
    public void The_boundary_check_itself_sees_a_violation()
    {
        Assert.Matches(ModuleInternals(), "using OneWindow.Modules.Accounts.Domain;");
        Assert.DoesNotMatch(ModuleInternals(), "using OneWindow.Modules.Accounts.Contracts;");
    }

    [Fact]
    public void Program_stays_a_table_of_contents()
    {
        var lines = File.ReadAllLines(Path.Combine(SourceRoot(), "Program.cs"));
        Assert.True(lines.Length <= 60, $"Program.cs has {lines.Length} lines");
    }
}
