using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

/// <summary>Materials handed in with a supplement or a kept 容缺 pledge.</summary>
internal sealed record MaterialsRequest
{
    public List<MaterialInput?>? Materials { get; init; }
}

/// <summary>补正: the applicant (or the clerk or helper with them) hands in what the notice asked; the clock resumes.</summary>
internal sealed class Supplement() : CaseTransition<MaterialsRequest, CaseSupplemented>(
    "supplement", "补正", Roles.Applicant, Roles.IntakeClerk, Roles.HallGuide)
{
    public override bool Open(Case c) => c.CanSupplement;

    internal override bool MayAct(CaseActions who, Case c) => who.IsApplicantOf(c) || who.IsClerkOf(c) || who.IsHelperOf(c);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, MaterialsRequest body, CancellationToken ct) =>
        a.WithMaterialsAsync(c, body.Materials, given => c.Supplement(a.Today, rules, given), ct);
}
