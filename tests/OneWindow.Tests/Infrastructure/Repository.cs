using System.Runtime.CompilerServices;

namespace OneWindow.Tests.Infrastructure;

/// <summary>The checkout the tests were built from (its docs, sources and scripts).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
