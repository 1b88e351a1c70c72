namespace OneWindow.Modules.Delivery.Contracts;

/// <summary>A shipment as handed to a courier: its waybill, the recipient and what is in it.</summary>
public sealed record CourierBooking(string WaybillNumber, string Recipient, string Mobile, string RegionCode, string AddressLine, IReadOnlyList<string> Items);

/// <summary>A scan reported by a courier's system: 已揽收, 运输中, 已签收, 退回 (<c>pickedUp</c>, <c>inTransit</c>, <c>delivered</c>, <c>returned</c>, <c>lost</c>).</summary>
public sealed record CourierScan(string Status, DateTimeOffset At, string Place, string? Note);

/// <summary>
/// A courier company's web API (运单下单, 轨迹查询). The platform ships one implementation, the postal staff's own pages
/// (<c>PostalStaffCourier</c>): waybill numbers are allocated here and the scans are recorded by the carrier's staff on
/// /postal and through <c>POST /api/v1/shipments/{id}/scan</c>. A courier with an API registers another implementation
/// for its carrier code; its scans are then pulled into the same trail.
/// </summary>
public interface ICourierAdapter
{
    /// <summary>The carrier code it serves (Delivery:Carriers).</summary>
    string Carrier { get; }

    /// <summary>Whether its staff record the scans on the platform's pages (else they come from <see cref="ScansSinceAsync"/>).</summary>
    bool StaffRecordScans { get; }

    /// <summary>Books the shipment with the courier; the waybill number it will travel under.</summary>
    Task<string> BookAsync(CourierBooking booking, string suggestedWaybill, CancellationToken ct);

    /// <summary>Scans the courier reports for a waybill since the last one known.</summary>
    Task<IReadOnlyList<CourierScan>> ScansSinceAsync(string waybillNumber, DateTimeOffset? since, CancellationToken ct);
}
