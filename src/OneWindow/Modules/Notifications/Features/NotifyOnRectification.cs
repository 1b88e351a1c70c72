using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>A rectification reaches the responsible department's officers in their inbox: when it opens, and at 预警 and 超期.</summary>
[DeliveredInGroups]
internal sealed class NotifyOnRectification(AppDbContext db, TimeProvider clock) : IOutboxHandler<RectificationOpened>, IOutboxHandler<RectificationDeadlineReached>
{
    public Task HandleAsync(RectificationOpened e, OutboxDeliveryContext context, CancellationToken ct) =>
        TellAsync(e.DepartmentCode, e.RegionCode, "整改交办",
            $"{e.Subject}（{e.LevelLabel}）{(e.Comment is null ? "" : "：" + e.Comment)}。请于 {e.DueDate:yyyy-MM-dd} 前完成核实、整改和反馈。", context, ct);

    public Task HandleAsync(RectificationDeadlineReached e, OutboxDeliveryContext context, CancellationToken ct) =>
        TellAsync(e.DepartmentCode, e.RegionCode, e.Overdue ? "整改超期" : "整改预警",
            e.Overdue ? $"{e.Subject} 的整改已超过期限 {e.DueDate:yyyy-MM-dd}，请尽快办结并反馈。" : $"{e.Subject} 的整改将于 {e.DueDate:yyyy-MM-dd} 到期。", context, ct);

    private async Task TellAsync(string department, string region, string title, string body, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.SourceMessageId == context.MessageId, ct))
        {
            return;
        }

        var officers = await db.Users.Where(u => u.DepartmentCode == department).Select(u => u.Id).ToListAsync(ct);
        foreach (var officer in officers)
        {
            db.Add(new Notification
            {
                Id = Guid.CreateVersion7(), RegionCode = region, UserId = officer, Channel = "inbox", To = "", Title = title, Body = body, CreatedAt = clock.Now(),
                SourceMessageId = context.MessageId,
            });
        }
    }
}
