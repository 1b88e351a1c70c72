using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// 秒批 and 告知承诺 at submission (ADR 0024): the item's rules are decided over the facts the platform holds — the form, the
/// applicant's age and kind, the licences they hold, supervision's credit marks and bans, the materials satisfied — and a
/// submission that passes them all is accepted and granted by the system in the same commit. A 告知承诺 application adds the
/// signed letter as a rule of its own. A failing rule leaves the case for a person, the failed rules on it.
/// </summary>
internal sealed class InstantDecisions(ILicenseLibrary licenses, IApplicantStanding standing, WorkingDayCalendar calendar, TimeProvider clock)
{
    public const string RulesActor = Case.RulesActor;

    public const string PledgeActor = Case.PledgeActor;

    /// <summary>Whether the item is decided at submission at all (it has rules, or the application is under a pledge).</summary>
    public static bool Applies(PublishedItem item, Case c) => item.Definition.InstantRules.Count > 0 || c.Pledge is not null;

    /// <summary>Decides the rules and, when all pass and the materials are complete, grants; returns who the system acted as, or null when left to a person.</summary>
    public async Task<string?> DecideAsync(PublishedItem item, Case c, CancellationToken ct)
    {
        var facts = await FactsAsync(c, item.Definition.InstantRules.Select(r => r.Fact).ToHashSet(StringComparer.Ordinal), ct);
        var outcomes = new List<RuleOutcome>();
        if (c.Pledge is { } pledge)
        {
            outcomes.Add(new RuleOutcome("申请人已签署告知承诺书", true, new Dictionary<string, string>
            {
                ["pledge.signed"] = $"{pledge.SignedBy}（{(pledge.How == "counter" ? "窗口当面签署" : "网上确认")}，{pledge.SignedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}）",
                ["pledge.materials"] = pledge.MaterialNames.Count == 0 ? "（无）" : string.Join("、", pledge.MaterialNames),
            }));
        }

        outcomes.AddRange(item.Definition.InstantRules.Select(r => InstantRules.Evaluate(r, facts)));
        var actor = item.Definition.InstantRules.Count > 0 ? RulesActor : PledgeActor;
        var decided = c.DecideByRules(clock.TodayInChina(), await calendar.RulesAsync(ct), item.RequiredMaterials, new CaseDecision(CaseDecision.ByRules, outcomes),
            item.Definition.InstantRules.Count > 0 ? "秒批：申请数据满足全部审批规则，系统自动准予" : "告知承诺：申请人已签署承诺书、其余材料齐全，当场准予；事后由监管部门核查", actor);
        return decided.IsSuccess ? actor : null;
    }

    /// <summary>The facts the rules read, each as a list of values; the licence library and supervision are asked only when a rule needs them.</summary>
    public async Task<Dictionary<string, string[]>> FactsAsync(Case c, IReadOnlySet<string> read, CancellationToken ct)
    {
        var facts = c.Form.ToDictionary(kv => "form." + kv.Key, kv => kv.Value, StringComparer.Ordinal);
        facts["applicant.kind"] = [c.ApplicantKind];
        if (c.ApplicantKind == "person" && ResidentId.AgeOn(c.ApplicantCode, clock.TodayInChina()) is { } age)
        {
            facts["applicant.age"] = [age.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        if (read.Contains("licences.held"))
        {
            var held = await licenses.ValidAsync(c.ApplicantCode, [.. LicenseTypes.All.Select(t => t.Code)], ct);
            facts["licences.held"] = [.. held.Select(h => h.TypeCode).Distinct()];
        }

        if (read.Contains("credit.marks") || read.Contains("bans.active"))
        {
            var record = await standing.RecordAsync(c.ApplicantCode, ct);
            facts["credit.marks"] = [record.CreditMarks.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            facts["bans.active"] = [record.ActiveBans.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        facts["materials.satisfied"] = [.. c.Materials.Select(m => m.MaterialCode).Concat(c.Pledge?.MaterialCodes ?? []).Distinct()];
        return facts;
    }

    /// <summary>承诺书: the letter an applicant signs for a 告知承诺 application, from the item's conditions and the materials it replaces.</summary>
    public static string PledgeLetter(PublishedItem item, string applicantName, string applicantCode)
    {
        var d = item.Definition;
        var pledged = d.Materials.Where(m => m.Pledgeable).Select(m => m.Name).ToList();
        return $"""
            告知承诺书

            申请人：{applicantName}（{Mask.IdentityCode(applicantCode)}）
            申请事项：{d.Name}（{d.Code}）

            行政机关告知：办理本事项须符合以下条件：{d.Conditions}
            设定依据：{d.LegalBasis}
            实行告知承诺制，申请人以书面承诺代替下列材料：{(pledged.Count == 0 ? "（无）" : string.Join("、", pledged))}。

            申请人承诺：
            一、已经知晓行政机关告知的全部内容；
            二、自身已符合行政机关告知的条件和要求，承诺代替的材料真实有效，能够在核查时提供；
            三、愿意接受行政机关的事后核查；承诺不实的，愿意承担撤销许可、记入失信记录、一定期限内不得适用告知承诺等法律责任；
            四、所填写的申请信息和提交的材料真实、准确、完整。
            """;
    }
}
