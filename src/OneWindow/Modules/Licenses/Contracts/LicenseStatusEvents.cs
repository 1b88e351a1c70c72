using System.Text.Json.Serialization;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Licenses.Contracts;

/// <summary>Its issuer changed a licence's standing: one record type per fact (<see cref="LicenseRevoked"/> …).</summary>
public abstract record LicenseStatusEvent : IIntegrationEvent
{
    public Guid LicenseId { get; init; }

    public string LicenseNumber { get; init; } = "";

    /// <summary>The licence's status afterwards, as the API names it (active, suspended, revoked).</summary>
    public string Status { get; init; } = "";

    public string? Reason { get; init; }

    public string? HolderUserId { get; init; }

    public string RegionCode { get; init; } = "";

    /// <summary>Who asked for the change when it was not the issuer at the API: <c>supervision</c> (监管处理, 告知承诺核查不实).</summary>
    public string? Source { get; init; }

    /// <summary>The name the change is kept under in the licence's audit trail (stored data; stays when the type is renamed).</summary>
    [JsonIgnore]
    public abstract string AuditAction { get; }
}

/// <summary>暂扣 (中止): the licence does not verify as valid until reinstated.</summary>
[EventName("licenses.license-suspended")]
public sealed record LicenseSuspended : LicenseStatusEvent { public override string AuditAction => "LicenseSuspended"; }

/// <summary>吊销 (撤销): final.</summary>
[EventName("licenses.license-revoked")]
public sealed record LicenseRevoked : LicenseStatusEvent { public override string AuditAction => "LicenseRevoked"; }

[EventName("licenses.license-reinstated")]
public sealed record LicenseReinstated : LicenseStatusEvent { public override string AuditAction => "LicenseReinstated"; }
