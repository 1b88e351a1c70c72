using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Notifications.Contracts;

public sealed record InboxItem(string Title, string Body, DateTimeOffset CreatedAt);

/// <summary>A user's recent messages, for pages of any module.</summary>
public interface IInbox
{
    Task<IReadOnlyList<InboxItem>> RecentAsync(string userId, int take, CancellationToken ct = default);
}
