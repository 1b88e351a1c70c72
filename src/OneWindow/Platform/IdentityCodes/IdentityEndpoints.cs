using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;

namespace OneWindow.Platform.IdentityCodes;

public sealed record ValidateCodeRequest(string? Kind, string? Value);

public sealed record ValidateCodeResponse(bool Valid, string Normalized, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string> Details);

public static class IdentityEndpoints
{
    public static CodeCheck? Check(string? kind, string? value, DivisionRegistry divisions, TimeProvider clock) => kind switch
    {
        "residentId" => ResidentId.Check(value, divisions, clock.TodayInChina()),
        "uscc" => Uscc.Check(value, divisions),
        "mobile" => Mobile.Check(value),
        _ => null,
    };

    public static void MapIdentityCodes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/identity/validate", Results<Ok<ValidateCodeResponse>, ProblemHttpResult> (
            ValidateCodeRequest request, DivisionRegistry divisions, TimeProvider clock) =>
        {
            var check = Check(request.Kind, request.Value, divisions, clock);
            if (check is null)
            {
                return Error.Field("kind", "kind 应为 residentId（身份证号）、uscc（统一社会信用代码）或 mobile（手机号）之一").ToProblem();
            }

            return TypedResults.Ok(new ValidateCodeResponse(check.Valid, check.Normalized, check.Errors, check.Warnings, check.Details));
        }).WithTags("身份核验").WithSummary("校验身份证号、统一社会信用代码或手机号");

        app.MapGet("/api/v1/regions/{code}", Results<Ok<RegionResponse>, ProblemHttpResult> (string code, DivisionRegistry divisions) =>
        {
            var d = divisions.Find(code);
            return d is null
                ? Error.NotFound("region:not-found", $"行政区划代码 {code} 不存在").ToProblem()
                : TypedResults.Ok(new RegionResponse(d.Code, d.Name, divisions.FullName(d.Code)!, d.ParentCode, d.Level,
                    [.. divisions.Children(d.Code).Select(c => new RegionChild(c.Code, c.Name))]));
        }).WithTags("身份核验").WithSummary("行政区划（GB/T 2260）");
    }
}

public sealed record RegionChild(string Code, string Name);

public sealed record RegionResponse(string Code, string Name, string FullName, string? ParentCode, int Level, IReadOnlyList<RegionChild> Children);
