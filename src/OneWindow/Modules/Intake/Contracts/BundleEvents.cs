using System.Text.Json.Serialization;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>
/// A fact about a 一件事 application as a whole: the applicant is told once for the bundle, not once per
/// sub-case. One record type per fact, like <see cref="CaseEvent"/>.
/// </summary>
public abstract record BundleEvent : IIntegrationEvent
{
    public Guid BundleApplicationId { get; init; }

    public string Number { get; init; } = "";

    public string BundleName { get; init; } = "";

    public string? ApplicantUserId { get; init; }

    public string ApplicantMobile { get; init; } = "";

    public string RegionCode { get; init; } = "";

    /// <summary>Extra words for the message: the combined deficiency list, the reason a bundle stopped, the committed date.</summary>
    public string? Detail { get; init; }

    /// <summary>The helper (帮办代办) following the application: told of deficiencies and outcomes too.</summary>
    public string? HelperUserId { get; init; }

    /// <summary>The name the step is kept under in the application's audit trail: stored data, it stays when the type is renamed.</summary>
    [JsonIgnore]
    public abstract string AuditAction { get; }
}

[EventName("intake.bundle-submitted")]
public sealed record BundleSubmitted : BundleEvent { public override string AuditAction => "BundleSubmitted"; }

[EventName("intake.bundle-accepted")]
public sealed record BundleAccepted : BundleEvent { public override string AuditAction => "BundleAccepted"; }

/// <summary>The combined 一次性告知 of every sub-case's deficiencies (<see cref="BundleEvent.Detail"/>).</summary>
[EventName("intake.bundle-supplement-requested")]
public sealed record BundleSupplementRequested : BundleEvent { public override string AuditAction => "BundleSupplementRequested"; }

[EventName("intake.bundle-supplemented")]
public sealed record BundleSupplemented : BundleEvent { public override string AuditAction => "BundleSupplemented"; }

/// <summary>Every sub-case is decided: the bundle's licences are released together (十证联发).</summary>
[EventName("intake.bundle-decided")]
public sealed record BundleDecided : BundleEvent
{
    public override string AuditAction => "BundleDecided";

    /// <summary>The sub-cases granted (their licences are released now when the bundle issues jointly).</summary>
    public IReadOnlyList<Guid> GrantedCases { get; init; } = [];
}

/// <summary>A denial stopped the bundle (its other sub-cases end with it); the reason is in <see cref="BundleEvent.Detail"/>.</summary>
[EventName("intake.bundle-stopped")]
public sealed record BundleStopped : BundleEvent { public override string AuditAction => "BundleStopped"; }

[EventName("intake.bundle-completed")]
public sealed record BundleCompleted : BundleEvent { public override string AuditAction => "BundleCompleted"; }
