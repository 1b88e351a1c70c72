using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>A bad rating's rectification reaches the rated department's officers in their inbox.</summary>
[DeliveredInGroups]
internal sealed class NotifyOnRectification(AppDbContext db, TimeProvider clock) : IOutboxHandler<RectificationOpened>
{
    public async Task HandleAsync(RectificationOpened e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.SourceMessageId == context.MessageId, ct))
        {
            return;
        }

        var officers = await db.Users.Where(u => u.DepartmentCode == e.DepartmentCode).Select(u => u.Id).ToListAsync(ct);
        foreach (var officer in officers)
        {
            db.Add(new Notification
            {
                Id = Guid.CreateVersion7(), RegionCode = e.RegionCode, UserId = officer, Channel = "inbox", To = "", Title = "差评整改",
                Body = $"{e.Subject} 收到“{e.LevelLabel}”评价{(e.Comment is null ? "" : "：" + e.Comment)}。请于 {e.DueDate:yyyy-MM-dd} 前完成核实、整改和反馈。",
                CreatedAt = clock.Now(), SourceMessageId = context.MessageId,
            });
        }
    }
}
