using System.Runtime.CompilerServices;

namespace OneWindow.Tests.Architecture;

/// <summary>The shape of the entry point (module boundaries are checked on the compiled assembly: CompiledBoundaryTests).</summary>
public sealed class ModuleBoundaryTests
{
    private static string SourceRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "OneWindow"));

    [Fact]
    public void Program_stays_a_table_of_contents()
    {
        var lines = File.ReadAllLines(Path.Combine(SourceRoot(), "Program.cs"));
        Assert.True(lines.Length <= 60, $"Program.cs has {lines.Length} lines");
    }
}
