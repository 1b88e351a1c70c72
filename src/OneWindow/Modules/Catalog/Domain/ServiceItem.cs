using OneWindow.Modules.Catalog.Contracts;

namespace OneWindow.Modules.Catalog.Domain;

/// <summary>
/// 政务服务事项 as one department in one region carries it out (实施清单), one version of it.
/// A published version is never changed: an edit makes the next version as a draft, and
/// publishing that draft supersedes the one before. Running cases keep the version they began with.
/// </summary>
internal sealed class ServiceItem : OneWindow.Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public int ItemVersion { get; set; } = 1;

    public ItemStatus Status { get; set; }

    /// <summary>True for the one published version citizens see.</summary>
    public bool IsCurrent { get; set; }

    public string Name { get; set; } = "";

    public ServiceItemKind Kind { get; set; }

    public string DepartmentCode { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public ApplicantType ApplicantType { get; set; }

    public CaseType CaseType { get; set; }

    public int StatutoryDays { get; set; }

    public int CommittedDays { get; set; }

    public string Fee { get; set; } = "不收费";

    public string LegalBasis { get; set; } = "";

    public string Conditions { get; set; } = "";

    /// <summary>到现场次数: 0 means fully online.</summary>
    public int VisitsRequired { get; set; }

    /// <summary>网上办理深度 1–4 (4 = 全程网办).</summary>
    public int OnlineDepth { get; set; }

    /// <summary>The licence type this item issues, or null.</summary>
    public string? LicenseType { get; set; }

    public ApprovalFlow Flow { get; set; }

    public bool AllowsDeferral { get; set; }

    public bool AllowsPledge { get; set; }

    public PledgeConsequence PledgeConsequence { get; set; }

    /// <summary>补正期限: working days the applicant has to answer a 一次性告知 before the case is closed.</summary>
    public int SupplementDays { get; set; } = 10;

    public string? SupervisingDepartmentCode { get; set; }

    /// <summary>审管职责边界: what the approving department does and what the supervising department does, in words.</summary>
    public string DutySplit { get; set; } = "";

    /// <summary>秒批: the rules a submission must all pass to be decided by the system; none means a person decides.</summary>
    public List<InstantRule> InstantRules { get; set; } = [];

    /// <summary>Life events (人生/企业生命周期主题) for browsing, comma-separated, e.g. 开办企业,开餐馆.</summary>
    public string LifeEvents { get; set; } = "";

    public string Keywords { get; set; } = "";

    public string Location { get; set; } = "";

    public string Phone { get; set; } = "";

    public List<Material> Materials { get; set; } = [];

    public FormSchema Form { get; set; } = new();

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset? PublishedAt { get; set; }

    public int Version { get; set; }

    public IEnumerable<string> Steps => Flow switch
    {
        ApprovalFlow.ThreeStep => ["受理", "审查", "决定", "办结"],
        ApprovalFlow.SoleApprover => ["受理审查决定（独任审批）", "办结"],
    };

    public OneWindow.Platform.Result Publish(DateTimeOffset now, string by)
    {
        if (Status != ItemStatus.Draft)
        {
            return OneWindow.Platform.Error.Conflict("catalog:not-draft", "只有草稿可以发布");
        }

        Status = ItemStatus.Published;
        IsCurrent = true;
        PublishedAt = now;
        UpdatedAt = now;
        UpdatedBy = by;
        return OneWindow.Platform.Result.Ok();
    }

    public void Supersede()
    {
        Status = ItemStatus.Superseded;
        IsCurrent = false;
    }
}
