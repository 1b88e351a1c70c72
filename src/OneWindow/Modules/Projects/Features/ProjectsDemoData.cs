using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Projects.Features;

/// <summary>One demo construction project in each risk class, each with the demo steward (项目管家).</summary>
internal sealed class ProjectsDemoData(AppDbContext db, Projects projects) : IDemoSeeder
{
    public int Order => 50;

    public static readonly IReadOnlyList<ProjectInput> Definitions =
    [
        new()
        {
            Code = "2611-371600-04-01-000001", Name = "黄河餐饮中央厨房及研发楼", OwnerName = "滨州市黄河餐饮管理有限公司", OwnerUscc = "91371602MA3C8K2L6B",
            OwnerMobile = "15305431111", Location = "滨州市滨城区黄河十二路以南、渤海七路以东", Latitude = 37.3835, Longitude = 117.9707,
            Investment = 3200, FloorArea = 8600, RiskClass = RiskClass.LowRisk, Steward = "steward",
        },
        new()
        {
            Code = "2611-371600-04-01-000002", Name = "绳网制品智能制造产业园（一期）", OwnerName = "惠民县绳网制品有限公司", OwnerUscc = "91371621MA3D1F7PX2",
            OwnerMobile = "15905432222", Location = "惠民县经济开发区孙武路 88 号", Latitude = 37.4897, Longitude = 117.5096,
            Investment = 56000, FloorArea = 120000, RiskClass = RiskClass.Industrial, Steward = "steward",
        },
        new()
        {
            Code = "2611-371600-04-01-000003", Name = "滨州市市民服务中心二期", OwnerName = "惠民县绳网制品有限公司", OwnerUscc = "91371621MA3D1F7PX2",
            OwnerMobile = "15905432222", Location = "滨州市滨城区黄河五路 597 号北侧", Latitude = 37.3812, Longitude = 118.0120,
            Investment = 98000, FloorArea = 65000, RiskClass = RiskClass.General, Steward = "steward",
        },
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = (await db.Set<ConstructionProject>().Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        foreach (var input in Definitions.Where(d => !existing.Contains(d.Code!)))
        {
            var saved = await projects.RegisterAsync(input, ct);
            if (!saved.IsSuccess)
            {
                throw new InvalidOperationException($"demo project {input.Code}: {saved.Error!.Title} {string.Join("; ", saved.Error.Fields?.SelectMany(f => f.Value) ?? [])}");
            }
        }
    }
}
