using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Delivery.Domain;

/// <summary>Stored as numbers: new states go at the end.</summary>
internal enum ShipmentStatus
{
    /// <summary>待确认地址: mailed by post, but the clerk gave no address; the postal staff confirm it with the applicant.</summary>
    AddressNeeded,

    /// <summary>待揽收.</summary>
    AwaitingPickup,

    /// <summary>已揽收.</summary>
    PickedUp,

    /// <summary>运输中.</summary>
    InTransit,

    /// <summary>已签收.</summary>
    Delivered,

    /// <summary>退回.</summary>
    Returned,

    /// <summary>遗失: the carrier lost it (no fee is paid for it).</summary>
    Lost,
}

/// <summary>距离档: the fee the government pays per piece depends on how far it goes from the sending hall.</summary>
internal enum DistanceBand
{
    /// <summary>县内.</summary>
    County,

    /// <summary>市内.</summary>
    City,

    /// <summary>市外.</summary>
    Beyond,
}

/// <summary>One scan on the trail: the status it moved to, when, where, by whom.</summary>
internal sealed record ShipmentScan(ShipmentStatus Status, DateTimeOffset At, string Place, string ByName, string? Note);

/// <summary>
/// 政邮商 统一出件 by post: a completed case's result (licence printout, decision) travelling under a waybill from the hall's 政邮商
/// window to the recipient. Its trail moves forward only (待揽收 → 已揽收 → 运输中 → 已签收 / 退回 / 遗失); the fee is the band's,
/// less the quality deduction for a late or lost piece, settled monthly per carrier.
/// </summary>
internal sealed class Shipment : IVersioned
{
    public Guid Id { get; set; }

    public string WaybillNumber { get; set; } = "";

    public string Carrier { get; set; } = "";

    public Guid CaseId { get; set; }

    public string CaseNumber { get; set; } = "";

    public string ItemName { get; set; } = "";

    /// <summary>The sending hall's region (the case's).</summary>
    public string FromRegion { get; set; } = "";

    public string? ApplicantUserId { get; set; }

    public string Recipient { get; set; } = "";

    public string Mobile { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string AddressLine { get; set; } = "";

    public List<string> Items { get; set; } = [];

    public ShipmentStatus Status { get; set; }

    public DistanceBand? Band { get; set; }

    public decimal Fee { get; set; }

    /// <summary>The date by which it should be signed for (working days by band from the day the address is known).</summary>
    public DateOnly? DueOn { get; set; }

    public List<ShipmentScan> Scans { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it reached its end (签收, 退回, 遗失): the month it is settled in.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public Guid SourceMessageId { get; set; }

    public int Version { get; set; }

    public bool Finished => Status is ShipmentStatus.Delivered or ShipmentStatus.Returned or ShipmentStatus.Lost;

    public static string Label(ShipmentStatus s) => s switch
    {
        ShipmentStatus.AddressNeeded => "待确认地址",
        ShipmentStatus.AwaitingPickup => "待揽收",
        ShipmentStatus.PickedUp => "已揽收",
        ShipmentStatus.InTransit => "运输中",
        ShipmentStatus.Delivered => "已签收",
        ShipmentStatus.Returned => "退回",
        _ => "遗失",
    };

    public static string Label(DistanceBand b) => b switch
    {
        DistanceBand.County => "县内",
        DistanceBand.City => "市内",
        _ => "市外",
    };

    /// <summary>The band from the sending hall's county to the recipient's county: the same county, the same city (first four digits), or beyond.</summary>
    public static DistanceBand BandOf(string fromCounty, string toRegion) =>
        fromCounty == toRegion ? DistanceBand.County
        : fromCounty.Length >= 4 && toRegion.Length >= 4 && fromCounty[..4] == toRegion[..4] ? DistanceBand.City
        : DistanceBand.Beyond;

    public void Address(string recipient, string mobile, string region, string line, DistanceBand band, decimal fee, DateOnly due)
    {
        (Recipient, Mobile, RegionCode, AddressLine) = (recipient, mobile, region, line);
        Band = band;
        Fee = fee;
        DueOn = due;
        if (Status == ShipmentStatus.AddressNeeded)
        {
            Status = ShipmentStatus.AwaitingPickup;
        }
    }

    /// <summary>Records a scan: the trail moves forward only, and nothing follows the end.</summary>
    public Result Scan(ShipmentStatus to, DateTimeOffset at, string place, string by, string? note)
    {
        if (Status == ShipmentStatus.AddressNeeded)
        {
            return Error.Conflict("shipment:no-address", "收件地址尚未确认，不能揽收");
        }

        if (Finished)
        {
            return Error.Conflict("shipment:finished", $"邮件已{Label(Status)}，不能再记录");
        }

        var allowed = Status switch
        {
            ShipmentStatus.AwaitingPickup => to == ShipmentStatus.PickedUp,
            ShipmentStatus.PickedUp => to is ShipmentStatus.InTransit or ShipmentStatus.Delivered or ShipmentStatus.Returned or ShipmentStatus.Lost,
            _ => to is ShipmentStatus.InTransit or ShipmentStatus.Delivered or ShipmentStatus.Returned or ShipmentStatus.Lost,
        };
        if (!allowed)
        {
            return Error.Conflict("shipment:bad-step", $"邮件{Label(Status)}，不能记为{Label(to)}（顺序：待揽收 → 已揽收 → 运输中 → 已签收／退回）");
        }

        if (Scans.Count > 0 && at < Scans[^1].At)
        {
            return Error.Field("at", "扫描时间不能早于上一条记录");
        }

        Scans = [.. Scans, new ShipmentScan(to, at, place, by, note)];
        Status = to;
        FinishedAt = Finished ? at : null;
        return Result.Ok();
    }
}
