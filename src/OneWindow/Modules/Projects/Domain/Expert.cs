using System.Security.Cryptography;
using System.Text;

namespace OneWindow.Modules.Projects.Domain;

/// <summary>
/// 专家库: an expert who reviews independently — field, title, employer (统一社会信用代码, for 回避) and earlier involvements (project
/// codes or the USCCs of owners they worked for), which bar them from reviews of those projects.
/// </summary>
internal sealed class Expert
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>One of <see cref="ExpertFields.All"/>.</summary>
    public string Field { get; set; } = "";

    /// <summary>职称 (正高级工程师 …).</summary>
    public string Title { get; set; } = "";

    public string EmployerName { get; set; } = "";

    public string EmployerCode { get; set; } = "";

    /// <summary>Project codes and owners' USCCs the expert worked on or for (设计、咨询、施工 …): 回避 for their reviews.</summary>
    public List<string> Involvements { get; set; } = [];

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why the expert may not review this project, or null: same employer as the owner, or earlier involvement.</summary>
    public string? RecusalFor(string projectCode, string ownerCode) =>
        EmployerCode.Length > 0 && EmployerCode == ownerCode ? "与建设单位为同一单位"
        : Involvements.Contains(projectCode) ? "曾参与本项目"
        : Involvements.Contains(ownerCode) ? "曾为建设单位提供服务"
        : null;
}

/// <summary>The expert fields (专业) of the pool.</summary>
internal static class ExpertFields
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["structure"] = "建筑结构", ["mep"] = "给排水与暖通", ["fire"] = "消防", ["environment"] = "环境保护", ["geotechnical"] = "岩土勘察", ["costing"] = "工程造价",
    };
}

/// <summary>One expert kept out of a draw, and why (回避).</summary>
internal sealed record RecusedExpert(Guid ExpertId, string Name, string Reason);

/// <summary>
/// 专家抽取: N experts drawn from the eligible (the field's active experts, less those who must recuse and those already on the
/// review) in the order of HMAC-SHA256(seed, expert id). The seed, the eligible list and the result are kept, so anyone can
/// recompute the draw and get the same experts.
/// </summary>
internal sealed class ExpertDraw
{
    public Guid Id { get; set; }

    public Guid ReviewId { get; set; }

    public Guid ProjectId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Field { get; set; } = "";

    public int Count { get; set; }

    /// <summary>32 random bytes, hex: the draw's key.</summary>
    public string Seed { get; set; } = "";

    public List<Guid> Eligible { get; set; } = [];

    public List<RecusedExpert> Recused { get; set; } = [];

    public List<Guid> Drawn { get; set; } = [];

    public DateTimeOffset DrawnAt { get; set; }

    public string DrawnBy { get; set; } = "";

    /// <summary>The draw's rule: the eligible ordered by HMAC-SHA256(seed, id as "D"-formatted text), lowest first; the first <paramref name="count"/>.</summary>
    public static List<Guid> Choose(string seedHex, IEnumerable<Guid> eligible, int count)
    {
        var key = Convert.FromHexString(seedHex);
        return [.. eligible.Select(id => (id, rank: Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id.ToString("D"))))))
            .OrderBy(x => x.rank, StringComparer.Ordinal).Take(count).Select(x => x.id)];
    }
}
