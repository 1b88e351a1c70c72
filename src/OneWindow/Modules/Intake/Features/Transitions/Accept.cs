using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

/// <summary>
/// 受理, by a clerk of the case's region (无差别一窗: any item), or by the item's 独任审批师 (who accepts, reviews and decides):
/// every required material is there; the clock starts.
/// </summary>
internal sealed class Accept() : CaseTransition<NoBody, CaseAccepted>("accept", "受理", Roles.IntakeClerk, Roles.Approver)
{
    public override bool Open(Case c) => c.CanAccept;

    internal override bool MayAct(CaseActions who, Case c) => who.IsClerkOf(c) || who.IsSoleApproverFor(c);

    internal override async Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, NoBody body, CancellationToken ct)
    {
        var accepted = c.Accept(a.Today, rules, await a.RequiredAsync(c, ct));
        c.AcceptedAtOneWindow = accepted.IsSuccess && a.IsClerkOf(c); // 一窗受理, not the item's own approver
        return accepted;
    }
}
