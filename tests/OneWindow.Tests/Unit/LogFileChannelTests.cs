using Microsoft.Extensions.Configuration;
using OneWindow.Modules.Notifications.Features;

namespace OneWindow.Tests.Unit;

/// <summary>The default channel keeps its file open between messages; a rotated-away file is reopened.</summary>
public sealed class LogFileChannelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onewindow-sms-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Each_message_is_a_readable_masked_line_and_a_rotated_file_is_started_again()
    {
        var path = Path.Combine(_folder, "logs", "notifications.log");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:LogPath"] = path }).Build();
        using var channel = new LogFileChannel(configuration);

        await channel.SendAsync(new OutgoingMessage("sms", "13805431234", "办件进度", "【一窗通办】第一条", Guid.NewGuid()), CancellationToken.None);
        // Readable while the channel holds it open, each line flushed at once.
        var first = await File.ReadAllLinesAsync(path);
        Assert.Single(first);
        Assert.Contains("138****1234", first[0], StringComparison.Ordinal);
        Assert.Contains("第一条", first[0], StringComparison.Ordinal);
        Assert.DoesNotContain("13805431234", first[0], StringComparison.Ordinal);

        // An operator rotates the log: the next message starts a new file instead of writing into the moved one.
        File.Move(path, path + ".1");
        await channel.SendAsync(new OutgoingMessage("sms", "13805431234", "办件进度", "【一窗通办】第二条", Guid.NewGuid()), CancellationToken.None);
        Assert.Contains("第二条", Assert.Single(await File.ReadAllLinesAsync(path)), StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(path + ".1"));
    }
}
