using System.Text.Json;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Notifications.Features;

internal sealed record OutgoingMessage(string Channel, string To, string Title, string Body, Guid Id);

/// <summary>A way to reach a person (SMS gateway, e-mail). Deployments plug theirs in here.</summary>
internal interface INotificationChannel
{
    string Name { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>
/// The default channel: appends what would be sent to a file (JSON lines), so a person can read it.
/// The address is masked there too (rule 10). The file stays open between messages (each line is
/// flushed to the operating system at once); it is opened again when it was moved away (rotated).
/// </summary>
internal sealed class LogFileChannel(IConfiguration configuration) : INotificationChannel, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock _gate = new();
    private StreamWriter? _writer;

    public string Name => "sms";

    public string PathName => configuration["Notifications:LogPath"] ?? "./data/notifications.log";

    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var line = JsonSerializer.Serialize(new { message.Id, message.Channel, to = Mask.Mobile(message.To), message.Title, message.Body }, Json);
        lock (_gate)
        {
            if (_writer is null || !File.Exists(PathName))
            {
                _writer?.Dispose();
                var folder = Path.GetDirectoryName(Path.GetFullPath(PathName));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                _writer = new StreamWriter(new FileStream(PathName, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete));
            }

            _writer.WriteLine(line);
            _writer.Flush();
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
