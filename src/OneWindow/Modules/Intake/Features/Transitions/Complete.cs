using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record CompleteRequest
{
    public Delivery? Delivery { get; init; }
}

/// <summary>办结 and 出件 (统一出件: any clerk of the region hands out the result), at the counter or by post.</summary>
internal sealed class Complete() : CaseTransition<CompleteRequest, CaseCompleted>("complete", "办结", Roles.IntakeClerk)
{
    public override bool Open(Case c) => c.CanComplete;

    internal override bool MayAct(CaseActions who, Case c) => who.IsClerkOf(c);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, CompleteRequest body, CancellationToken ct) =>
        Task.FromResult(c.Complete(body.Delivery ?? Delivery.Counter, a.Today));
}
