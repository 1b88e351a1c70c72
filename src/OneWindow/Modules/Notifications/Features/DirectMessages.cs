using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Modules.Notifications.Features;

namespace OneWindow.Modules.Notifications.Features;

/// <summary>The module's side of <see cref="IDirectMessages"/>.</summary>
internal sealed class DirectMessages(INotificationChannel channel) : IDirectMessages
{
    public Task SendAsync(string mobile, string title, string body, CancellationToken ct) =>
        channel.SendAsync(new OutgoingMessage(channel.Name, mobile, title, body, Guid.CreateVersion7()), ct);
}
