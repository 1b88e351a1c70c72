using System.Text.Json;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Notifications.Features;

public sealed record OutgoingMessage(string Channel, string To, string Title, string Body, Guid Id);

/// <summary>A way to reach a person (SMS gateway, e-mail). Deployments plug theirs in here.</summary>
public interface INotificationChannel
{
    string Name { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>
/// The default channel: appends what would be sent to a file (JSON lines), so a person can read it.
/// The address is masked there too (rule 10).
/// </summary>
public sealed class LogFileChannel(IConfiguration configuration) : INotificationChannel
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "sms";

    public string PathName => configuration["Notifications:LogPath"] ?? "./data/notifications.log";

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var line = JsonSerializer.Serialize(new { message.Id, message.Channel, to = Mask.Mobile(message.To), message.Title, message.Body }, Json);
        var folder = Path.GetDirectoryName(Path.GetFullPath(PathName));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await Gate.WaitAsync(ct);
        try
        {
            await File.AppendAllTextAsync(PathName, line + Environment.NewLine, ct);
        }
        finally
        {
            Gate.Release();
        }
    }
}
