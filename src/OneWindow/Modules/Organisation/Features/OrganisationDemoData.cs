using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Organisation.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Organisation.Features;

/// <summary>The demo city's departments: the city bureaus and the two counties' approval bureaus.</summary>
internal sealed class OrganisationDemoData(AppDbContext db) : IDemoSeeder
{
    public int Order => 10;

    private static readonly (string Abbr, string Name, string Short, string Description)[] CityDepartments =
    [
        ("XSP", "滨州市行政审批服务局", "市审批局", "集中行使行政许可权，政务服务大厅综合受理、统一出件"),
        ("ZWB", "滨州市政务服务管理办公室", "市政务办", "政务服务监督管理、好差评与整改督办"),
        ("SCJ", "滨州市市场监督管理局", "市市场监管局", "企业登记、食品经营许可、药品零售许可、计量与特种设备"),
        ("ZJJ", "滨州市住房和城乡建设局", "市住建局", "建筑工程施工许可、建设工程消防验收、房地产开发资质"),
        ("ZRJ", "滨州市自然资源和规划局", "市自然资源局", "建设用地规划许可、建设工程规划许可、不动产登记"),
        ("RSJ", "滨州市人力资源和社会保障局", "市人社局", "社会保险登记、就业创业、职业资格"),
        ("GAJ", "滨州市公安局", "市公安局", "户籍办理、身份证、出入境、公章刻制备案"),
        ("MZJ", "滨州市民政局", "市民政局", "婚姻登记、社会组织登记、养老服务"),
        ("WJW", "滨州市卫生健康委员会", "市卫健委", "医疗机构执业登记、口腔诊所设置、公共场所卫生许可"),
        ("JTJ", "滨州市交通运输局", "市交通局", "道路运输经营许可、出租汽车经营许可、网约车许可"),
        ("SWJ", "国家税务总局滨州市税务局", "市税务局", "新办纳税人套餐、发票申领、税务登记"),
        ("GJJ", "滨州市住房公积金管理中心", "市公积金中心", "公积金单位登记开户、缴存与提取"),
        ("YBJ", "滨州市医疗保障局", "市医保局", "医保参保登记、异地就医备案"),
        ("HBJ", "滨州市生态环境局", "市生态环境局", "建设项目环境影响评价审批、排污许可"),
        ("RXB", "滨州市12345政务服务便民热线办公室", "12345热线", "受理群众诉求，派单转办、督办回访"),
    ];

    /// <summary>
    /// Partner organisations (政邮商: the postal company runs the pieces, a 基层商会 helps with the forms) and township offices that buy
    /// intermediary services (中介超市): not approval departments, but their staff have accounts.
    /// </summary>
    private static readonly (string Code, string Region, string Name, string Short, string Description, string Address)[] Partners =
    [
        ($"{DemoCity.City}-YZ", DemoCity.City, "中国邮政集团有限公司滨州市分公司", "滨州邮政", "政邮商合作单位：上门收件、结果寄递（政府买单）", "滨州市渤海七路 509 号"),
        ($"{DemoCity.Huimin}-SH", DemoCity.Huimin, "惠民县工商业联合会基层商会", "惠民县基层商会", "政邮商合作单位：商会服务专员帮企业做单", "惠民县政务服务中心 政邮商窗口"),
        ($"{DemoCity.Bincheng}-SZJD", DemoCity.Bincheng, "滨城区市中街道办事处", "市中街道", "街道办事处：中介服务采购（中介超市）", "滨城区黄河二路 336 号"),
        ($"{DemoCity.Huimin}-SWJD", DemoCity.Huimin, "惠民县孙武街道办事处", "孙武街道", "街道办事处：中介服务采购（中介超市）", "惠民县孙武一路 1 号"),
    ];

    private static readonly (string Region, string RegionName)[] Counties =
    [
        (DemoCity.Bincheng, "滨城区"),
        (DemoCity.Huimin, "惠民县"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var have = (await db.Set<Department>().Select(d => d.Code).ToListAsync(ct)).ToHashSet();
        var order = 0;
        foreach (var (abbr, name, shortName, description) in CityDepartments)
        {
            Add(have, new Department
            {
                Code = $"{DemoCity.City}-{abbr}", Name = name, ShortName = shortName, RegionCode = DemoCity.City,
                Description = description, Address = "滨州市黄河五路 597 号 市民服务中心", Phone = "0543-12345", SortOrder = ++order,
            });
        }

        foreach (var (region, regionName) in Counties)
        {
            order = 0;
            foreach (var (abbr, name, shortName) in new[]
                     {
                         ("XSP", $"{regionName}行政审批服务局", $"{regionName}审批局"),
                         ("SCJ", $"{regionName}市场监督管理局", $"{regionName}市场监管局"),
                         ("ZJJ", $"{regionName}住房和城乡建设局", $"{regionName}住建局"),
                         ("RSJ", $"{regionName}人力资源和社会保障局", $"{regionName}人社局"),
                     })
            {
                Add(have, new Department
                {
                    Code = $"{region}-{abbr}", Name = name, ShortName = shortName, RegionCode = region,
                    Description = CityDepartments.First(c => c.Abbr == abbr).Description,
                    Address = $"{regionName}政务服务中心", Phone = "0543-12345", SortOrder = ++order,
                });
            }
        }

        // 便民服务中心 of the township centres: they implement township-level items (小事不出村，大事不出镇).
        foreach (var (region, township, county) in DemoCity.Townships)
        {
            Add(have, new Department
            {
                Code = $"{region}-BMZX", Name = $"{county}{township}便民服务中心", ShortName = $"{township}便民服务中心", RegionCode = region,
                Description = "乡镇（街道）便民服务中心：社保登记、就业创业、低保初审、帮办代办就近办", Address = $"{county}{township}便民服务中心", Phone = "0543-12345",
                SortOrder = 80 + ++order,
            });
        }

        foreach (var (code, region, name, shortName, description, address) in Partners)
        {
            Add(have, new Department
            {
                Code = code, Name = name, ShortName = shortName, RegionCode = region, Description = description, Address = address, Phone = "0543-12345", SortOrder = 90 + ++order,
            });
        }

        if (!await db.Set<Agreement>().AnyAsync(ct))
        {
            var since = new DateOnly(2025, 1, 1);
            Agreement Pair(string name, string scope, string a, string aName, string b, string bName, IReadOnlyList<string> items) => new()
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), Name = name, Scope = scope, RegionA = a, RegionAName = aName,
                RegionB = b, RegionBName = bName, ItemCodes = [.. items], Since = since,
            };
            db.AddRange(
                Pair("滨城区—惠民县 跨县通办", "city", DemoCity.Bincheng, "滨城区", DemoCity.Huimin, "惠民县", DemoCity.CountyItems),
                Pair("滨州市—滨城区 市县通办", "city", DemoCity.City, "滨州市", DemoCity.Bincheng, "滨城区", DemoCity.CityCountyItems),
                Pair("滨州市—惠民县 市县通办", "city", DemoCity.City, "滨州市", DemoCity.Huimin, "惠民县", DemoCity.CityCountyItems),
                Pair("滨州市—沧州市 跨省通办", "other", DemoCity.City, "山东省滨州市", "130900", "河北省沧州市", DemoCity.CrossProvinceItems));
        }

        await db.SaveChangesAsync(ct);
    }

    private void Add(HashSet<string> have, Department department)
    {
        if (have.Add(department.Code))
        {
            db.Add(department);
        }
    }
}
