using System.Text.RegularExpressions;
using OneWindow.Platform;
using OneWindow.Platform.Web;

namespace OneWindow.Tests.Unit;

/// <summary>The OpenAPI document lists the problem types per status from <see cref="ProblemTypes"/>: it must hold every one the sources create.</summary>
public sealed partial class ProblemTypeCatalogTests
{
    [Fact]
    public void Every_error_the_sources_create_is_in_the_catalogue_under_its_kind()
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var found = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "OneWindow"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var errors = Factory().Matches(text).Select(m => (Kind: m.Groups[1].Value, Code: m.Groups[2].Value))
                .Concat(Constructed().Matches(text).Select(m => (Kind: m.Groups[2].Value, Code: m.Groups[1].Value)));
            foreach (var (kind, code) in errors)
            {
                found++;
                if (!ProblemTypes.Of(Enum.Parse<ErrorKind>(kind)).Contains(code))
                {
                    missing.Add($"[ErrorKind.{kind}] \"{code}\" ({Path.GetFileName(file)})");
                }
            }
        }

        Assert.True(found > 150, $"only {found} errors found: the patterns no longer match the sources");
        Assert.True(missing.Count == 0, "add to Platform/Web/ProblemTypes.cs:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(@"Error\.(Conflict|NotFound|Forbidden|Validation)\(\s*""([a-z0-9:-]+)""")]
    private static partial Regex Factory();

    [GeneratedRegex(@"new Error\(\s*""([a-z0-9:-]+)""[^;]*?ErrorKind\.(\w+)", RegexOptions.Singleline)]
    private static partial Regex Constructed();
}
