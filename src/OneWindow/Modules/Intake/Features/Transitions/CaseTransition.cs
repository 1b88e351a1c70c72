using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;

namespace OneWindow.Modules.Intake.Features.Transitions;

/// <summary>
/// One step on a case (受理, 准予许可 …), in the file named after it: who may take it, when the case's state
/// allows it, what it does to the case, and the fact it produces. <see cref="CaseActions"/> loads, checks,
/// applies, records and saves; pages and the API name a step by its type (<see cref="CaseTransitions"/>), so a
/// renamed step is a compile error wherever it is used.
/// </summary>
internal abstract class CaseTransition
{
    private protected CaseTransition(string route, string what, params string[] roles)
    {
        Route = route;
        What = what;
        CallerRoles = roles;
    }

    /// <summary>Its path under <c>/api/v1/cases/{id}/</c> (API.md) and the page form's <c>act</c> value.</summary>
    public string Route { get; }

    /// <summary>Its name for people (您无权{What}该办件).</summary>
    public string What { get; }

    /// <summary>Who may call it at all, checked before the case is read (docs/security/access.md).</summary>
    public IReadOnlyList<string> CallerRoles { get; }

    /// <summary>Whether the case's present state allows it (the domain's rule; the page offers only open steps).</summary>
    public abstract bool Open(Case c);

    /// <summary>Whether it is this person's to take on this case (the region's clerk, the owning department's officer, the applicant …).</summary>
    internal abstract bool MayAct(CaseActions who, Case c);

    internal abstract Type BodyType { get; }

    internal abstract Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, object body, CancellationToken ct);

    /// <summary>The fact the step produces, about the case as it stands after it.</summary>
    internal abstract CaseEvent EventOf(Case c);

    /// <summary>The facts, in order, when one step is several (即办: 受理, 准予, 办结 at the counter); most steps are one.</summary>
    internal virtual IReadOnlyList<CaseEvent> EventsOf(Case c, object body) => [EventOf(c)];
}

/// <summary>A step that takes a request of type <typeparamref name="TBody"/>.</summary>
internal abstract class CaseTransition<TBody> : CaseTransition
    where TBody : class, new()
{
    private protected CaseTransition(string route, string what, params string[] roles)
        : base(route, what, roles)
    {
    }

    internal override Type BodyType => typeof(TBody);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, object body, CancellationToken ct) =>
        ApplyAsync(a, c, rules, (TBody)body, ct);

    internal abstract Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, TBody body, CancellationToken ct);
}

/// <summary>A step that takes <typeparamref name="TBody"/> and produces the fact <typeparamref name="TEvent"/>.</summary>
internal abstract class CaseTransition<TBody, TEvent> : CaseTransition<TBody>
    where TBody : class, new()
    where TEvent : CaseEvent, new()
{
    private protected CaseTransition(string route, string what, params string[] roles)
        : base(route, what, roles)
    {
    }

    internal override CaseEvent EventOf(Case c) => CaseRecording.Event<TEvent>(c);
}

/// <summary>The request of a step that needs none (受理, 撤回).</summary>
internal sealed record NoBody;

/// <summary>Every step on a case, by name. The API maps one route per step; the case page posts a step's <see cref="CaseTransition.Route"/>.</summary>
internal static class CaseTransitions
{
    public static readonly Accept Accept = new();
    public static readonly AcceptWithDeferral AcceptWithDeferral = new();
    public static readonly RequestSupplement RequestSupplement = new();
    public static readonly Supplement Supplement = new();
    public static readonly FulfilPledge FulfilPledge = new();
    public static readonly Decline Decline = new();
    public static readonly Review Review = new();
    public static readonly Grant Grant = new();
    public static readonly Deny Deny = new();
    public static readonly Complete Complete = new();
    public static readonly Withdraw Withdraw = new();
    public static readonly DecideAtCounter DecideAtCounter = new();

    public static readonly IReadOnlyList<CaseTransition> All =
        [Accept, AcceptWithDeferral, RequestSupplement, Supplement, FulfilPledge, Decline, Review, Grant, Deny, Complete, Withdraw, DecideAtCounter];

    /// <summary>The step a posted form names, or null.</summary>
    public static CaseTransition? ByRoute(string? route) => All.FirstOrDefault(t => t.Route == route);
}
