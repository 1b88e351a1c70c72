using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

/// <summary>不予许可, by an approver of the owning department, with the reason the applicant reads.</summary>
internal sealed class Deny() : CaseTransition<ReasonRequest, CaseDenied>("deny", "不予许可", Roles.Approver)
{
    public override bool Open(Case c) => c.CanDecide && !c.IsSuspended;

    internal override bool MayAct(CaseActions who, Case c) => who.IsOfficerOf(c, Roles.Approver);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, ReasonRequest body, CancellationToken ct) =>
        Task.FromResult(c.Deny(body.Reason, a.ActorName));
}
