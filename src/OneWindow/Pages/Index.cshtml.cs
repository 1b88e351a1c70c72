using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Platform;

namespace OneWindow.Pages;

public sealed class IndexModel(ICurrentUser user, IInbox inbox) : PageModel
{
    public bool IsStaff => user.IsStaff;

    public IReadOnlyList<InboxItem> Inbox { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (user.UserId is { } id)
        {
            Inbox = await inbox.RecentAsync(id, 5, ct);
        }
    }
}
