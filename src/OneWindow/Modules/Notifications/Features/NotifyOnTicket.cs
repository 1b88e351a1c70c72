using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>排队提醒: an SMS to a ticket holder when their turn is near and when they are called (and the inbox, if they took it signed in).</summary>
[DeliveredInGroups]
internal sealed class NotifyOnTicket(AppDbContext db, INotificationChannel channel, TimeProvider clock) : IOutboxHandler<TicketNotice>
{
    public async Task HandleAsync(TicketNotice e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.SourceMessageId == context.MessageId, ct))
        {
            return;
        }

        var body = e.Kind == "Called"
            ? $"【一窗通办】请 {e.Number} 号到{e.HallName} {e.CounterNumber} 号窗口办理。"
            : $"【一窗通办】您在{e.HallName}的 {e.Number} 号前面还有 {e.Ahead} 人，请到大厅等候叫号，过号需重新取号。";
        await channel.SendAsync(new OutgoingMessage(channel.Name, e.Mobile, "排队叫号", body, context.MessageId), ct);
        if (e.UserId is not null)
        {
            db.Add(new Notification
            {
                Id = Guid.CreateVersion7(), RegionCode = e.RegionCode, UserId = e.UserId, Channel = channel.Name, To = Mask.Mobile(e.Mobile), Title = "排队叫号",
                Body = body, CreatedAt = clock.Now(), SourceMessageId = context.MessageId,
            });
        }
    }
}
