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

    /// <summary>Township regions (乡镇、街道, 9 digits) with a 便民服务中心: 滨城区's 市中街道 and 彭李街道, 惠民县's 孙武街道.</summary>
    public const string Shizhong = "371602001";
    public const string Pengli = "371602002";
    public const string Sunwu = "371621001";

    /// <summary>City items the two counties implement (实施清单: each county's own departments and officers) — 15 each (ADR 0026).</summary>
    public static readonly IReadOnlyList<string> CountyItems =
    [
        "XK-SCJ-001", "XK-SCJ-002", "XK-SCJ-003", "XK-SCJ-004", "XK-SCJ-005", "XK-SCJ-006", "XK-SCJ-007", "XK-SCJ-008",
        "GG-RSJ-001", "GF-RSJ-001", "GG-RSJ-002", "GF-RSJ-002", "XK-ZJJ-006", "XK-ZJJ-007", "XK-ZJJ-008",
    ];

    /// <summary>City items the township centres implement (小事不出村，大事不出镇) — 5 each.</summary>
    public static readonly IReadOnlyList<string> TownshipItems = ["GG-RSJ-001", "GG-RSJ-002", "GF-RSJ-002", "GF-MZJ-001", "GG-XSP-002"];

    /// <summary>跨省通办 with 沧州市 (河北省): five items each side accepts for the other.</summary>
    public static readonly IReadOnlyList<string> CrossProvinceItems = ["XK-SCJ-001", "XK-SCJ-004", "GG-RSJ-001", "GG-RSJ-002", "QR-MZJ-001"];

    /// <summary>City items the counties' halls accept for the city (and the city's hall for the counties' own items).</summary>
    public static readonly IReadOnlyList<string> CityCountyItems =
        [.. CountyItems, "XK-SCJ-009", "XK-SCJ-012", "QR-MZJ-001", "QR-MZJ-002", "GF-MZJ-001", "GG-XSP-001", "GG-XSP-002", "XK-RSJ-001"];

    /// <summary>The demo's township centres: region, township name, county name.</summary>
    public static readonly IReadOnlyList<(string Region, string Township, string County)> Townships =
        [(Shizhong, "市中街道", "滨城区"), (Pengli, "彭李街道", "滨城区"), (Sunwu, "孙武街道", "惠民县")];
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
