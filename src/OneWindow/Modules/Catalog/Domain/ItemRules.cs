using System.Text.RegularExpressions;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Platform;

namespace OneWindow.Modules.Catalog.Domain;

/// <summary>What makes an item definition publishable. All problems are reported at once.</summary>
internal static partial class ItemRules
{
    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9\-]{2,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex KeyPattern();

    public static FieldErrors Check(ServiceItem item, string prefix = "")
    {
        var errors = new FieldErrors();
        void Add(string field, string message) => errors.Add(prefix + field, message);

        if (!CodePattern().IsMatch(item.Code))
        {
            Add("code", "事项编码应为 3 到 40 位大写字母、数字或连字符");
        }

        if (item.Name.Trim().Length is < 2 or > 100)
        {
            Add("name", "事项名称为 2 到 100 个字");
        }

        if (item.StatutoryDays is < 0 or > 365)
        {
            Add("statutoryDays", "法定时限应在 0 到 365 个工作日之间");
        }

        if (item.CommittedDays < 0 || (item.StatutoryDays > 0 && item.CommittedDays > item.StatutoryDays))
        {
            Add("committedDays", "承诺时限不能为负数，也不能超过法定时限");
        }

        if (item.CaseType == CaseType.Promised && item.CommittedDays == 0)
        {
            Add("committedDays", "承诺件须有承诺时限（即办件可为 0）");
        }

        if (item.SupplementDays is < 1 or > 60)
        {
            Add("supplementDays", "补正期限应在 1 到 60 个工作日之间");
        }

        if (!Enum.IsDefined(item.PledgeConsequence))
        {
            Add("pledgeConsequence", "逾期未履行容缺承诺的处理应为 terminate（终止）或 suspend（中止）");
        }

        if (item.DutySplit.Length > 2000)
        {
            Add("dutySplit", "审管职责边界不超过 2000 字");
        }

        if (item.OnlineDepth is < 1 or > 4)
        {
            Add("onlineDepth", "网上办理深度应为 1 到 4");
        }

        if (item.VisitsRequired is < 0 or > 5)
        {
            Add("visitsRequired", "到现场次数应为 0 到 5");
        }

        if (item.Materials.Count == 0)
        {
            Add("materials", "至少需要一项申请材料");
        }

        var materialCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Materials.Count; i++)
        {
            var m = item.Materials[i];
            if (!KeyPattern().IsMatch(m.Code) || !materialCodes.Add(m.Code))
            {
                Add($"materials[{i}].code", "材料编码应为字母开头的字母数字，且不能重复");
            }

            if (m.Name.Trim().Length is < 2 or > 100)
            {
                Add($"materials[{i}].name", "材料名称为 2 到 100 个字");
            }

            if (m.Deferrable && !item.AllowsDeferral)
            {
                Add($"materials[{i}].deferrable", "事项未开通容缺受理，材料不能设为可容缺");
            }

            if (m.Deferrable && !m.Required)
            {
                Add($"materials[{i}].deferrable", "只有必需材料才需要设为可容缺");
            }

            if (m.Pledgeable && !item.AllowsPledge)
            {
                Add($"materials[{i}].pledgeable", "事项未开通告知承诺，材料不能设为可承诺免交");
            }

            if (m.Source == MaterialSource.License && string.IsNullOrWhiteSpace(m.SubstitutableBy))
            {
                Add($"materials[{i}].substitutableBy", "来源为证照的材料须写明可替代的证照类型");
            }

            if (m.Copies is < 1 or > 20)
            {
                Add($"materials[{i}].copies", "份数应为 1 到 20");
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Form.Fields.Count; i++)
        {
            var f = item.Form.Fields[i];
            if (!KeyPattern().IsMatch(f.Key) || !keys.Add(f.Key))
            {
                Add($"form.fields[{i}].key", "字段键应为字母开头的字母数字，且不能重复");
            }

            if (string.IsNullOrWhiteSpace(f.Label))
            {
                Add($"form.fields[{i}].label", "字段须有名称");
            }

            if (!FormValidator.FieldTypes.Contains(f.Type))
            {
                Add($"form.fields[{i}].type", $"字段类型应为 {string.Join("、", FormValidator.FieldTypes)} 之一");
            }

            if (f.Type is "select" or "multiselect" && (f.Options is null || f.Options.Count == 0))
            {
                Add($"form.fields[{i}].options", "选择题须给出选项");
            }
        }

        var formKeys = item.Form.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < item.InstantRules.Count; i++)
        {
            foreach (var (field, message) in InstantRules.Problems(item.InstantRules[i], formKeys))
            {
                Add($"instantRules[{i}].{field}", message);
            }
        }

        if (item.InstantRules.Count > 30)
        {
            Add("instantRules", "秒批规则不超过 30 条");
        }

        return errors;
    }
}
