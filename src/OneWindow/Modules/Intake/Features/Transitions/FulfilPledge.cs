using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

/// <summary>补齐容缺材料: the deferred materials arrive; a suspended case resumes.</summary>
internal sealed class FulfilPledge() : CaseTransition<MaterialsRequest, CasePledgeFulfilled>(
    "fulfil-pledge", "补齐容缺材料", Roles.Applicant, Roles.IntakeClerk, Roles.HallGuide)
{
    public override bool Open(Case c) => c.CanFulfilPledge;

    internal override bool MayAct(CaseActions who, Case c) => who.IsApplicantOf(c) || who.IsClerkOf(c) || who.IsHelperOf(c);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, MaterialsRequest body, CancellationToken ct) =>
        a.WithMaterialsAsync(c, body.Materials, given => c.FulfilPledge(a.Today, rules, given), ct);
}
