namespace OneWindow.Modules.Hotline.Domain;

/// <summary>What people read for the order's enums and timeline steps: one place, for the API, the pages and the exports.</summary>
internal static class WorkOrderLabels
{
    public static string Of(WorkOrderType type) => type switch
    {
        WorkOrderType.Consultation => "咨询",
        WorkOrderType.Help => "求助",
        WorkOrderType.Complaint => "投诉",
        WorkOrderType.Report => "举报",
        WorkOrderType.Suggestion => "建议",
        WorkOrderType.Praise => "表扬",
        _ => type.ToString(),
    };

    public static string Of(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Received => "已受理",
        WorkOrderStatus.Dispatched => "已派单",
        WorkOrderStatus.Signed => "办理中",
        WorkOrderStatus.Replied => "已回复待审核",
        WorkOrderStatus.Closed => "已办结",
        WorkOrderStatus.Answered => "已直接办结",
        WorkOrderStatus.Merged => "已并单",
        _ => status.ToString(),
    };

    public static string Of(WorkOrderChannel channel) => channel switch
    {
        WorkOrderChannel.Phone => "电话",
        WorkOrderChannel.Web => "网站",
        WorkOrderChannel.Mobile => "移动端",
        WorkOrderChannel.Open311 => "Open311",
        WorkOrderChannel.UnresolvedWindow => "办不成事窗口",
        WorkOrderChannel.Rating => "评价转诉求",
        _ => channel.ToString(),
    };

    public static string Of(WorkOrderUrgency urgency) => urgency == WorkOrderUrgency.Urgent ? "紧急" : "一般";

    public static string Of(WorkOrderDeadline state) => state switch
    {
        WorkOrderDeadline.Warning => "预警",
        WorkOrderDeadline.Overdue => "超期",
        _ => "正常",
    };

    /// <summary>A step as the public may read it: what happened, not who or why.</summary>
    public static string PublicStep(string action) => action switch
    {
        "WorkOrderReceived" => "受理",
        "WorkOrderAnswered" => "直接答复办结",
        "WorkOrderDispatched" => "派单",
        "WorkOrderSigned" => "部门签收",
        "WorkOrderReturned" => "退回热线中心重新派单",
        "WorkOrderReplied" => "部门回复",
        "WorkOrderReviewed" => "审核",
        "WorkOrderExtensionRequested" => "部门申请延期",
        "WorkOrderExtended" => "延期",
        "WorkOrderSupervised" => "督办",
        "WorkOrderSupervisionAcknowledged" => "部门签收督办",
        "WorkOrderMerged" => "与相同诉求合并办理",
        "WorkOrderClosed" => "办结",
        "WorkOrderReopened" => "重办",
        "WorkOrderSupplemented" => "来电人补充说明",
        "WorkOrderDeadlineWarning" => "临近办理时限",
        "WorkOrderOverdue" => "超过办理时限",
        _ => action,
    };
}
