using OneWindow.Modules.Catalog.Contracts;

namespace OneWindow.Tests.Unit;

/// <summary>The 秒批 rule format (ADR 0024): each operator decided over the platform's facts, and what is wrong with a rule said by field.</summary>
public sealed class InstantRulesTests
{
    private static readonly Dictionary<string, string[]> Facts = new()
    {
        ["applicant.age"] = ["35"], ["applicant.kind"] = ["person"], ["licences.held"] = ["BusinessLicense", "FoodBusinessLicense"],
        ["credit.marks"] = ["0"], ["form.employmentStatus"] = ["失业"], ["materials.satisfied"] = ["application"],
    };

    private static bool Passes(string fact, string op, string? value = null) =>
        InstantRules.Evaluate(new InstantRule { Name = "r", Fact = fact, Op = op, Value = value }, Facts).Passed;

    [Theory]
    [InlineData("applicant.kind", "eq", "person", true)]
    [InlineData("applicant.kind", "eq", "enterprise", false)]
    [InlineData("applicant.age", "eq", "35.0", true)] // numbers compare as numbers
    [InlineData("applicant.kind", "ne", "enterprise", true)]
    [InlineData("applicant.kind", "ne", "person", false)]
    [InlineData("applicant.age", "ge", "18", true)]
    [InlineData("applicant.age", "ge", "36", false)]
    [InlineData("applicant.age", "le", "35", true)]
    [InlineData("applicant.age", "le", "34", false)]
    [InlineData("form.employmentStatus", "in", "失业,灵活就业，创业", true)]
    [InlineData("form.employmentStatus", "in", "在校生、退休", false)]
    [InlineData("licences.held", "has", "FoodBusinessLicense", true)]
    [InlineData("licences.held", "has", "DrugRetailLicense", false)]
    [InlineData("licences.held", "lacks", "DrugRetailLicense", true)]
    [InlineData("licences.held", "lacks", "BusinessLicense", false)]
    [InlineData("materials.satisfied", "present", null, true)]
    [InlineData("bans.active", "present", null, false)]
    [InlineData("bans.active", "le", "0", false)] // a fact not known never passes a comparison
    public void Each_operator_decides_as_its_name_says(string fact, string op, string? value, bool passes) => Assert.Equal(passes, Passes(fact, op, value));

    [Fact]
    public void The_outcome_names_the_rule_and_the_data_it_read()
    {
        var outcome = InstantRules.Evaluate(new InstantRule { Name = "持有营业执照", Fact = "licences.held", Op = "has", Value = "BusinessLicense" }, Facts);
        Assert.Equal("持有营业执照", outcome.Name);
        Assert.Equal("BusinessLicense、FoodBusinessLicense", outcome.Facts["licences.held"]);
        Assert.Equal("（无）", InstantRules.Evaluate(new InstantRule { Name = "x", Fact = "bans.active", Op = "present" }, Facts).Facts["bans.active"]);
    }

    [Fact]
    public void A_rule_with_an_unknown_fact_operator_or_missing_value_is_refused_by_field()
    {
        var keys = new HashSet<string> { "employmentStatus" };
        Assert.Empty(InstantRules.Problems(new InstantRule { Name = "就业状态", Fact = "form.employmentStatus", Op = "in", Value = "失业" }, keys));
        Assert.Contains(InstantRules.Problems(new InstantRule { Name = "x", Fact = "form.salary", Op = "ge", Value = "1" }, keys), p => p.Field == "fact");
        Assert.Contains(InstantRules.Problems(new InstantRule { Name = "x", Fact = "applicant.age", Op = "between", Value = "1" }, keys), p => p.Field == "op");
        Assert.Contains(InstantRules.Problems(new InstantRule { Name = "x", Fact = "applicant.age", Op = "ge", Value = "十八" }, keys), p => p.Field == "value");
        Assert.Contains(InstantRules.Problems(new InstantRule { Name = "x", Fact = "applicant.kind", Op = "eq" }, keys), p => p.Field == "value");
        Assert.Contains(InstantRules.Problems(new InstantRule { Name = "", Fact = "applicant.kind", Op = "present" }, keys), p => p.Field == "name");
    }
}
