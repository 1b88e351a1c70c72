using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Catalog.Features;

/// <summary>A made-up application to try 秒批 rules on before publishing: the form and the facts the platform would look up.</summary>
internal sealed record RuleSample
{
    public Dictionary<string, JsonElement>? Form { get; init; }

    public string? ApplicantKind { get; init; }

    /// <summary>A resident ID number: the age is computed from it as at submission.</summary>
    public string? IdNumber { get; init; }

    public List<string>? LicencesHeld { get; init; }

    public List<string>? MaterialsSatisfied { get; init; }

    public int? CreditMarks { get; init; }

    public int? BansActive { get; init; }
}

internal sealed record RuleTrialRequest
{
    /// <summary>The rules to try; the item's latest version's (draft or published) when absent.</summary>
    public List<InstantRule>? Rules { get; init; }

    public RuleSample? Sample { get; init; }
}

internal sealed record RuleTrialResult(bool Passed, IReadOnlyList<RuleOutcome> Rules);

/// <summary>试算: an administrator tries a rule set on a sample application, with the same evaluator the submission uses.</summary>
internal static class InstantRuleTrials
{
    public static readonly RuleSample DefaultSample = new()
    {
        ApplicantKind = "person", IdNumber = "371602199003151236", LicencesHeld = [], MaterialsSatisfied = ["application"], CreditMarks = 0, BansActive = 0,
        Form = [],
    };

    public static Result<RuleTrialResult> Try(IReadOnlyList<InstantRule> rules, IReadOnlySet<string> formKeys, RuleSample sample, DateOnly today)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var (field, message) in InstantRules.Problems(rules[i], formKeys))
            {
                errors.Add($"rules[{i}].{field}", message);
            }
        }

        if (rules.Count == 0)
        {
            errors.Add("rules", "没有可试算的规则");
        }

        if (errors.Any)
        {
            return errors.ToError("catalog:rules-invalid", "秒批规则有误");
        }

        var facts = ICatalogQueries.FormValues(sample.Form).ToDictionary(kv => "form." + kv.Key, kv => kv.Value, StringComparer.Ordinal);
        facts["applicant.kind"] = [sample.ApplicantKind ?? ""];
        if (ResidentId.AgeOn(sample.IdNumber?.Trim().ToUpperInvariant(), today) is { } age)
        {
            facts["applicant.age"] = [age.ToString(CultureInfo.InvariantCulture)];
        }

        facts["licences.held"] = [.. sample.LicencesHeld ?? []];
        facts["materials.satisfied"] = [.. sample.MaterialsSatisfied ?? []];
        facts["credit.marks"] = [(sample.CreditMarks ?? 0).ToString(CultureInfo.InvariantCulture)];
        facts["bans.active"] = [(sample.BansActive ?? 0).ToString(CultureInfo.InvariantCulture)];
        var outcomes = rules.Select(r => InstantRules.Evaluate(r, facts)).ToList();
        return new RuleTrialResult(outcomes.All(o => o.Passed), outcomes);
    }

    public static void Map(RouteGroupBuilder items) =>
        items.MapPost("/{code}/instant-rules/test", async Task<Results<Ok<RuleTrialResult>, ProblemHttpResult>> (
                string code, RuleTrialRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var latest = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.ItemVersion).FirstOrDefaultAsync(ct);
                if (latest is null)
                {
                    return ItemReader.NotFound(code).ToProblem();
                }

                return Try(request.Rules ?? latest.InstantRules, latest.Form.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal), request.Sample ?? DefaultSample,
                    clock.TodayInChina()).ToOkOrProblem();
            })
            .RequireAuthorization(ManageItems.EditorPolicy).WithSummary("秒批规则试算：用样例申请（表单、身份证号、持有证照、已具备材料、失信和禁入）检验规则，发布前使用");
}
