using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record SupplementRequest
{
    public List<DeficiencyItem>? Items { get; init; }
}

/// <summary>一次性告知: everything missing or wrong, at once; the clock pauses until the applicant answers.</summary>
internal sealed class RequestSupplement() : CaseTransition<SupplementRequest, CaseSupplementRequested>(
    "request-supplement", "要求补正", Roles.IntakeClerk, Roles.Reviewer, Roles.Approver)
{
    public override bool Open(Case c) => c.CanRequestSupplement && !c.IsSuspended;

    internal override bool MayAct(CaseActions who, Case c) =>
        who.IsClerkOf(c) || who.IsOfficerOf(c, Roles.Reviewer) || who.IsOfficerOf(c, Roles.Approver);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, SupplementRequest body, CancellationToken ct) =>
        Task.FromResult(c.RequestSupplement(a.Today, rules, body.Items ?? []));
}
