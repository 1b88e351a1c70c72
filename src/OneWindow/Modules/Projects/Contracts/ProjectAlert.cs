using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Projects.Contracts;

/// <summary>
/// Something the project's steward (项目管家) must know: a deficiency notice in any of its stages, a
/// sub-case's deadline warning, the project's own limit warning or overrun, a joint review scheduled.
/// </summary>
[EventName("projects.alert")]
public sealed record ProjectAlert(Guid ProjectId, string ProjectName, string Kind, string Text, string StewardUserId, string RegionCode) : IIntegrationEvent;
