using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>An application's form as people read it elsewhere (a licence's printed fields, a supervision item's key facts).</summary>
public static class FormFacts
{
    /// <summary>The form's values by their labels, identity numbers masked; phones and files left out.</summary>
    public static Dictionary<string, string> Labelled(FormSchema form, IReadOnlyDictionary<string, string[]> values)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in form.Fields)
        {
            if (values.TryGetValue(f.Key, out var v) && v.Length > 0 && v.Any(x => x.Length > 0) && f.Type is not ("mobile" or "file"))
            {
                var text = string.Join("、", v);
                facts[f.Label] = f.Type is "residentId" ? Mask.IdentityCode(text) : text;
            }
        }

        return facts;
    }
}
