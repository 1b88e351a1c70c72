namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>Life-event themes (主题服务) items are browsed by, in display order.</summary>
public static class LifeEvents
{
    public static readonly IReadOnlyList<string> All = ["开办企业", "开餐馆", "开药店", "开诊所", "工程建设", "交通出行", "就业创业", "社会保障", "婚姻家庭", "户籍身份", "住房", "生态环境", "纳税缴费"];
}
