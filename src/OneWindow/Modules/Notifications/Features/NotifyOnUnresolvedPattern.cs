using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>An item reported 办不成 several times reaches its department's head (部门负责人) in the inbox.</summary>
internal sealed class NotifyOnUnresolvedPattern(AppDbContext db, TimeProvider clock) : IOutboxHandler<UnresolvedPatternFlagged>
{
    public async Task HandleAsync(UnresolvedPatternFlagged e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.SourceMessageId == context.MessageId, ct))
        {
            return;
        }

        var role = await db.Roles.Where(r => r.Name == Roles.DepartmentHead).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var heads = await db.Users.Where(u => u.DepartmentCode == e.DepartmentCode && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role)).Select(u => u.Id).ToListAsync(ct);
        foreach (var head in heads)
        {
            db.Add(new Notification
            {
                Id = Guid.CreateVersion7(), RegionCode = e.RegionCode, UserId = head, Channel = "inbox", To = "", Title = "办不成事预警",
                Body = $"事项“{e.ItemName}”（{e.ItemCode}）{e.Days} 天内收到 {e.Reports} 件办不成事反映，已生成整改，请部门负责人督促核实和整改。", CreatedAt = clock.Now(),
                SourceMessageId = context.MessageId,
            });
        }
    }
}
