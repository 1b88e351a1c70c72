namespace OneWindow.Modules.Callbacks.Contracts;

/// <summary>
/// One service event that closed on a day, as the 回访 centre needs it (ADR 0023, decision 2): what to say it was, whose it
/// was, whom to call, and the facts the sampler and the console use. The subject type is the one ratings use
/// (<c>case</c>, <c>bundle</c>, <c>ticket</c>, <c>workOrder</c>).
/// </summary>
public sealed record ClosedService(
    string SubjectType, Guid SubjectId, int Round, string Number, string Label, string? ItemName, string RegionCode, string DepartmentCode, string? CitizenName,
    string? Phone, string? CitizenUserId, DateTimeOffset? StartedAt, DateOnly ClosedOn, bool OnTime, bool HadCorrection, bool Deferral, string? ServedBy);

/// <summary>
/// How the 回访 centre learns what closed on a day: each module that owns service events implements this (Intake: cases
/// and 一件事; Queue: hall tickets; Hotline: 12345 orders), so Callbacks depends on no module's internals.
/// </summary>
public interface ICallbackSources
{
    /// <summary>The services that closed on <paramref name="day"/> (China time), of every region.</summary>
    Task<IReadOnlyList<ClosedService>> ClosedOnAsync(DateOnly day, CancellationToken ct);
}

/// <summary>
/// Several 办不成事 reports on one item within the window (<c>Callbacks:PatternReports</c> in <c>PatternDays</c>): the item's
/// department head is told, and a rectification (source 办不成事) is opened for the department.
/// </summary>
[OneWindow.Platform.Outbox.EventName("callbacks.unresolved-pattern")]
public sealed record UnresolvedPatternFlagged(string ItemCode, string ItemName, string DepartmentCode, int Reports, int Days, string RegionCode)
    : OneWindow.Platform.Outbox.IIntegrationEvent;

/// <summary>
/// A callback task closed: <c>Reached</c> (已回访, its answers recorded as a rating), <c>Unreachable</c>, <c>Refused</c> or
/// <c>WrongNumber</c>, on a Beijing date — the city's figures count the 回访 made.
/// </summary>
[OneWindow.Platform.Outbox.EventName("callbacks.task-closed")]
public sealed record CallbackClosed(Guid TaskId, string Outcome, string DepartmentCode, DateOnly Day, string RegionCode)
    : OneWindow.Platform.Outbox.IIntegrationEvent;
