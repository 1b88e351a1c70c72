using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Ratings.Contracts;

/// <summary>What opened a rectification (整改): the one loop has five sources.</summary>
public enum RectificationSource
{
    /// <summary>A rating of 不满意 or worse, from any channel but a callback.</summary>
    Rating,

    /// <summary>A callback (回访) with 不满意 or a complaint.</summary>
    Callback,

    /// <summary>A 12345 投诉 about a service.</summary>
    WorkOrder,

    /// <summary>A 办不成事 report.</summary>
    UnresolvedReport,

    /// <summary>A problem found by 反向体验 (staff going through a service as an applicant).</summary>
    ReverseExperience,
}

/// <summary>A rectification another module opens: the source record, who must answer for it, and what is wrong.</summary>
public sealed record RectificationRequest(RectificationSource Source, string SourceId, string RegionCode, string DepartmentCode, string Subject, string Problem);

/// <summary>
/// How other modules open a rectification of the one loop (ADR 0023): it is added to the caller's unit of work (the
/// caller's SaveChanges writes it with its own change), its deadline counted in working days, the department told.
/// </summary>
public interface IRectifications
{
    /// <summary>Adds the rectification (not yet saved) and returns its id and due date.</summary>
    Task<(Guid Id, DateOnly DueDate)> OpenAsync(RectificationRequest request, CancellationToken ct);

    /// <summary>Per source, the rectifications of a region (prefix) opened in the period: still open, of them 预警/超期, closed, and the mean days to close.</summary>
    Task<IReadOnlyList<RectificationStats>> StatsAsync(string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct);
}

public sealed record RectificationStats(RectificationSource Source, string SourceLabel, int Opened, int Open, int Overdue, int Closed, double? MeanDaysToClose);

/// <summary>A rectification reached 预警 (due by the next working day) or 超期: its department is told, the board shows it.</summary>
[EventName("ratings.rectification-deadline")]
public sealed record RectificationDeadlineReached(Guid RectificationId, string DepartmentCode, string Subject, bool Overdue, DateOnly DueDate, string RegionCode)
    : IIntegrationEvent;

/// <summary>
/// A callback agent's record of the citizen's answers (回访), as a rating with channel 回访: subject type as clients name it
/// (<c>ticket</c>, <c>case</c>, <c>bundle</c>, <c>workOrder</c>), the event's round, and the task it came from.
/// </summary>
public sealed record CallbackRating(
    string SubjectType, string SubjectId, int Round, string Label, string RegionCode, string DepartmentCode, string? StaffName, int Level, string? Comment, bool Complaint,
    Guid CallbackId);

/// <summary>How the 回访 centre records its answers as 好差评 (ADR 0023, decision 5), in the caller's unit of work.</summary>
public interface ICallbackRatings
{
    /// <summary>Adds the rating (and, for 不满意 or a complaint, a rectification with source 回访); returns their ids.</summary>
    Task<(Guid RatingId, Guid? RectificationId)> RecordAsync(CallbackRating rating, CancellationToken ct);

    /// <summary>The citizens' own ratings given since <paramref name="since"/>: which event (<see cref="Key"/>), by whom (an account, if any), when.</summary>
    Task<IReadOnlyList<(string Event, string? RatedBy, DateTimeOffset At)>> RatedSinceAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>The key <see cref="RatedSinceAsync"/> speaks of: <c>type:id</c>.</summary>
    static string Key(string subjectType, string subjectId) => subjectType + ":" + subjectId;
}
