using System.Globalization;
using System.Text.Json;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Catalog.Domain;

/// <summary>
/// Validates filled-in forms against an item's schema: the same rules for the API, the pages and,
/// later, intake. Values arrive as text (one or more per key); messages are Chinese, per field.
/// </summary>
internal static class FormValidator
{
    public static readonly IReadOnlySet<string> FieldTypes = new HashSet<string>
    {
        "text", "textarea", "number", "date", "select", "multiselect", "residentId", "uscc", "mobile", "address", "file",
    };

    public static Result<IReadOnlyDictionary<string, string[]>> Validate(
        FormSchema schema, IReadOnlyDictionary<string, string[]> values, DivisionRegistry divisions, DateOnly today)
    {
        var errors = new FieldErrors();
        var clean = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var known = schema.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in values.Keys.Where(k => !known.Contains(k)))
        {
            errors.Add(key, "表单中没有这一项");
        }

        foreach (var field in schema.Fields)
        {
            var given = values.TryGetValue(field.Key, out var v) ? v.Select(x => x?.Trim() ?? "").Where(x => x.Length > 0).ToArray() : [];
            if (given.Length == 0)
            {
                if (field.Required)
                {
                    errors.Add(field.Key, $"请填写“{field.Label}”");
                }

                continue;
            }

            if (field.Type != "multiselect" && given.Length > 1)
            {
                errors.Add(field.Key, $"“{field.Label}”只能填一个值");
                continue;
            }

            var value = given[0];
            var message = CheckValue(field, value, given, divisions, today, out var normalized);
            if (message is not null)
            {
                errors.Add(field.Key, message);
            }
            else
            {
                clean[field.Key] = field.Type == "multiselect" ? given : [normalized ?? value];
            }
        }

        return errors.Any ? errors.ToError("form:invalid", "表单填写有误") : clean;
    }

    private static string? CheckValue(FormField field, string value, string[] all, DivisionRegistry divisions, DateOnly today, out string? normalized)
    {
        normalized = null;
        switch (field.Type)
        {
            case "text" or "address" or "textarea":
                var max = field.MaxLength ?? (field.Type == "textarea" ? 2000 : 200);
                return value.Length > max ? $"“{field.Label}”不能超过 {max} 个字" : null;
            case "number":
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return $"“{field.Label}”应为数字";
                }

                if (field.Min is { } min && number < min)
                {
                    return $"“{field.Label}”不能小于 {min}";
                }

                return field.Max is { } top && number > top ? $"“{field.Label}”不能大于 {top}" : null;
            case "date":
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : $"“{field.Label}”应为日期，格式 yyyy-MM-dd";
            case "select":
                return field.Options?.Contains(value) == true ? null : $"“{field.Label}”请从给定选项中选择";
            case "multiselect":
                return all.All(a => field.Options?.Contains(a) == true) ? null : $"“{field.Label}”请从给定选项中选择";
            case "residentId":
                return Code(field, ResidentId.Check(value, divisions, today), out normalized);
            case "uscc":
                return Code(field, Uscc.Check(value, divisions), out normalized);
            case "mobile":
                return Code(field, Mobile.Check(value), out normalized);
            case "file":
                return Guid.TryParse(value, out _) ? null : $"“{field.Label}”请上传文件";
            default:
                return $"“{field.Label}”的类型 {field.Type} 无法识别";
        }
    }

    private static string? Code(FormField field, CodeCheck check, out string? normalized)
    {
        normalized = check.Normalized;
        return check.Valid ? null : $"“{field.Label}”：{check.Errors[0]}";
    }

    /// <summary>JSON form values (API) as text values.</summary>
    public static IReadOnlyDictionary<string, string[]> FromJson(IReadOnlyDictionary<string, JsonElement>? form)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, element) in form ?? new Dictionary<string, JsonElement>())
        {
            result[key] = element.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => [],
                JsonValueKind.String => [element.GetString()!],
                JsonValueKind.Array => [.. element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())],
                _ => [element.GetRawText()],
            };
        }

        return result;
    }
}
