using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record WithdrawRequest
{
    /// <summary>Why; required when staff withdraw for the applicant.</summary>
    public string? Reason { get; init; }

    /// <summary>Staff confirm they checked the applicant's request to withdraw.</summary>
    public bool? Confirmed { get; init; }
}

/// <summary>撤回, by the applicant (or a clerk for them) before a decision.</summary>
/// <summary>
/// 撤回: the applicant's own, at any time before a decision; a clerk withdraws for the applicant only with the reason
/// (the applicant's written request, …) and a confirmation that they checked it, both kept on the case and its audit entry.
/// </summary>
internal sealed class Withdraw() : CaseTransition<WithdrawRequest, CaseWithdrawn>("withdraw", "撤回", Roles.Applicant, Roles.IntakeClerk)
{
    public override bool Open(Case c) => c.CanWithdraw;

    internal override bool MayAct(CaseActions who, Case c) => who.IsApplicantOf(c) || who.IsClerkOf(c);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, WithdrawRequest body, CancellationToken ct) =>
        Task.FromResult(c.Withdraw(byApplicant: a.IsApplicantOf(c), body.Reason, body.Confirmed == true));
}
