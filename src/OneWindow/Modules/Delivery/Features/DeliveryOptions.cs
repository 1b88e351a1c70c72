using OneWindow.Modules.Delivery.Domain;

namespace OneWindow.Modules.Delivery.Features;

/// <summary>A carrier the government pays for 政邮商 delivery: its waybill prefix and the partner organisation whose staff record its scans.</summary>
internal sealed class CarrierOption
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Two letters of its waybill numbers (UPU S10: EA123456785CN).</summary>
    public string Prefix { get; set; } = "";

    /// <summary>The partner organisation (department code) whose 政邮商 staff record its scans and see its settlement.</summary>
    public string Department { get; set; } = "";
}

/// <summary>政邮商: carriers, the fee per piece by distance band, the quality deduction and the delivery days per band (Delivery section).</summary>
internal sealed class DeliveryOptions
{
    public CarrierOption[] Carriers { get; set; } =
        [new() { Code = "ems", Name = "中国邮政 EMS（政邮商）", Prefix = "EA", Department = "371600-YZ" }];

    /// <summary>
    /// The county a city-level hall sends from (its seat: 滨州市's hall is in 滨城区), for the band; a county's hall sends from its own.
    /// </summary>
    public Dictionary<string, string> HomeCounties { get; set; } = new() { ["371600"] = "371602" };

    public decimal CountyFee { get; set; } = 12m;

    public decimal CityFee { get; set; } = 16m;

    public decimal BeyondFee { get; set; } = 20m;

    /// <summary>The share of the fee withheld for a piece signed for (or returned) after its due date; a lost piece is paid nothing.</summary>
    public decimal LateDeduction { get; set; } = 0.2m;

    public int CountyDays { get; set; } = 1;

    public int CityDays { get; set; } = 2;

    public int BeyondDays { get; set; } = 4;

    public decimal FeeOf(DistanceBand band) => band switch { DistanceBand.County => CountyFee, DistanceBand.City => CityFee, _ => BeyondFee };

    public int DaysOf(DistanceBand band) => band switch { DistanceBand.County => CountyDays, DistanceBand.City => CityDays, _ => BeyondDays };

    public string HomeCounty(string region) => HomeCounties.GetValueOrDefault(region, region);

    public CarrierOption? Carrier(string code) => Carriers.FirstOrDefault(c => c.Code == code);
}
