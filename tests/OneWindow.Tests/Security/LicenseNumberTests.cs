using System.Security.Cryptography;
using System.Text;
using OneWindow.Modules.Licenses.Domain;

namespace OneWindow.Tests.Security;

/// <summary>Issue 17, must-show 2: a licence number carries nothing from which the holder's ID number can be searched out.</summary>
public sealed class LicenseNumberTests
{
    /// <summary>The attack that recovered an ID in 0.3 s: every ID of one district born in one year, hashed, compared with the segment.</summary>
    private static string? Search(string segment, string district, int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            for (var seq = 0; seq < 1000; seq++)
            {
                var body = $"{district}{day:yyyyMMdd}{seq:000}";
                var id = body + People.CheckCharacter(body);
                var hex = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(id)))[..12];
                if (segment.EndsWith(hex, StringComparison.Ordinal))
                {
                    return id;
                }
            }
        }

        return null;
    }

    [Fact]
    public void The_district_by_birth_date_search_finds_the_id_behind_an_old_number_and_not_behind_a_new_one()
    {
        var id = People.ResidentId("371602", new DateOnly(1990, 3, 15));

        // Before: "P" + an unkeyed hash. The search finds the person.
        var old = "P" + Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(id)))[..12];
        Assert.Equal(id, Search(old, "371602", 1990));

        // Now: keyed with the platform's secret; the same search over the same space finds nothing.
        var segment = LicenseNumbers.HolderSegment("person", id, RandomNumberGenerator.GetBytes(32));
        Assert.StartsWith("H", segment, StringComparison.Ordinal);
        Assert.Null(Search(segment, "371602", 1990));
        Assert.DoesNotContain(id[6..14], LicenseNumbers.Make("371600-SCJ", segment, 1, 1), StringComparison.Ordinal);

        // Stable for one holder under one key (a holder's licences share the segment), different across holders.
        var key = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(LicenseNumbers.HolderSegment("person", id, key), LicenseNumbers.HolderSegment("person", id, key));
        Assert.NotEqual(LicenseNumbers.HolderSegment("person", id, key), LicenseNumbers.HolderSegment("person", People.ResidentId(), key));
    }
}
