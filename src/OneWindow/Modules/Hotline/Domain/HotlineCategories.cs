namespace OneWindow.Modules.Hotline.Domain;

/// <summary>A node of the 诉求分类 tree: orders are filed under a leaf (城乡建设 > 物业管理 > 电梯故障).</summary>
internal sealed record HotlineCategory(string Code, string Name, string? ParentCode);

/// <summary>
/// A question a leaf category asks beyond the content (its form): Open311 publishes it as a service attribute, and the
/// answers are written into the order's content (【楼栋单元】3 号楼 2 单元).
/// </summary>
internal sealed record CategoryField(string Code, string Label, bool Required, IReadOnlyList<(string Key, string Name)>? Choices = null)
{
    public bool IsChoice => Choices is { Count: > 0 };
}

/// <summary>
/// The demo's category tree (slice 1 of ADR 0022 ships it as reference data; admins edit it in a later slice). Codes are
/// two digits per level.
/// </summary>
internal static class HotlineCategories
{
    public static readonly IReadOnlyList<HotlineCategory> All =
    [
        new("01", "城乡建设", null),
        new("0101", "物业管理", "01"), new("010101", "电梯故障", "0101"), new("010102", "物业收费", "0101"), new("010103", "小区环境", "0101"),
        new("0102", "房屋建设", "01"), new("010201", "施工扰民", "0102"), new("010202", "房屋质量", "0102"),
        new("02", "市场监管", null),
        new("0201", "食品安全", "02"), new("020101", "餐饮卫生", "0201"), new("020102", "过期食品", "0201"),
        new("0202", "消费维权", "02"), new("020201", "价格欺诈", "0202"), new("020202", "预付卡退费", "0202"),
        new("03", "政务服务", null),
        new("0301", "办事咨询", "03"), new("030101", "办理流程", "0301"), new("030102", "所需材料", "0301"),
        new("0302", "服务评价", "03"), new("030201", "窗口服务态度", "0302"), new("030202", "办事效率", "0302"),
        new("04", "社会保障", null),
        new("0401", "社保医保", "04"), new("040101", "社保缴费", "0401"), new("040102", "医保报销", "0401"),
        new("05", "交通出行", null),
        new("0501", "出租网约车", "05"), new("050101", "拒载绕路", "0501"), new("050102", "网约车投诉", "0501"),
    ];

    private static readonly (string Key, string Name)[] YesNo = [("yes", "是"), ("no", "否")];

    /// <summary>The category forms: what a leaf asks besides the content.</summary>
    private static readonly Dictionary<string, CategoryField[]> Forms = new(StringComparer.Ordinal)
    {
        ["010101"] = [new("trapped", "是否有人被困", true, YesNo), new("building", "楼栋单元", false)],
        ["010201"] = [new("site", "工地名称或位置", true), new("time", "施工时段", false)],
        ["020101"] = [new("shop", "商户名称", true)],
        ["020102"] = [new("shop", "商户名称", true), new("product", "商品名称", false)],
        ["050101"] = [new("plate", "车牌号", true)],
        ["050102"] = [new("platform", "网约车平台", true), new("plate", "车牌号", false)],
    };

    public static IReadOnlyList<CategoryField> FormOf(string code) => Forms.TryGetValue(code, out var fields) ? fields : [];

    public static IEnumerable<HotlineCategory> Leaves => All.Where(c => IsLeaf(c.Code));

    public static string TopOf(string code) => Find(code.Length >= 2 ? code[..2] : code)?.Name ?? "";

    private static readonly Dictionary<string, HotlineCategory> ByCode = All.ToDictionary(c => c.Code);

    public static HotlineCategory? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var c) ? c : null;

    public static bool IsLeaf(string code) => ByCode.ContainsKey(code) && !All.Any(c => c.ParentCode == code);

    /// <summary>城乡建设 > 物业管理 > 电梯故障.</summary>
    public static string PathOf(string code)
    {
        var names = new List<string>();
        for (var c = Find(code); c is not null; c = Find(c.ParentCode))
        {
            names.Insert(0, c.Name);
        }

        return string.Join(" > ", names);
    }
}
