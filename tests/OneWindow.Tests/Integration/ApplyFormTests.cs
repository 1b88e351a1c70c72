using System.Text.RegularExpressions;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 20: forms that fit the applicant. 我要申请 only for accounts that may apply, with the reason otherwise; prefill
/// by field type and meaning, never an ID into a USCC field or the enterprise's code into a person's ID.
/// </summary>
public abstract partial class ApplyFormTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [GeneratedRegex("<input[^>]*name=\"(?<key>[A-Za-z]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Inputs();

    private static Dictionary<string, string> Prefilled(string html) =>
        Inputs().Matches(html).GroupBy(m => m.Groups["key"].Value).ToDictionary(g => g.Key, g => g.First().Groups["value"].Value);

    [Fact]
    public async Task A_person_is_told_an_enterprise_item_is_not_for_them_and_forms_are_prefilled_by_meaning()
    {
        var citizen = await App.SignedIn("citizen");
        // 食品经营许可（新办） is for enterprises only.
        var guide = await (await citizen.GetAsync("/guide/XK-SCJ-005")).Content.ReadAsStringAsync();
        Assert.Contains("apply-ineligible", guide, StringComparison.Ordinal);
        Assert.Contains("仅限法人", guide, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"apply\"", guide, StringComparison.Ordinal);
        var form = await (await citizen.GetAsync("/cases/new/XK-SCJ-005")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"ineligible\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" enctype", form, StringComparison.Ordinal);

        // The enterprise sees the button; its USCC goes into the USCC field only, not the legal representative's ID.
        var enterprise = await App.SignedIn("enterprise");
        Assert.Contains("data-testid=\"apply\"", await (await enterprise.GetAsync("/guide/XK-SCJ-005")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var values = Prefilled(await (await enterprise.GetAsync("/cases/new/XK-SCJ-005")).Content.ReadAsStringAsync());
        Assert.Equal(Applications.EnterpriseUscc, values.GetValueOrDefault("uscc"));
        Assert.NotEqual(Applications.EnterpriseUscc, values.GetValueOrDefault("legalRepId") ?? "");
        Assert.Equal("滨州市黄河餐饮管理有限公司", values.GetValueOrDefault("enterpriseName"));

        // A person's own ID goes into their ID field.
        var personal = Prefilled(await (await citizen.GetAsync("/cases/new/XK-SCJ-004")).Content.ReadAsStringAsync());
        Assert.Equal("371602199003151236", personal.GetValueOrDefault("residentId"));
        Assert.Equal("李明", personal.GetValueOrDefault("applicantName"));
    }
}

public sealed class ApplyFormTestsOnSqlite(SqliteFixture fixture) : ApplyFormTests(fixture), IClassFixture<SqliteFixture>;
