using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace OneWindow.Modules.Hotline.Features.Open311;

/// <summary>A GeoReport v2 object: its fields in the specification's order (a value is text, a number, a flag, a time, a list or another object).</summary>
internal sealed class GeoObject : List<KeyValuePair<string, object?>>
{
    public GeoObject Add(string name, object? value)
    {
        Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }
}

/// <summary>A list inside a GeoReport document: in XML each item is an element named <see cref="Item"/>.</summary>
internal sealed record GeoList(string Item, IReadOnlyList<object> Items);

/// <summary>
/// The two formats of GeoReport v2, each written by one writer from the same document (ADR 0022, decision 7): JSON as the
/// community schemas have it, XML as the specification's examples. Times carry their offset (+08:00).
/// </summary>
internal static class GeoReportFormat
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Time(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The document as an HTTP answer in <paramref name="format"/> (<c>json</c> or <c>xml</c>); <paramref name="root"/> names the XML root.</summary>
    public static IResult Write(string format, string root, object document, int status = 200)
    {
        if (format == "xml")
        {
            var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), Element(root, document));
            var text = xml.Declaration + "\n" + xml.Root!.ToString(SaveOptions.DisableFormatting);
            return TypedResults.Content(text, "text/xml; charset=utf-8", Encoding.UTF8, status);
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Json(json, document);
        }

        return TypedResults.Content(Encoding.UTF8.GetString(stream.ToArray()), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The specification's error answer: a list of <c>{code, description}</c>.</summary>
    public static IResult Errors(string format, int status, params string[] descriptions) =>
        Write(format, "errors", new GeoList("error", [.. descriptions.Select(d => (object)new GeoObject().Add("code", status).Add("description", d))]), status);

    private static void Json(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: w.WriteNumberValue(d); break;
            case DateTimeOffset t: w.WriteStringValue(Time(t)); break;
            case GeoObject o:
                w.WriteStartObject();
                foreach (var (name, v) in o)
                {
                    w.WritePropertyName(name);
                    Json(w, v);
                }

                w.WriteEndObject();
                break;
            case GeoList l:
                w.WriteStartArray();
                foreach (var item in l.Items)
                {
                    Json(w, item);
                }

                w.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"GeoReport value of type {value.GetType().Name}");
        }
    }

    private static XElement Element(string name, object? value) => value switch
    {
        null => new XElement(name),
        string s => new XElement(name, s),
        bool b => new XElement(name, b ? "true" : "false"),
        int i => new XElement(name, i.ToString(CultureInfo.InvariantCulture)),
        double d => new XElement(name, d.ToString("R", CultureInfo.InvariantCulture)),
        DateTimeOffset t => new XElement(name, Time(t)),
        GeoObject o => new XElement(name, o.Select(f => Element(f.Key, f.Value))),
        GeoList l => new XElement(name, l.Items.Select(item => Element(l.Item, item))),
        _ => throw new InvalidOperationException($"GeoReport value of type {value.GetType().Name}"),
    };
}
