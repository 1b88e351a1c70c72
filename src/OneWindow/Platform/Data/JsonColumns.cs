using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Platform.Data;

/// <summary>Stores a value as JSON text, the same on SQLite and PostgreSQL, compared by its JSON (so edits inside lists are saved).</summary>
public static class JsonColumns
{
    /// <summary>The platform's JSON for stored values and exchange files: camelCase, enums as camelCase names, nulls left out, Chinese as text.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, JsonSerializerOptions options, Func<T> empty)
        where T : class =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, options),
            v => JsonSerializer.Deserialize<T>(v, options) ?? empty(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options),
                v => JsonSerializer.Serialize(v, options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, options), options)!));

    /// <summary>The same for an optional value: a null is stored as NULL, not as JSON.</summary>
    public static PropertyBuilder<T?> HasNullableJsonConversion<T>(this PropertyBuilder<T?> property, JsonSerializerOptions options)
        where T : class =>
        property.HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, options),
            v => v == null ? null : JsonSerializer.Deserialize<T>(v, options),
            new ValueComparer<T?>(
                (a, b) => JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options),
                v => v == null ? 0 : JsonSerializer.Serialize(v, options).GetHashCode(StringComparison.Ordinal),
                v => v == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, options), options)));
}
