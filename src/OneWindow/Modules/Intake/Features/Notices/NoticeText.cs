using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Domain;

namespace OneWindow.Modules.Intake.Features.Notices;

/// <summary>
/// The wording of each notice, with what the law requires it to say: 行政许可法 §32 (受理 or not, and 补正 told all at
/// once), §38 (a refusal gives its reasons and the applicant's right to 行政复议 or 行政诉讼), §40 (a grant is public),
/// and the deadline each step starts.
/// </summary>
internal static class NoticeText
{
    private const string Remedy = "如不服本决定，可以自收到本文书之日起六十日内依法申请行政复议，或者自收到本文书之日起六个月内依法向人民法院提起行政诉讼。";

    private static string Day(DateOnly d) => $"{d:yyyy年M月d日}";

    public static List<string> Body(string kind, Case c, PublishedItem? item, DateOnly issuedOn)
    {
        var applicant = $"{c.ApplicantName}：";
        var submitted = Day(DateOnly.FromDateTime(Platform.Data.Timestamps.InChina(c.SubmittedAt).DateTime));
        var lead = $"你（单位）于{submitted}提出的“{c.ItemName}”申请（办件编号 {c.Number}），";
        string Name(string code) => item?.Definition.Materials.FirstOrDefault(m => m.Code == code)?.Name ?? code;
        var basis = string.IsNullOrWhiteSpace(item?.Definition.LegalBasis) ? null : $"许可依据：{item!.Definition.LegalBasis}";
        List<string> body = kind switch
        {
            NoticeKinds.Acceptance =>
            [
                applicant,
                lead + "申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理。",
                $"受理日期：{(c.AcceptedOn is { } on ? Day(on) : Day(issuedOn))}。本机关将自受理之日起{c.CommittedDays}个工作日内"
                + (c.DueDate is { } due ? $"（{Day(due)}前{(c.DueDateProvisional ? "，暂定：按双休日推算，下一年度节假日安排公布后重新计算" : "")}）" : "") + "作出行政许可决定；依法需要听证、检验、检测、鉴定、专家评审和现场勘验的，所需时间不计算在内。",
                .. c.DeferredMaterials.Count == 0
                    ? Array.Empty<string>()
                    : [$"容缺受理：以下材料准予容后补齐，请于{(c.PledgeDueDate is { } p ? Day(p) : "承诺期限")}前提交：{string.Join("、", c.DeferredMaterials.Select(Name))}。逾期未补齐的，依承诺书约定处理。"],
            ],
            NoticeKinds.NonAcceptance =>
            [
                applicant,
                lead + $"经审查，{c.DeclineReason?.TrimEnd('。') ?? "不符合受理条件"}。根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。",
                Remedy,
            ],
            NoticeKinds.Supplement =>
            [
                applicant,
                lead + "申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容：",
                .. c.Deficiencies.Select((d, i) => $"{i + 1}. {Name(d.MaterialCode)}：{d.Reason}"),
                $"请于{(c.SupplementDueDate is { } s ? Day(s) : "补正期限")}前补正。补正期间不计入办理时限；补正材料齐全、符合法定形式的，本机关予以受理。",
            ],
            NoticeKinds.Grant =>
            [
                applicant,
                lead + "经审查，申请符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。",
                .. string.IsNullOrWhiteSpace(c.DecisionOpinion) ? Array.Empty<string>() : [$"审批意见：{c.DecisionOpinion}"],
                "依照《中华人民共和国行政许可法》第四十条的规定，本决定依法予以公开，公众有权查阅。",
            ],
            NoticeKinds.Denial =>
            [
                applicant,
                lead + "经审查，申请不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。",
                $"理由：{c.DecisionOpinion ?? "见审批意见"}",
                Remedy,
            ],
            _ =>
            [
                applicant,
                lead + $"已于{Day(issuedOn)}办结，办理结果：{(c.Outcome is { } o ? o : "见办件记录")}。",
                c.Delivery == ResultDelivery.Post ? "结果文书和证照将通过邮政寄递送达，请注意查收。" : "请持本人有效身份证件到政务服务中心统一出件窗口领取结果。",
            ],
        };
        if (basis is not null && kind is NoticeKinds.Grant or NoticeKinds.Denial or NoticeKinds.Acceptance)
        {
            body.Add(basis);
        }

        return body;
    }
}
