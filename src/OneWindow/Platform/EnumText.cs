using System.Text.Json;

namespace OneWindow.Platform;

/// <summary>
/// An enum value as the API writes it: camelCase (<c>AcceptedWithDeferral</c> → <c>acceptedWithDeferral</c>), the one
/// convention of every JSON answer (ADR 0027). Records that cross a module boundary carry such strings where the enum is
/// the owning module's own; records typed with the enum get the same text from the JSON converter.
/// </summary>
public static class EnumText
{
    public static string InJson(this Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string InJson(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
