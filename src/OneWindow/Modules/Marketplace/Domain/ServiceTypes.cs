namespace OneWindow.Modules.Marketplace.Domain;

/// <summary>The intermediary services the 中介超市 lists (code → name) and the qualification each usually needs.</summary>
internal static class ServiceTypes
{
    public static readonly IReadOnlyList<(string Code, string Name, string Qualification)> All =
    [
        ("surveying", "工程测绘", "测绘资质"),
        ("environmentalAssessment", "环境影响评价", "环评信用平台登记"),
        ("drawingsReview", "施工图审查", "施工图审查机构认定"),
        ("safetyAssessment", "安全评价", "安全评价机构资质"),
        ("costConsulting", "工程造价咨询", "造价咨询企业登记"),
        ("landAppraisal", "土地评估", "土地估价机构备案"),
    ];

    public static bool IsKnown(string code) => All.Any(t => t.Code == code);

    public static string NameOf(string code) => All.FirstOrDefault(t => t.Code == code).Name ?? code;

    /// <summary>Qualification levels from the highest: 甲级 satisfies a purchase that asks for 乙级.</summary>
    public static readonly IReadOnlyList<string> Levels = ["甲级", "乙级", "丙级", "不分级"];

    public static bool Satisfies(string held, string? wanted) =>
        wanted is null or "" or "不分级" || (Levels.ToList().IndexOf(held) is var h and >= 0 && h <= Levels.ToList().IndexOf(wanted));
}
