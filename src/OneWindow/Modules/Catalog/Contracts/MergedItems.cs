using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;

namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>A material of a bundle: one upload serves every item that lists it.</summary>
/// <param name="ForItems">The items that need it.</param>
/// <param name="ProducedBy">The bundle's own item whose licence is this material (营业执照 from 企业设立登记): never asked of the applicant.</param>
public sealed record MergedMaterial(
    string Code, string Name, bool Required, bool Deferrable, string Form, MaterialSource Source, string? SubstitutableBy, string Notes,
    IReadOnlyList<string> ForItems, string? ProducedBy)
{
    /// <summary>The applicant hands it in (or a licence stands in): not shared by the government, not produced inside the bundle.</summary>
    public bool AskedOfApplicant => Source != MaterialSource.Government && ProducedBy is null;
}

/// <summary>A field key the items define differently (type, options or limits): the admin must say whose definition wins.</summary>
public sealed record FieldConflict(string Key, IReadOnlyList<string> Items, string Message);

/// <summary>Several items' forms and materials as one: each field key asked once, each material asked once.</summary>
/// <param name="FieldItems">Field key → the items whose form has it (a sub-case receives only its own item's fields).</param>
public sealed record MergedItems(
    FormSchema Form, IReadOnlyList<MergedMaterial> Materials, IReadOnlyList<FieldConflict> Conflicts, IReadOnlyDictionary<string, IReadOnlyList<string>> FieldItems)
{
    /// <summary>
    /// Merges the items in order. A key defined alike everywhere is asked once (required when any item
    /// requires it; the first item's label). A key defined differently is a conflict unless
    /// <paramref name="resolutions"/> names the item whose definition wins. A material code is asked once
    /// (required when any item requires it, deferrable only when every item that requires it allows
    /// that), and not at all when another item of the set issues the licence that stands for it.
    /// </summary>
    public static MergedItems Of(IReadOnlyList<PublishedItem> items, IReadOnlyDictionary<string, string> resolutions)
    {
        var fields = new List<FormField>();
        var conflicts = new List<FieldConflict>();
        var fieldItems = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in items.SelectMany(i => i.Definition.Form.Fields.Select(f => (Item: i.Definition.Code, Field: f))).GroupBy(x => x.Field.Key))
        {
            var all = group.ToList();
            fieldItems[group.Key] = [.. all.Select(x => x.Item).Distinct()];
            var chosen = all[0].Field;
            if (resolutions.TryGetValue(group.Key, out var winner) && all.FirstOrDefault(x => x.Item == winner) is { Field: not null } resolved)
            {
                chosen = resolved.Field;
            }
            else if (all.Select(x => Shape(x.Field)).Distinct().Count() > 1)
            {
                conflicts.Add(new FieldConflict(group.Key, fieldItems[group.Key],
                    $"字段“{chosen.Label}”（{group.Key}）在 {string.Join("、", all.Select(x => x.Item).Distinct())} 中的定义不同（类型、选项或取值范围），请指定以哪个事项为准"));
            }

            fields.Add(chosen with { Required = all.Any(x => x.Field.Required) });
        }

        var licenceOf = items.Where(i => i.Definition.LicenseType is not null).ToDictionary(i => i.Definition.LicenseType!, i => i.Definition.Code);
        var materials = new List<MergedMaterial>();
        foreach (var group in items.SelectMany(i => i.Definition.Materials.Select(m => (Item: i.Definition.Code, Material: m))).GroupBy(x => x.Material.Code))
        {
            var all = group.ToList();
            var first = all[0].Material;
            var forItems = all.Select(x => x.Item).Distinct().ToList();
            var producedBy = first.SubstitutableBy is { } type && licenceOf.TryGetValue(type, out var producer) && !forItems.Contains(producer) ? producer : null;
            var required = all.Where(x => x.Material.Required).ToList();
            materials.Add(new MergedMaterial(
                group.Key, first.Name, required.Count > 0, required.Count > 0 && required.All(x => x.Material.Deferrable), first.Form,
                all.Any(x => x.Material.Source == MaterialSource.Applicant) ? MaterialSource.Applicant : first.Source,
                first.SubstitutableBy, first.Notes, forItems, producedBy));
        }

        return new MergedItems(new FormSchema { Fields = fields }, materials, conflicts, fieldItems);
    }

    private static string Shape(FormField f) =>
        string.Join("|", f.Type, string.Join(",", f.Options ?? []), f.MaxLength, f.Min, f.Max);
}
