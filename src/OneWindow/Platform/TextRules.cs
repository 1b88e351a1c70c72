using System.Globalization;

namespace OneWindow.Platform;

/// <summary>
/// What a person may type into a name or a text field. Names (of people, enterprises, projects) take no control
/// characters (CR, LF, NUL…) and no bidirectional or invisible formatting characters (U+202E would show "gpj.exe" as
/// "exe.jpg" on a licence); free text may break lines. Every text has a maximum length, and every string a JSON body
/// carries is capped at <see cref="MaxJsonString"/> before any handler sees it.
/// </summary>
public static class TextRules
{
    public const int MaxName = 100;

    /// <summary>Opinions, reasons, notes, comments.</summary>
    public const int MaxText = 2000;

    /// <summary>The longest string any JSON request body may carry (a form's longest field is far below).</summary>
    public const int MaxJsonString = 10_000;

    /// <summary>Null when the name is acceptable, else why not (in Chinese).</summary>
    public static string? NameProblem(string? name, int max = MaxName) =>
        name is null ? null
        : name.Length > max ? $"不能超过 {max} 个字"
        : name.Any(c => char.IsControl(c) || IsFormatting(c)) ? "不能包含换行、控制字符或不可见的格式字符"
        : null;

    /// <summary>Null when the text is acceptable (line breaks and tabs allowed), else why not.</summary>
    public static string? TextProblem(string? text, int max = MaxText) =>
        text is null ? null
        : text.Length > max ? $"不能超过 {max} 个字"
        : text.Any(c => (char.IsControl(c) && c is not ('\r' or '\n' or '\t')) || IsFormatting(c)) ? "不能包含控制字符或不可见的格式字符"
        : null;

    /// <summary>The text cut to <paramref name="max"/> characters (for a column of that width, where a longer text is not an error).</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>
    /// An enum named in a query or body (<c>workOrder</c>, <c>Reached</c>; any case): a defined name only, never a number
    /// (<c>"3"</c> would parse, and reveal or set a value nobody named).
    /// </summary>
    public static bool TryEnum<T>(string? text, out T value)
        where T : struct, Enum
    {
        var t = text?.Trim();
        value = default;
        return !string.IsNullOrEmpty(t) && !t.All(char.IsAsciiDigit) && !(t[0] == '-' && t[1..].All(char.IsAsciiDigit))
               && Enum.TryParse(t, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>Bidirectional overrides and isolates, zero-width and other invisible format characters (Unicode category Cf).</summary>
    private static bool IsFormatting(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}

/// <summary>Caps every string of a JSON request body (TextRules.MaxJsonString): a 350,000-character opinion is refused, not stored.</summary>
public sealed class BoundedStringConverter : System.Text.Json.Serialization.JsonConverter<string>
{
    public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is { Length: > TextRules.MaxJsonString } ? throw new TextTooLongException() : value;
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

public sealed class TextTooLongException() : System.Text.Json.JsonException($"文本过长：每个字段最多 {TextRules.MaxJsonString} 个字");
