using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record ReviewRequest
{
    public string? Opinion { get; init; }

    public Recommendation? Recommendation { get; init; }
}

/// <summary>审查, by a reviewer of the owning department: an opinion and a recommendation (items with a sole approver have no such step).</summary>
internal sealed class Review() : CaseTransition<ReviewRequest, CaseReviewed>("review", "审查", Roles.Reviewer)
{
    public override bool Open(Case c) => c.CanReview && !c.IsSuspended;

    internal override bool MayAct(CaseActions who, Case c) => who.IsOfficerOf(c, Roles.Reviewer);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, ReviewRequest body, CancellationToken ct) =>
        Task.FromResult(body.Recommendation is { } r ? c.Review(body.Opinion, r) : Error.Field("recommendation", "请选择审查建议：approve 或 deny"));
}
