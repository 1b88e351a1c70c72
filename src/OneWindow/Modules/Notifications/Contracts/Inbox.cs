using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Notifications.Contracts;

public sealed record InboxItem(string Title, string Body, DateTimeOffset CreatedAt);

/// <summary>A user's recent messages, for pages of any module.</summary>
public sealed class Inbox(AppDbContext db)
{
    public async Task<IReadOnlyList<InboxItem>> RecentAsync(string userId, int take, CancellationToken ct = default) =>
        await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new InboxItem(n.Title, n.Body, n.CreatedAt)).ToListAsync(ct);
}
