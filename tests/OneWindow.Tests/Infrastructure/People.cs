namespace OneWindow.Tests.Infrastructure;

/// <summary>Valid identity numbers for people the tests make up (GB 11643: region, birth date, sequence, MOD 11-2 check).</summary>
public static class People
{
    private static int _sequence = Random.Shared.Next(100, 500);

    public static string ResidentId(string region = "371602", DateOnly? born = null)
    {
        var birth = born ?? new DateOnly(1985, 7, 4).AddDays(Random.Shared.Next(0, 3000));
        var body = $"{region}{birth:yyyyMMdd}{Interlocked.Increment(ref _sequence) % 1000:000}";
        return body + CheckCharacter(body);
    }

    public static char CheckCharacter(string body17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return "10X98765432"[sum % 11];
    }

    public static string Mobile() => "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
