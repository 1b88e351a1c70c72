using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record ReasonRequest
{
    public string? Reason { get; init; }
}

/// <summary>不予受理, with the reason the applicant reads.</summary>
internal sealed class Decline() : CaseTransition<ReasonRequest, CaseDeclined>("decline", "不予受理", Roles.IntakeClerk)
{
    public override bool Open(Case c) => c.CanDecline;

    internal override bool MayAct(CaseActions who, Case c) => who.IsClerkOf(c);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, ReasonRequest body, CancellationToken ct) =>
        Task.FromResult(c.Decline(body.Reason));
}
