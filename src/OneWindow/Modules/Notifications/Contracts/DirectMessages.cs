using OneWindow.Modules.Notifications.Features;

namespace OneWindow.Modules.Notifications.Contracts;

/// <summary>
/// A message sent at once and not kept in the inbox: one-time codes (实名核验), which must not sit in the database
/// or the outbox. Goes through the configured channel (the default one writes what would be sent to its log).
/// </summary>
public interface IDirectMessages
{
    Task SendAsync(string mobile, string title, string body, CancellationToken ct);
}
