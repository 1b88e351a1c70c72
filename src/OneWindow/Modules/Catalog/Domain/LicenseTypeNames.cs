namespace OneWindow.Modules.Catalog.Domain;

/// <summary>Chinese names of the licence types items issue (the Licences module will own the types themselves).</summary>
public static class LicenseTypeNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["BusinessLicense"] = "营业执照",
        ["FoodBusinessLicense"] = "食品经营许可证",
        ["FoodProductionLicense"] = "食品生产许可证",
        ["DrugRetailLicense"] = "药品经营许可证",
        ["ConstructionPermit"] = "建筑工程施工许可证",
        ["PresaleLicense"] = "商品房预售许可证",
        ["ConstructionQualification"] = "建筑业企业资质证书",
        ["GasBusinessLicense"] = "燃气经营许可证",
        ["LandUsePlanningPermit"] = "建设用地规划许可证",
        ["ConstructionPlanningPermit"] = "建设工程规划许可证",
        ["RuralPlanningPermit"] = "乡村建设规划许可证",
        ["RealEstateCertificate"] = "不动产权证书",
        ["HRServiceLicense"] = "人力资源服务许可证",
        ["LaborDispatchLicense"] = "劳务派遣经营许可证",
        ["SocialOrganizationCertificate"] = "社会组织登记证书",
        ["MedicalInstitutionLicense"] = "医疗机构执业许可证",
        ["PublicHygieneLicense"] = "公共场所卫生许可证",
        ["DoctorPracticeCertificate"] = "医师执业证书",
        ["RoadTransportLicense"] = "道路运输经营许可证",
        ["TaxiBusinessLicense"] = "出租汽车经营许可证",
        ["RideHailingLicense"] = "网络预约出租汽车经营许可证",
        ["RideHailingVehicleCertificate"] = "网络预约出租汽车运输证",
        ["PollutantDischargePermit"] = "排污许可证",
        ["HazardousWasteLicense"] = "危险废物经营许可证",
    };

    public static string Of(string? code) => code is null ? "" : Names.GetValueOrDefault(code, code);
}
