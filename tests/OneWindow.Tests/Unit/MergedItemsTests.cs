using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;

namespace OneWindow.Tests.Unit;

/// <summary>Issue 6: how a bundle's items become one form and one material list.</summary>
public sealed class MergedItemsTests
{
    private static PublishedItem Item(string code, string? licenseType, FormField[] fields, Material[] materials) =>
        new(Guid.NewGuid(), 1, new ItemDocument { Code = code, Name = code, LicenseType = licenseType, Form = new FormSchema { Fields = fields }, Materials = materials });

    private static readonly PublishedItem Registration = Item("REG", "BusinessLicense",
        [new FormField { Key = "name", Label = "名称", Type = "text", Required = true }, new FormField { Key = "size", Label = "规模", Type = "select", Options = ["小", "大"] }],
        [new Material { Code = "application", Name = "登记申请书" }, new Material { Code = "premises", Name = "场所证明", Deferrable = true }]);

    private static readonly PublishedItem Seal = Item("SEAL", null,
        [new FormField { Key = "name", Label = "企业名称", Type = "text", Required = false }, new FormField { Key = "size", Label = "规模", Type = "number" }],
        [new Material { Code = "application", Name = "备案表" }, new Material { Code = "premises", Name = "场所证明", Deferrable = false },
         new Material { Code = "businessLicense", Name = "营业执照", Source = MaterialSource.License, SubstitutableBy = "BusinessLicense" }]);

    [Fact]
    public void A_key_defined_alike_is_asked_once_and_required_when_any_item_requires_it()
    {
        var merged = MergedItems.Of([Registration, Seal], new Dictionary<string, string> { ["size"] = "REG" });
        var name = Assert.Single(merged.Form.Fields, f => f.Key == "name");
        Assert.True(name.Required);
        Assert.Equal("名称", name.Label);
        Assert.Equal(["REG", "SEAL"], merged.FieldItems["name"]);
        Assert.Empty(merged.Conflicts);
    }

    [Fact]
    public void A_key_defined_differently_is_a_conflict_until_the_admin_names_the_winner()
    {
        var conflict = Assert.Single(MergedItems.Of([Registration, Seal], new Dictionary<string, string>()).Conflicts);
        Assert.Equal("size", conflict.Key);
        Assert.Contains("请指定", conflict.Message, StringComparison.Ordinal);

        var resolved = MergedItems.Of([Registration, Seal], new Dictionary<string, string> { ["size"] = "SEAL" });
        Assert.Empty(resolved.Conflicts);
        Assert.Equal("number", resolved.Form.Fields.Single(f => f.Key == "size").Type);
    }

    [Fact]
    public void A_material_is_asked_once_deferrable_only_if_every_item_allows_and_not_at_all_when_the_bundle_produces_it()
    {
        var merged = MergedItems.Of([Registration, Seal], new Dictionary<string, string> { ["size"] = "REG" });
        Assert.Equal(["REG", "SEAL"], merged.Materials.Single(m => m.Code == "application").ForItems);
        Assert.False(merged.Materials.Single(m => m.Code == "premises").Deferrable);
        var licence = merged.Materials.Single(m => m.Code == "businessLicense");
        Assert.Equal("REG", licence.ProducedBy);
        Assert.False(licence.AskedOfApplicant);

        // Without the registration in the set, the licence must come from the applicant (or their licence library).
        Assert.True(MergedItems.Of([Seal], new Dictionary<string, string>()).Materials.Single(m => m.Code == "businessLicense").AskedOfApplicant);
    }
}
