using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;

namespace OneWindow.Modules.Catalog.Contracts;

/// <summary>
/// The full definition of an item, as it is exported, imported and created through the API.
/// Two equal definitions serialise to the same JSON (this is what "round-trips exactly" means).
/// </summary>
public sealed record ItemDocument
{
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public ServiceItemKind Kind { get; init; }

    public string Department { get; init; } = "";

    public string Region { get; init; } = "";

    public ApplicantType ApplicantType { get; init; }

    public CaseType CaseType { get; init; }

    public int StatutoryDays { get; init; }

    public int CommittedDays { get; init; }

    public string Fee { get; init; } = "不收费";

    public string LegalBasis { get; init; } = "";

    public string Conditions { get; init; } = "";

    public int VisitsRequired { get; init; }

    public int OnlineDepth { get; init; } = 3;

    public string? LicenseType { get; init; }

    public ApprovalFlow Flow { get; init; }

    public bool AllowsDeferral { get; init; }

    public bool AllowsPledge { get; init; }

    public PledgeConsequence PledgeConsequence { get; init; }

    public int SupplementDays { get; init; } = 10;

    public string? SupervisingDepartment { get; init; }

    /// <summary>审管职责边界清单: the approving and the supervising department's duties for this item, in words.</summary>
    public string DutySplit { get; init; } = "";

    /// <summary>秒批: a submission that passes every rule is accepted and granted by the system (ADR 0024); empty for a person to decide.</summary>
    public IReadOnlyList<InstantRule> InstantRules { get; init; } = [];

    public string LifeEvents { get; init; } = "";

    public string Keywords { get; init; } = "";

    public string Location { get; init; } = "";

    public string Phone { get; init; } = "";

    public IReadOnlyList<Material> Materials { get; init; } = [];

    public FormSchema Form { get; init; } = new();

    internal static ItemDocument From(ServiceItem i) => new()
    {
        Code = i.Code, Name = i.Name, Kind = i.Kind, Department = i.DepartmentCode, Region = i.RegionCode,
        ApplicantType = i.ApplicantType, CaseType = i.CaseType, StatutoryDays = i.StatutoryDays, CommittedDays = i.CommittedDays,
        Fee = i.Fee, LegalBasis = i.LegalBasis, Conditions = i.Conditions, VisitsRequired = i.VisitsRequired, OnlineDepth = i.OnlineDepth,
        LicenseType = i.LicenseType, Flow = i.Flow, AllowsDeferral = i.AllowsDeferral, AllowsPledge = i.AllowsPledge,
        PledgeConsequence = i.PledgeConsequence, SupplementDays = i.SupplementDays,
        SupervisingDepartment = i.SupervisingDepartmentCode, DutySplit = i.DutySplit, InstantRules = [.. i.InstantRules], LifeEvents = i.LifeEvents, Keywords = i.Keywords,
        Location = i.Location, Phone = i.Phone, Materials = [.. i.Materials], Form = i.Form,
    };

    /// <summary>Copies the definition onto a (draft) version.</summary>
    internal void ApplyTo(ServiceItem i)
    {
        // Null-safe throughout: JSON nulls and empty form fields arrive as null and must become
        // validation errors or empty text, never a database constraint failure.
        i.Code = Code?.Trim() ?? "";
        i.Name = Name?.Trim() ?? "";
        i.Kind = Kind;
        i.DepartmentCode = Department?.Trim() ?? "";
        i.RegionCode = Region?.Trim() ?? "";
        i.ApplicantType = ApplicantType;
        i.CaseType = CaseType;
        i.StatutoryDays = StatutoryDays;
        i.CommittedDays = CommittedDays;
        i.Fee = string.IsNullOrWhiteSpace(Fee) ? "不收费" : Fee.Trim();
        i.LegalBasis = LegalBasis?.Trim() ?? "";
        i.Conditions = Conditions?.Trim() ?? "";
        i.VisitsRequired = VisitsRequired;
        i.OnlineDepth = OnlineDepth;
        i.LicenseType = string.IsNullOrWhiteSpace(LicenseType) ? null : LicenseType.Trim();
        i.Flow = Flow;
        i.AllowsDeferral = AllowsDeferral;
        i.AllowsPledge = AllowsPledge;
        i.PledgeConsequence = PledgeConsequence;
        i.SupplementDays = SupplementDays;
        i.SupervisingDepartmentCode = string.IsNullOrWhiteSpace(SupervisingDepartment) ? null : SupervisingDepartment.Trim();
        i.DutySplit = DutySplit?.Trim() ?? "";
        i.InstantRules = [.. (InstantRules ?? []).Where(r => r is not null).Select(r => r with
        {
            Name = r.Name?.Trim() ?? "", Fact = r.Fact?.Trim() ?? "", Op = r.Op?.Trim() ?? "", Value = string.IsNullOrWhiteSpace(r.Value) ? null : r.Value.Trim(),
        })];
        i.LifeEvents = LifeEvents?.Trim() ?? "";
        i.Keywords = Keywords?.Trim() ?? "";
        i.Location = Location?.Trim() ?? "";
        i.Phone = Phone?.Trim() ?? "";
        i.Materials = [.. (Materials ?? []).Where(m => m is not null).Select(m => m with
        {
            Code = m.Code ?? "", Name = m.Name ?? "", Form = m.Form ?? "原件", Notes = m.Notes ?? "",
        })];
        i.Form = new FormSchema
        {
            Fields = [.. (Form?.Fields ?? []).Where(f => f is not null).Select(f => f with { Key = f.Key ?? "", Label = f.Label ?? "", Type = f.Type ?? "text" })],
        };
    }

    public string Canonical() => System.Text.Json.JsonSerializer.Serialize(this, Data.ServiceItemConfiguration.Json);
}
