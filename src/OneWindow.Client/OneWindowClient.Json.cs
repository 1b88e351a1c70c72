using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneWindow.Client;

/// <summary>
/// The one hand-written line of the client: NSwag's System.Text.Json output leaves enums to the serializer's default
/// (numbers), while the API writes every enum as its camelCase name (ADR 0027). The generated client calls this hook.
/// </summary>
public partial class OneWindowClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
}
