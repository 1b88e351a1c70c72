namespace OneWindow.Platform;

/// <summary>
/// A module's demo data. Seeders run in <see cref="Order"/> at start-up unless the platform was
/// started with <c>--no-demo</c>; each must be idempotent (a restart adds nothing twice).
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}

/// <summary>The demo city: 滨州市 (Binzhou, one of the seed cities) with two of its counties.</summary>
public static class DemoCity
{
    public const string City = "371600";
    public const string Bincheng = "371602";
    public const string Huimin = "371621";
    public const string Password = "OneWindow#2026";
    public const string BureauName = "滨州市行政审批服务局";
}

/// <summary>
/// The demo city's 中介超市 intermediaries: twenty enterprises in six service types, each with an enterprise account (agency01 …
/// agency20, the demo password) that signs up, bids and delivers for it. Their USCCs carry valid check characters.
/// </summary>
public static class DemoAgencies
{
    public static readonly IReadOnlyList<(string UserName, string Name, string ServiceType, string Region)> All = Build();

    private static (string, string, string, string)[] Build()
    {
        (string Name, string Type, string Region)[] rows =
        [
            ("滨州市黄河测绘有限公司", "surveying", DemoCity.Bincheng),
            ("山东渤海勘测规划设计有限公司", "surveying", DemoCity.Bincheng),
            ("惠民县鼎信测绘有限公司", "surveying", DemoCity.Huimin),
            ("滨州市正元地理信息有限公司", "surveying", DemoCity.Bincheng),
            ("滨州市经纬空间信息有限公司", "surveying", DemoCity.Bincheng),
            ("滨州市华宇测绘有限公司", "surveying", DemoCity.Bincheng),
            ("惠民县宏图测绘有限公司", "surveying", DemoCity.Huimin),
            ("山东蓝天环境科技有限公司", "environmentalAssessment", DemoCity.Bincheng),
            ("滨州市绿源环评咨询有限公司", "environmentalAssessment", DemoCity.Bincheng),
            ("山东清源环保工程有限公司", "environmentalAssessment", DemoCity.Huimin),
            ("滨州市建设工程施工图审查中心有限公司", "drawingsReview", DemoCity.Bincheng),
            ("山东鲁北施工图审查有限公司", "drawingsReview", DemoCity.Bincheng),
            ("山东正信工程咨询有限公司", "drawingsReview", DemoCity.Huimin),
            ("山东安泰安全评价有限公司", "safetyAssessment", DemoCity.Bincheng),
            ("滨州市信达工程造价咨询有限公司", "costConsulting", DemoCity.Bincheng),
            ("惠民县恒信造价咨询有限公司", "costConsulting", DemoCity.Huimin),
            ("山东同信工程项目管理有限公司", "costConsulting", DemoCity.Bincheng),
            ("山东鲁源土地评估有限公司", "landAppraisal", DemoCity.Bincheng),
            ("滨州市诚信不动产评估有限公司", "landAppraisal", DemoCity.Bincheng),
            ("山东国地房地产土地评估有限公司", "landAppraisal", DemoCity.Huimin),
        ];
        return [.. rows.Select((r, i) => ($"agency{i + 1:D2}", r.Name, r.Type, r.Region))];
    }

    /// <summary>The agency's USCC: 91 (enterprise), its region, an organisation code MA3P + four digits with its check character, and the USCC check.</summary>
    public static string UsccOf(int index, string region)
    {
        var org = $"MA3P{1001 + index:D4}";
        var first17 = "91" + region + org + IdentityCodes.Uscc.OrganisationCheckCharacter(org);
        return first17 + IdentityCodes.Uscc.CheckCharacter(first17);
    }

    public static string MobileOf(int index) => $"1530543{2001 + index:D4}";
}
