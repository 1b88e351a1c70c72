using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Platform;

namespace OneWindow.Pages;

public sealed class IndexModel(ICurrentUser user, IInbox inbox, IBusiestItems busiest) : PageModel
{
    public bool IsStaff => user.IsStaff;

    /// <summary>热门事项: the items most applied for in the last 30 days (none shown before there are cases).</summary>
    public IReadOnlyList<ItemCaseCount> Busiest { get; private set; } = [];

    public IReadOnlyList<InboxItem> Inbox { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Busiest = await busiest.TopAsync(8, ct);
        if (user.UserId is { } id)
        {
            Inbox = await inbox.RecentAsync(id, 5, ct);
        }
    }
}
