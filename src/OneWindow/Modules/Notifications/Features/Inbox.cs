using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>The module's side of <see cref="IInbox"/>.</summary>
internal sealed class Inbox(AppDbContext db) : IInbox
{
    public async Task<IReadOnlyList<InboxItem>> RecentAsync(string userId, int take, CancellationToken ct = default) =>
        await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new InboxItem(n.Title, n.Body, n.CreatedAt)).ToListAsync(ct);
}
