using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record OpinionRequest
{
    public string? Opinion { get; init; }
}

/// <summary>
/// 准予许可 (API route <c>approve</c>), by an approver of the owning department. A 拿地即开工 case is granted only once
/// its applicant holds the land licence it waits for. Licences are issued from the <see cref="CaseGranted"/> it produces.
/// </summary>
internal sealed class Grant() : CaseTransition<OpinionRequest, CaseGranted>("approve", "准予许可", Roles.Approver)
{
    public override bool Open(Case c) => c.CanDecide && !c.IsSuspended;

    internal override bool MayAct(CaseActions who, Case c) => who.IsOfficerOf(c, Roles.Approver);

    internal override async Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, OpinionRequest body, CancellationToken ct) =>
        await a.LandObtainedAsync(c, ct) ? c.Grant(body.Opinion, a.ActorName) : CaseActions.AwaitsLand(c);
}
