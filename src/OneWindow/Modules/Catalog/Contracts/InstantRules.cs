using System.Globalization;

namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>
/// One 秒批 rule (ADR 0024): a fact the platform names, an operator and a value — all-of within an item's rule set. Written
/// by administrators in a form, versioned with the item.
/// </summary>
public sealed record InstantRule
{
    /// <summary>What a person reads (年满 60 周岁, 无失信记录 …).</summary>
    public string Name { get; init; } = "";

    /// <summary><c>form.&lt;key&gt;</c>, <c>applicant.age</c>, <c>applicant.kind</c>, <c>licences.held</c>, <c>credit.marks</c>, <c>bans.active</c>, <c>materials.satisfied</c>.</summary>
    public string Fact { get; init; } = "";

    /// <summary><c>eq, ne, ge, le, in, has, lacks, present</c>.</summary>
    public string Op { get; init; } = "";

    /// <summary>The value compared with (a number for ge/le, a comma list for in; none for present).</summary>
    public string? Value { get; init; }
}

/// <summary>One rule as it was decided: what it read and whether it passed (the explanation the case, the API and the audit show).</summary>
public sealed record RuleOutcome(string Name, bool Passed, IReadOnlyDictionary<string, string> Facts);

/// <summary>The 秒批 rule format: the facts and operators there are, what is wrong with a rule, and how one is decided.</summary>
public static class InstantRules
{
    public static readonly IReadOnlyList<string> PlatformFacts =
        ["applicant.age", "applicant.kind", "licences.held", "credit.marks", "bans.active", "materials.satisfied"];

    public static readonly IReadOnlyList<string> Operators = ["eq", "ne", "ge", "le", "in", "has", "lacks", "present"];

    /// <summary>What a person reads for a fact.</summary>
    public static string Label(string fact) => fact switch
    {
        "applicant.age" => "申请人年龄（由身份证号计算）",
        "applicant.kind" => "申请人类型（person/enterprise）",
        "licences.held" => "持有的有效证照类型",
        "credit.marks" => "失信记录条数",
        "bans.active" => "生效中的行业禁入",
        "materials.satisfied" => "已具备的材料（上传、证照库或以往办件）",
        "pledge.signed" => "告知承诺书",
        "pledge.materials" => "承诺免交的材料",
        _ when fact.StartsWith("form.", StringComparison.Ordinal) => "表单：" + fact[5..],
        _ => fact,
    };

    /// <summary>The problems of one rule against the item's form (field keys), each as a message.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(InstantRule rule, IReadOnlySet<string> formKeys)
    {
        if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Trim().Length > 100)
        {
            yield return ("name", "规则须有名称（不超过 100 字）");
        }

        var fact = rule.Fact?.Trim() ?? "";
        if (!PlatformFacts.Contains(fact) && !(fact.StartsWith("form.", StringComparison.Ordinal) && formKeys.Contains(fact[5..])))
        {
            yield return ("fact", $"数据项应为 {string.Join("、", PlatformFacts)} 或 form.<本事项表单字段>");
        }

        var op = rule.Op?.Trim() ?? "";
        if (!Operators.Contains(op))
        {
            yield return ("op", $"比较方式应为 {string.Join("、", Operators)} 之一");
        }
        else if (op != "present" && string.IsNullOrWhiteSpace(rule.Value))
        {
            yield return ("value", "请填写比较的值");
        }
        else if (op is "ge" or "le" && !decimal.TryParse(rule.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            yield return ("value", "ge、le 的值应为数字");
        }
    }

    /// <summary>Decides one rule over the facts (each fact a list of values: licences held, materials satisfied …).</summary>
    public static RuleOutcome Evaluate(InstantRule rule, IReadOnlyDictionary<string, string[]> facts)
    {
        var values = facts.TryGetValue(rule.Fact, out var v) ? v.Where(x => !string.IsNullOrWhiteSpace(x)).ToArray() : [];
        var first = values.FirstOrDefault();
        var value = rule.Value?.Trim() ?? "";
        var passed = rule.Op switch
        {
            "present" => values.Length > 0,
            "eq" => first is not null && Same(first, value),
            "ne" => first is null || !Same(first, value),
            "ge" => Number(first) is { } n && Number(value) is { } m && n >= m,
            "le" => Number(first) is { } n2 && Number(value) is { } m2 && n2 <= m2,
            "in" => first is not null && value.Split([',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(x => Same(first, x)),
            "has" => values.Any(x => Same(x, value)),
            "lacks" => !values.Any(x => Same(x, value)),
            _ => false,
        };
        return new RuleOutcome(rule.Name, passed, new Dictionary<string, string> { [rule.Fact] = values.Length == 0 ? "（无）" : string.Join("、", values) });
    }

    private static bool Same(string a, string b) =>
        Number(a) is { } x && Number(b) is { } y ? x == y : string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static decimal? Number(string? s) =>
        decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
