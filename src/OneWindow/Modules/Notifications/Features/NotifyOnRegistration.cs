using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>Welcomes a newly registered applicant by SMS and in their portal inbox.</summary>
[DeliveredInGroups]
internal sealed class NotifyOnRegistration(AppDbContext db, INotificationChannel channel, TimeProvider clock) : IOutboxHandler<AccountRegistered>
{
    public async Task HandleAsync(AccountRegistered e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.SourceMessageId == context.MessageId && n.UserId == e.UserId, ct))
        {
            return;
        }

        var body = $"【一窗通办】{e.DisplayName}，您的账户已注册成功。可在网上办事大厅申请事项、查看办件进度。";
        await channel.SendAsync(new OutgoingMessage(channel.Name, e.Mobile, "注册成功", body, context.MessageId), ct);
        db.Add(new Notification
        {
            Id = Guid.CreateVersion7(), RegionCode = e.RegionCode, UserId = e.UserId, Channel = channel.Name,
            To = Mask.Mobile(e.Mobile), Title = "注册成功", Body = body, CreatedAt = clock.Now(), SourceMessageId = context.MessageId,
        });
    }
}
