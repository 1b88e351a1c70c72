using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Catalog.Features;

internal sealed record ValidateFormRequest(Dictionary<string, JsonElement>? Form);

internal sealed record ValidateFormResponse(bool Valid, IReadOnlyDictionary<string, string[]> Form);

/// <summary>Checks a filled-in form against the item's schema (预检): the same check intake will run on submission.</summary>
internal static class ValidateForm
{
    public static async Task<Result<IReadOnlyDictionary<string, string[]>>> CheckAsync(
        ICatalogQueries catalog, string code, IReadOnlyDictionary<string, string[]> values, DivisionRegistry divisions, TimeProvider clock, CancellationToken ct)
    {
        var item = await catalog.CurrentAsync(code, ct);
        if (item is null)
        {
            return ItemReader.NotFound(code);
        }

        return FormValidator.Validate(item.Definition.Form, values, divisions, clock.TodayInChina());
    }

    public static void Map(RouteGroupBuilder items) =>
        items.MapPost("/{code}/form/validate", async Task<Results<Ok<ValidateFormResponse>, ProblemHttpResult>> (
                string code, ValidateFormRequest request, ICatalogQueries catalog, DivisionRegistry divisions, TimeProvider clock, CancellationToken ct) =>
            {
                var result = await CheckAsync(catalog, code, FormValidator.FromJson(request.Form), divisions, clock, ct);
                return result.IsSuccess ? TypedResults.Ok(new ValidateFormResponse(true, result.Value!)) : result.Error!.ToProblem();
            })
            .WithSummary("按事项表单校验填写内容：逐项中文提示");
}
