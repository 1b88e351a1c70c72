namespace OneWindow.Platform;

/// <summary>
/// A module's demo data. Seeders run in <see cref="Order"/> at start-up unless the platform was
/// started with <c>--no-demo</c>; each must be idempotent (a restart adds nothing twice).
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}

/// <summary>The demo city: 滨州市 (Binzhou, one of the seed cities) with two of its counties.</summary>
public static class DemoCity
{
    public const string City = "371600";
    public const string Bincheng = "371602";
    public const string Huimin = "371621";
    public const string Password = "OneWindow#2026";
    public const string BureauName = "滨州市行政审批服务局";
}
