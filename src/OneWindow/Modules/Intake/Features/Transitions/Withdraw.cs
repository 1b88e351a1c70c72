using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

/// <summary>撤回, by the applicant (or a clerk for them) before a decision.</summary>
internal sealed class Withdraw() : CaseTransition<NoBody, CaseWithdrawn>("withdraw", "撤回", Roles.Applicant, Roles.IntakeClerk)
{
    public override bool Open(Case c) => c.CanWithdraw;

    internal override bool MayAct(CaseActions who, Case c) => who.IsApplicantOf(c) || who.IsClerkOf(c);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, NoBody body, CancellationToken ct) =>
        Task.FromResult(c.Withdraw());
}
