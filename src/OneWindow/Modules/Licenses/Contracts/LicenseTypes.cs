namespace OneWindow.Modules.Licenses.Contracts;

/// <summary>A kind of licence: its code (as items name it), its Chinese name, and how many years it is valid (null: 长期有效).</summary>
public sealed record LicenseType(string Code, string Name, int? ValidYears);

/// <summary>The licence types this platform issues. Items name one of these codes as their result.</summary>
public static class LicenseTypes
{
    public static readonly IReadOnlyList<LicenseType> All =
    [
        new("BusinessLicense", "营业执照", null),
        new("FoodBusinessLicense", "食品经营许可证", 5),
        new("FoodProductionLicense", "食品生产许可证", 5),
        new("DrugRetailLicense", "药品经营许可证", 5),
        new("ConstructionPermit", "建筑工程施工许可证", null),
        new("PresaleLicense", "商品房预售许可证", 2),
        new("ConstructionQualification", "建筑业企业资质证书", 5),
        new("GasBusinessLicense", "燃气经营许可证", 5),
        new("LandUsePlanningPermit", "建设用地规划许可证", null),
        new("ConstructionPlanningPermit", "建设工程规划许可证", null),
        new("RuralPlanningPermit", "乡村建设规划许可证", null),
        new("RealEstateCertificate", "不动产权证书", null),
        new("HRServiceLicense", "人力资源服务许可证", 5),
        new("LaborDispatchLicense", "劳务派遣经营许可证", 5),
        new("SocialOrganizationCertificate", "社会组织登记证书", null),
        new("MedicalInstitutionLicense", "医疗机构执业许可证", 5),
        new("PublicHygieneLicense", "公共场所卫生许可证", 4),
        new("DoctorPracticeCertificate", "医师执业证书", null),
        new("RoadTransportLicense", "道路运输经营许可证", 5),
        new("TaxiBusinessLicense", "出租汽车经营许可证", 5),
        new("RideHailingLicense", "网络预约出租汽车经营许可证", 5),
        new("RideHailingVehicleCertificate", "网络预约出租汽车运输证", 5),
        new("PollutantDischargePermit", "排污许可证", 5),
        new("HazardousWasteLicense", "危险废物经营许可证", 5),
    ];

    private static readonly Dictionary<string, LicenseType> ByCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static LicenseType? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var t) ? t : null;

    /// <summary>The Chinese name of a type (the code itself when unknown).</summary>
    /// <summary>The code of a type from its name (the QR carries the name people read).</summary>
    public static string? CodeOfName(string name) => All.FirstOrDefault(t => t.Name == name)?.Code;

    public static string NameOf(string? code) => code is null ? "" : Find(code)?.Name ?? code;
}
