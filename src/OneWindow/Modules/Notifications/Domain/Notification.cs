namespace OneWindow.Modules.Notifications.Domain;

/// <summary>A message sent to a user: kept so they can read it on the portal, and handed to a channel (SMS, e-mail).</summary>
internal sealed class Notification
{
    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public string UserId { get; set; } = "";

    public string Channel { get; set; } = "";

    /// <summary>The address, masked: the full number goes only to the channel.</summary>
    public string To { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The outbox message that caused it: one notification per event, however often it is delivered.</summary>
    public Guid SourceMessageId { get; set; }
}
