namespace OneWindow.Modules.Organisation.Domain;

/// <summary>A government department in one region, e.g. 滨州市市场监督管理局. The code is <c>{region}-{abbreviation}</c>.</summary>
internal sealed class Department
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string ShortName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    /// <summary>What the department does for applicants, shown in search results.</summary>
    public string Description { get; set; } = "";

    public string Address { get; set; } = "";

    public string Phone { get; set; } = "";

    public int SortOrder { get; set; }
}
