using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;

namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>
/// An item's form for a page: the schema's fields, the values typed so far and the errors per field key.
/// Rendered by the catalogue's one partial, <see cref="Partial"/>, wherever a form is filled in (the
/// guide's check page, online application, counter intake).
/// </summary>
public sealed record FormFieldsView(FormSchema Schema, IReadOnlyDictionary<string, string[]> Values, IReadOnlyDictionary<string, string[]> Errors)
{
    public const string Partial = "/Modules/Catalog/Pages/Shared/_FormFields.cshtml";

    /// <summary>Fields another part of the page already asks (the applicant block at the counter): shown as answered there, not asked twice.</summary>
    public IReadOnlySet<string> AnsweredElsewhere { get; init; } = new HashSet<string>();

    /// <summary>The posted values of the schema's fields, from a page's form collection.</summary>
    public static Dictionary<string, string[]> Posted(FormSchema schema, IFormCollection form)
    {
        var keys = schema.Fields.Select(f => f.Key).ToHashSet();
        return form.Where(kv => keys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value.Select(v => v ?? "").ToArray());
    }
}
