using OneWindow.Platform;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Ratings.Contracts;

/// <summary>
/// A service event another module offers for rating, as Ratings needs it: what people read, whose region and department
/// it was, and its round (an event that may be redone — a 12345 work order reopened after 不满意 — is rated once per round).
/// </summary>
public sealed record RatableSubject(string Id, int Round, string Label, string RegionCode, string DepartmentCode, bool Reopens);

/// <summary>
/// How Ratings learns of subjects it does not know (ADR 0022, decision 6): the module that owns them implements this, so
/// Ratings depends on no such module. Today the 12345 work orders; a rating of 不满意 or worse of a subject that
/// <see cref="RatableSubject.Reopens"/> opens no rectification: its module redoes it on <see cref="RatingGiven"/>.
/// </summary>
public interface IRatableSubjects
{
    /// <summary>The <c>subjectType</c> clients send (<c>workOrder</c>).</summary>
    string SubjectType { get; }

    /// <summary>The subject if the signed-in person (or whoever holds <paramref name="accessCode"/>) may rate it now; a problem saying why not otherwise.</summary>
    Task<Result<RatableSubject>> FindAsync(Guid id, string? accessCode, CancellationToken ct);
}

/// <summary>A rating was given (every level): the subject's module may act on it (重办 on 不满意).</summary>
[EventName("ratings.rating-given")]
public sealed record RatingGiven(Guid RatingId, string SubjectType, string SubjectId, int Round, int Level, string? Comment, string RegionCode) : IIntegrationEvent
{
    /// <summary>Given through a callback (回访): a 不满意 opens a rectification (source 回访), the subject's module does not redo it.</summary>
    public bool ByCallback { get; init; }

    /// <summary>The department rated (the city's 满意率 per department).</summary>
    public string DepartmentCode { get; init; } = "";

    /// <summary>The Beijing date the rating was given.</summary>
    public DateOnly Day { get; init; }
}
