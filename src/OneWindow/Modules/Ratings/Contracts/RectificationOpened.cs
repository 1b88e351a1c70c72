using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Ratings.Contracts;

/// <summary>A bad rating opened a rectification for a department (its officers are told).</summary>
[EventName("ratings.rectification-opened")]
public sealed record RectificationOpened(Guid RectificationId, string DepartmentCode, string Subject, string LevelLabel, string? Comment, DateOnly DueDate, string RegionCode)
    : IIntegrationEvent;
