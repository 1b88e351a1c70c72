namespace OneWindow.Modules.Intake.Features;

/// <summary>The Chinese names of a case's audit actions, for timelines.</summary>
internal static class CaseActionNames
{
    public static string Of(string action) => action switch
    {
        "CaseSubmitted" => "提交申请",
        "CaseAccepted" => "受理",
        "CaseAcceptedWithDeferral" => "容缺受理",
        "SupplementRequested" => "一次性告知补正",
        "Supplemented" => "补正材料",
        "PledgeFulfilled" => "补齐容缺材料",
        "CaseDeclined" => "不予受理",
        "CaseReviewed" => "审查",
        "CaseApproved" => "准予许可",
        "CaseDenied" => "不予许可",
        "CaseCompleted" => "办结出件",
        "CaseWithdrawn" => "撤回",
        "CaseTerminated" => "终止办理",
        "CaseSuspended" => "中止办理",
        "CaseDeadlineWarning" => "时限预警",
        "CaseOverdue" => "超期",
        "DueDateRecomputed" => "按新年度日历重算办结期限",
        _ => action,
    };
}
