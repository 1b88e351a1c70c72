using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>
/// 审管联动 in the inbox: a pushed approval reaches the supervising department's officers, an auto-claim (通报) its head, and a
/// measure or a failed post-check the approving department's approvers and head.
/// </summary>
internal sealed class NotifyOnSupervision(AppDbContext db, TimeProvider clock)
    : IOutboxHandler<SupervisionItemPushed>, IOutboxHandler<SupervisionItemAutoClaimed>, IOutboxHandler<SupervisionFeedbackGiven>
{
    public Task HandleAsync(SupervisionItemPushed e, OutboxDeliveryContext context, CancellationToken ct) =>
        SendAsync(context, e.SupervisingDepartment, [Roles.Inspector], e.RegionCode, "审管联动：新的审批结果待认领",
            $"{e.ItemName}（{e.CaseNumber}，{e.HolderName}）{e.What}，请于 {e.ClaimBy:yyyy-MM-dd} 前认领；逾期将自动认领并通报。", ct);

    public Task HandleAsync(SupervisionItemAutoClaimed e, OutboxDeliveryContext context, CancellationToken ct) =>
        SendAsync(context, e.SupervisingDepartment, [Roles.DepartmentHead, Roles.Inspector], e.RegionCode, "审管联动通报：超时自动认领",
            $"{e.ItemName}（{e.CaseNumber}）超过认领时限未认领，已自动认领并计入本部门通报。", ct);

    public Task HandleAsync(SupervisionFeedbackGiven e, OutboxDeliveryContext context, CancellationToken ct) =>
        SendAsync(context, e.ApprovingDepartment, [Roles.Approver, Roles.DepartmentHead], e.RegionCode, "监管结果反馈：" + e.Measure,
            $"{e.SupervisingDepartmentName}对 {e.ItemName}（{e.CaseNumber}，{e.HolderName}）作出处理：{e.Measure}。理由：{e.Reason}", ct);

    private async Task SendAsync(OutboxDeliveryContext context, string department, string[] roles, string region, string title, string body, CancellationToken ct)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.SourceMessageId == context.MessageId, ct))
        {
            return;
        }

        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var users = await db.Users.Where(u => u.DepartmentCode == department && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => u.Id).ToListAsync(ct);
        foreach (var user in users)
        {
            db.Add(new Notification
            {
                Id = Guid.CreateVersion7(), RegionCode = region, UserId = user, Channel = "inbox", To = "", Title = title, Body = body, CreatedAt = clock.Now(),
                SourceMessageId = context.MessageId,
            });
        }
    }
}
