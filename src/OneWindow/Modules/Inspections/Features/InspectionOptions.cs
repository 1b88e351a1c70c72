using OneWindow.Modules.Inspections.Domain;

namespace OneWindow.Modules.Inspections.Features;

/// <summary>
/// Where each department's officers set out from (the distance a remote inspection saves), keyed by department code or, failing
/// that, region code, as "lat,lng"; and the checklist per item type (keyed by item code or department abbreviation).
/// </summary>
internal sealed class InspectionOptions
{
    public Dictionary<string, string> Offices { get; set; } = new()
    {
        ["371600"] = "37.3835,117.9707", // 滨州市市民服务中心
        ["371602"] = "37.4320,118.0200", // 滨城区政务服务中心
        ["371621"] = "37.4895,117.5100", // 惠民县政务服务中心
    };

    public Dictionary<string, List<string>> Checklists { get; set; } = [];

    /// <summary>The office a department sets out from: its own entry, its region's, or the city's.</summary>
    public GeoPoint OfficeOf(string departmentCode, string regionCode)
    {
        var text = Offices.GetValueOrDefault(departmentCode) ?? Offices.GetValueOrDefault(regionCode) ?? Offices.GetValueOrDefault(regionCode[..Math.Min(4, regionCode.Length)] + "00")
            ?? Offices.Values.First();
        var parts = text.Split(',');
        return new GeoPoint(double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The points an inspection of this item checks: configured for the item or its department, else by the department's line of work.</summary>
    public IReadOnlyList<string> ChecklistFor(string itemCode, string departmentCode)
    {
        var abbr = departmentCode.Split('-').Last();
        return Checklists.GetValueOrDefault(itemCode) ?? Checklists.GetValueOrDefault(abbr) ?? abbr switch
        {
            "SCJ" => ["经营场所与申请材料一致", "功能布局与设施设备符合要求", "卫生与安全条件符合要求", "从业人员健康证明、管理制度在位"],
            "ZJJ" => ["施工现场与规划许可一致", "安全文明施工措施到位", "质量安全责任人员在岗", "消防设施与通道符合要求"],
            "WJW" => ["执业场所面积与布局符合标准", "医疗设备与消毒设施齐全", "医护人员资质与排班在位"],
            "JTJ" => ["车辆与登记信息一致", "停车场地与安全设施符合要求", "从业人员资格在位"],
            "HBJ" => ["污染防治设施与环评一致", "排放口规范化设置", "环境管理台账齐全"],
            _ => ["场所与申请材料一致", "现场条件符合要求", "申请人或代理人在场确认"],
        };
    }
}
