using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Modules.Projects.Contracts;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>A project's alerts reach its steward (项目管家) in the workbench inbox.</summary>
[DeliveredInGroups]
internal sealed class NotifyOnProjectAlert(AppDbContext db, TimeProvider clock) : IOutboxHandler<ProjectAlert>
{
    public async Task HandleAsync(ProjectAlert e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.SourceMessageId == context.MessageId, ct))
        {
            return;
        }

        db.Add(new Notification
        {
            Id = Guid.CreateVersion7(), RegionCode = e.RegionCode, UserId = e.StewardUserId, Channel = "inbox", To = "",
            Title = "项目管家提醒", Body = $"【{e.ProjectName}】{e.Text}", CreatedAt = clock.Now(), SourceMessageId = context.MessageId,
        });
    }
}
