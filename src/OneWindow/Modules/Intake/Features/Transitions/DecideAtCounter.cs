using System.Text.Json.Serialization;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record DecideAtCounterRequest
{
    public string? Opinion { get; init; }

    /// <summary>How the result is handed out: at the counter (default) or by post.</summary>
    public ResultDelivery? Delivery { get; init; }

    /// <summary>The mailing address when by post (else the postal staff confirm it with the applicant).</summary>
    public PostalAddressInput? Address { get; init; }

    /// <summary>Set by the step: whether it also accepted the case (the facts it produces say so).</summary>
    [JsonIgnore]
    internal bool AcceptedHere { get; set; }
}

/// <summary>
/// 即办 (API route <c>decide-at-counter</c>): a clerk of the region holding the 即办 qualification accepts a 即办件 (if not yet
/// accepted), grants it and hands out the result at once — the case never waits in a back-office queue. A clerk without the
/// qualification is refused, naming it.
/// </summary>
internal sealed class DecideAtCounter() : CaseTransition<DecideAtCounterRequest>("decide-at-counter", "即办（当场决定并出件）", Roles.IntakeClerk)
{
    public override bool Open(Case c) => c.Immediate && c.SoleApprover && (c.CanAccept || (c.CanDecide && !c.IsSuspended));

    internal override bool MayAct(CaseActions who, Case c) => who.IsClerkOf(c);

    internal override async Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, DecideAtCounterRequest body, CancellationToken ct)
    {
        if (!a.HoldsImmediate)
        {
            return Error.Forbidden("case:not-qualified", "当场即办须持有“综合受理 + 即办”资格；未持有的请受理后转审批人员决定");
        }

        if (!c.Immediate || !c.SoleApprover)
        {
            return Case.Invalid(c.Status, "当场即办（本事项不是即办件）");
        }

        if (c.CanAccept)
        {
            var accepted = c.Accept(a.Today, rules, await a.RequiredAsync(c, ct));
            if (!accepted.IsSuccess)
            {
                return accepted;
            }

            body.AcceptedHere = true;
            c.AcceptedAtOneWindow = true;
        }

        var address = PostalAddressInput.Check(body.Delivery, body.Address);
        if (!address.IsSuccess)
        {
            return address.Error!;
        }

        var granted = c.Grant(string.IsNullOrWhiteSpace(body.Opinion) ? "即办：材料齐全、符合条件，当场准予" : body.Opinion, a.ActorName);
        return granted.IsSuccess ? c.Complete(body.Delivery ?? ResultDelivery.Counter, a.Today, rules, address.Value) : granted;
    }

    internal override CaseEvent EventOf(Case c) => CaseRecording.Event<CaseCompleted>(c);

    internal override IReadOnlyList<CaseEvent> EventsOf(Case c, object body) =>
    [
        .. ((DecideAtCounterRequest)body).AcceptedHere ? [CaseRecording.Event<CaseAccepted>(c) with { Status = nameof(CaseStatus.Accepted) }] : Array.Empty<CaseEvent>(),
        CaseRecording.Event<CaseGranted>(c) with { Status = nameof(CaseStatus.Approved) },
        CaseRecording.Event<CaseCompleted>(c),
    ];
}
