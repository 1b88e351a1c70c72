using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>
/// Tells the applicant what happened to their case: by SMS through the channel, and in the portal
/// inbox when they have an account. Internal steps (审查) are not announced. A sub-case of a 一件事 is
/// announced with its bundle (one message for the bundle, with the combined 一次性告知), not on its own.
/// </summary>
[DeliveredInGroups]
internal sealed class NotifyOnCaseChange(AppDbContext db, INotificationChannel channel, TimeProvider clock) : IOutboxHandler<CaseEvent>, IOutboxHandler<BundleEvent>
{
    // Asked for every message delivered (a redelivery after a crash finds its notification): translated once.
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, CancellationToken, Task<bool>>> Notified =
        new(() => EF.CompileAsyncQuery((AppDbContext c, Guid message, CancellationToken ct) => c.Set<Notification>().Any(n => n.SourceMessageId == message)));

    public static string? BundleTemplate(BundleEvent e) => e switch
    {
        BundleSubmitted => "您的“{0}”申请已提交，申请编号 {1}，所含事项将由各部门并联办理。",
        BundleAccepted => "您的“{0}”申请（{1}）已受理，各部门并联办理，{2}。",
        BundleSupplementRequested => "您的“{0}”申请（{1}）需要补正，一次性告知：{2}。请登录后一次补齐。",
        BundleSupplemented => "您为“{0}”（{1}）补正的材料已收到，各事项继续办理。",
        BundleDecided => "您的“{0}”申请（{1}）各事项均已审批完成（{2}），证照统一发放，可在电子证照夹查看，或到窗口统一领取。",
        BundleStopped => "您的“{0}”申请（{1}）因{2}已终止办理，详情请登录查看。",
        BundleCompleted => "您的“{0}”（{1}）已全部办结。欢迎对本次服务作出评价（好差评）。",
        _ => null,
    };

    /// <summary>What is announced at all (the dispatcher asks before delivering): internal steps are not.</summary>
    public static bool Wants(BundleEvent e) => BundleTemplate(e) is not null;

    /// <summary>A case's own notices (a sub-case's are its bundle's) and the officers' 预警/超期.</summary>
    public static bool Wants(CaseEvent e) =>
        (OfficerTemplate(e) is not null && e.DepartmentCode is not null) || (Template(e) is not null && e.BundleApplicationId is null);

    public async Task HandleAsync(BundleEvent e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (BundleTemplate(e) is not { } template || await Notified.For(db)(db, context.MessageId, ct))
        {
            return;
        }

        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, e.BundleName, e.Number, e.Detail);
        await TellApplicantAsync(text, e.ApplicantMobile, e.ApplicantUserId, e.RegionCode, context.MessageId, ct);
        if (e.HelperUserId is { } helper && e is BundleSupplementRequested or BundleStopped or BundleDecided)
        {
            // 帮办代办: the helper prepares the materials with the applicant, so hears of the same notice.
            db.Add(new Notification
            {
                Id = Guid.CreateVersion7(), RegionCode = e.RegionCode, UserId = helper, Channel = "inbox", To = "",
                Title = "帮办提醒", Body = "【帮办提醒】" + text, CreatedAt = clock.Now(), SourceMessageId = context.MessageId,
            });
        }
    }

    public static string? Template(CaseEvent e) => e switch
    {
        CaseSubmitted => "您的“{0}”申请已提交，办件编号 {1}。",
        CaseAccepted => "您的“{0}”申请（{1}）已受理，可登录查看承诺办结日期和办理进度。",
        CaseAcceptedWithDeferral => "您的“{0}”申请（{1}）已容缺受理，请在承诺日期前补齐所缺材料。",
        CaseSupplementRequested => "您的“{0}”申请（{1}）需要补正材料，请登录查看一次性告知并补齐。",
        CaseSupplemented => "您为“{0}”（{1}）补正的材料已收到，办件继续办理。",
        CaseDeclined => "您的“{0}”申请（{1}）不予受理，理由请登录查看。",
        CaseGranted => "您的“{0}”申请（{1}）已准予许可，可到窗口领取或等待邮寄送达。",
        CaseDenied => "您的“{0}”申请（{1}）不予许可，理由请登录查看。",
        CaseCompleted => "您的“{0}”（{1}）已办结。欢迎对本次服务作出评价（好差评）。",
        CaseWithdrawn => "您的“{0}”申请（{1}）已撤回。",
        CaseTerminated => "您的“{0}”申请（{1}）已终止办理，原因请登录查看。",
        CaseSuspended => "您的“{0}”（{1}）因容缺材料逾期未补齐已中止办理，补齐后恢复。",
        CasePledgeFulfilled => "您为“{0}”（{1}）补齐的容缺材料已收到。",
        _ => null,
    };

    /// <summary>Alerts for the owning department's officers (预警, 超期).</summary>
    public static string? OfficerTemplate(CaseEvent e) => e switch
    {
        CaseDeadlineWarning => "【预警】办件 {1}（{0}）临近承诺办结期限，请抓紧办理。",
        CaseOverdue => "【超期】办件 {1}（{0}）已超过承诺办结期限。",
        _ => null,
    };

    public async Task HandleAsync(CaseEvent e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (!Wants(e) || await Notified.For(db)(db, context.MessageId, ct))
        {
            return;
        }

        if (OfficerTemplate(e) is { } alert && e.DepartmentCode is { } department)
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, alert, e.ItemName, e.Number);
            var officers = await db.Users.Where(u => u.DepartmentCode == department).Select(u => u.Id).ToListAsync(ct);
            foreach (var officer in officers)
            {
                db.Add(new Notification
                {
                    Id = Guid.CreateVersion7(), RegionCode = e.RegionCode, UserId = officer, Channel = "inbox", To = "",
                    Title = "办件时限", Body = text, CreatedAt = clock.Now(), SourceMessageId = context.MessageId,
                });
            }

            return;
        }

        if (Template(e) is not { } template || e.BundleApplicationId is not null)
        {
            return;
        }

        await TellApplicantAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, e.ItemName, e.Number),
            e.ApplicantMobile, e.ApplicantUserId, e.RegionCode, context.MessageId, ct);
    }

    private async Task TellApplicantAsync(string text, string mobile, string? userId, string region, Guid messageId, CancellationToken ct)
    {
        var body = "【一窗通办】" + text;
        await channel.SendAsync(new OutgoingMessage(channel.Name, mobile, "办件进度", body, messageId), ct);
        if (userId is not null)
        {
            db.Add(new Notification
            {
                Id = Guid.CreateVersion7(), RegionCode = region, UserId = userId, Channel = channel.Name,
                To = Mask.Mobile(mobile), Title = "办件进度", Body = body, CreatedAt = clock.Now(), SourceMessageId = messageId,
            });
        }
    }
}
