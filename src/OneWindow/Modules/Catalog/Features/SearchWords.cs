namespace OneWindow.Modules.Catalog.Features;

/// <summary>
/// The words people use for what the catalogue names otherwise (开饭店 → 小餐饮, 食品经营): when a search contains one of
/// a line's everyday phrases, the catalogue's own terms of that line are searched too, ranked below the words typed.
/// </summary>
internal static class SearchWords
{
    private static readonly (string[] Said, string[] Meant)[] Lines =
    [
        (["开饭店", "开饭馆", "开餐厅", "开餐馆", "开小吃店", "开快餐店", "开奶茶店", "开面馆", "开早餐店", "卖吃的", "开店卖吃", "摆摊卖吃"], ["小餐饮", "食品经营", "开餐馆"]),
        (["开公司", "注册公司", "办公司", "成立公司", "开企业", "办执照", "办营业执照"], ["企业设立", "营业执照", "开办企业"]),
        (["开个体", "开小店", "开网店", "开店"], ["个体工商户", "营业执照"]),
        (["生孩子", "生宝宝", "宝宝上户口", "孩子上户口", "新生儿"], ["出生", "上户口"]),
        (["领证", "结婚"], ["结婚登记"]),
        (["买房", "卖房", "房子过户", "二手房"], ["不动产", "公积金"]),
        (["丢了工作", "失业了", "没工作", "找工作"], ["失业", "就业创业"]),
        (["看病报销", "外地看病", "异地看病"], ["医保", "异地就医"]),
        (["开药店", "卖药"], ["药店", "药品零售"]),
        (["开诊所", "开牙科", "开医院"], ["诊所", "医疗机构"]),
        (["盖房", "建房", "盖房子", "自建房"], ["乡村建设", "施工许可"]),
        (["开出租", "跑出租", "跑网约车", "开网约车"], ["出租汽车", "网约车"]),
        (["刻章", "刻公章"], ["公章"]),
        (["身份证丢了", "补身份证", "换身份证"], ["身份证"]),
        (["报税", "交税", "开发票", "领发票"], ["发票", "纳税"]),
        (["开理发店", "开美容院", "开宾馆", "开旅馆", "开酒店"], ["公共场所卫生许可", "卫生许可证"]),
        (["养老院", "开养老院"], ["养老机构"]),
        (["开工", "开工建设"], ["施工许可"]),
    ];

    /// <summary>The catalogue's terms for the everyday phrases in <paramref name="query"/>, none it already contains.</summary>
    public static IReadOnlyList<string> MeaningsOf(string query) =>
        [.. Lines.Where(l => l.Said.Any(s => query.Contains(s, StringComparison.Ordinal)))
            .SelectMany(l => l.Meant).Where(m => !query.Contains(m, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
}
