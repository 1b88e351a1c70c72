using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Sites.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Sites.Features;

/// <summary>
/// The demo 百事通 map: the city's and two counties' centres (with their halls' live queues), three township centres, village
/// service points, and partner sites in banks, hospitals, post offices, telecom shops, a mall and a park — each with the items it
/// handles (a centre: every item of its region; a partner site: a few everyday ones) and its self-service terminals.
/// </summary>
internal sealed class SitesDemoData(AppDbContext db, ICatalogQueries catalog, IQueueRecords queues, TimeProvider clock) : IDemoSeeder
{
    public int Order => 62;

    private static readonly Dictionary<int, string> OfficeHours = new() { [1] = "09:00-12:00,13:00-17:00", [2] = "09:00-12:00,13:00-17:00", [3] = "09:00-12:00,13:00-17:00", [4] = "09:00-12:00,13:00-17:00", [5] = "09:00-12:00,13:00-17:00" };

    private static readonly Dictionary<int, string> EveryDay = Enumerable.Range(1, 7).ToDictionary(d => d, _ => "08:30-17:30");

    private static readonly Dictionary<int, string> AllHours = Enumerable.Range(1, 7).ToDictionary(d => d, _ => "00:00-23:59");

    private static readonly string[] Everyday = ["GG-RSJ-001", "GG-RSJ-002", "GG-YBJ-001", "GG-YBJ-002", "GG-GAJ-002"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Site>().AnyAsync(ct))
        {
            return;
        }

        var halls = await queues.HallQueuesAsync(clock.TodayInChina(), ct);
        Guid? Hall(string name) => halls.FirstOrDefault(h => h.Name == name)?.HallId;
        var city = await catalog.CodesInRegionAsync(DemoCity.City, ct);
        var sites = new List<Site>
        {
            New(SiteKind.CityCentre, "滨州市市民服务中心", DemoCity.City, "滨州市滨城区黄河五路 597 号", 37.3835, 117.9707, OfficeHours, city, 12, "自助申报、证照打印、社保查询一体机", Hall("滨州市市民服务中心")),
            New(SiteKind.CityCentre, "滨州市市民服务中心 24 小时政务服务区", DemoCity.City, "滨州市滨城区黄河五路 597 号东门", 37.3838, 117.9712, AllHours, Everyday, 6, "24 小时自助服务", Hall("滨州市市民服务中心 24 小时政务服务区"), follows: false),
            New(SiteKind.CountyCentre, "滨城区政务服务中心", DemoCity.Bincheng, "滨城区黄河八路 566 号", 37.4320, 118.0200, OfficeHours, await Basic(DemoCity.Bincheng, ct), 6, "自助申报、证照打印", Hall("滨城区政务服务中心")),
            New(SiteKind.CountyCentre, "惠民县政务服务中心", DemoCity.Huimin, "惠民县孙武一路 279 号", 37.4895, 117.5100, OfficeHours, await Basic(DemoCity.Huimin, ct), 4, "自助申报、证照打印", null),
        };
        (string Name, double Lat, double Lng)[] townships = [("市中街道便民服务中心", 37.3802, 117.9806), ("彭李街道便民服务中心", 37.4012, 118.0005), ("孙武街道便民服务中心", 37.4850, 117.5050)];
        foreach (var ((region, township, county), (name, lat, lng)) in DemoCity.Townships.Zip(townships))
        {
            sites.Add(New(SiteKind.TownshipCentre, $"{county}{name}", region, $"{county}{township}便民服务中心", lat, lng, OfficeHours, await Basic(region, ct), 2, "社保、医保自助查询", null));
        }

        (string Name, string Region, double Lat, double Lng)[] villages =
        [
            ("市中街道黄河社区便民服务点", DemoCity.Shizhong, 37.3790, 117.9850), ("彭李街道清怡社区便民服务点", DemoCity.Pengli, 37.4050, 118.0101),
            ("孙武街道何坊村便民服务点", DemoCity.Sunwu, 37.4780, 117.5200), ("滨城区杨柳雪镇便民服务点", DemoCity.Bincheng, 37.4700, 118.0900),
            ("惠民县皂户李镇便民服务点", DemoCity.Huimin, 37.5500, 117.6000), ("惠民县淄角镇便民服务点", DemoCity.Huimin, 37.3600, 117.4500),
        ];
        sites.AddRange(villages.Select(v => New(SiteKind.VillagePoint, v.Name, v.Region, v.Name.Replace("便民服务点", "党群服务中心", StringComparison.Ordinal), v.Lat, v.Lng, OfficeHours,
            ["GG-RSJ-001", "GG-YBJ-001", "GF-MZJ-001"], 1, "帮办代办员值守", null)));
        (SiteKind Kind, string Name, string Region, double Lat, double Lng, string[] Items, int Terminals)[] partners =
        [
            (SiteKind.Bank, "中国建设银行滨州分行营业部（政务服务专区）", DemoCity.Bincheng, 37.3851, 117.9755, ["XK-SCJ-001", "XK-SCJ-004", "GG-RSJ-001"], 2),
            (SiteKind.Bank, "中国工商银行滨州黄河五路支行（政银通）", DemoCity.Bincheng, 37.3820, 117.9650, ["XK-SCJ-001", "XK-SCJ-004"], 1),
            (SiteKind.Bank, "滨州农商银行惠民支行（政务服务驿站）", DemoCity.Huimin, 37.4870, 117.5140, ["XK-SCJ-004", "GG-RSJ-001", "GG-YBJ-001"], 1),
            (SiteKind.Hospital, "滨州医学院附属医院（医保服务站）", DemoCity.Bincheng, 37.3700, 117.9700, ["GG-YBJ-001", "GG-YBJ-002", "QR-YBJ-001"], 2),
            (SiteKind.Hospital, "惠民县人民医院（出生一件事服务点）", DemoCity.Huimin, 37.4920, 117.5060, ["QR-GAJ-001", "GG-YBJ-001"], 1),
            (SiteKind.PostOffice, "滨州邮政黄河四路营业厅（政邮商）", DemoCity.Bincheng, 37.3880, 117.9600, ["XK-SCJ-004", "GG-XSP-002", "GG-GAJ-002"], 1),
            (SiteKind.PostOffice, "惠民县邮政局营业厅（政邮商）", DemoCity.Huimin, 37.4880, 117.5110, ["XK-SCJ-004", "GG-XSP-002"], 1),
            (SiteKind.Telecom, "中国移动滨州渤海七路营业厅（政务自助）", DemoCity.Bincheng, 37.3950, 117.9800, ["GG-YBJ-001", "GG-RSJ-001"], 1),
            (SiteKind.Mall, "万达广场政务服务驿站", DemoCity.Bincheng, 37.3990, 117.9950, Everyday, 2),
            (SiteKind.Park, "滨州经济技术开发区企业服务中心", DemoCity.Bincheng, 37.3500, 118.0500, ["XK-SCJ-001", "XK-SCJ-002", "XK-ZJJ-001", "GG-XSP-001", "GG-XSP-002"], 2),
        ];
        sites.AddRange(partners.Select(p => New(p.Kind, p.Name, p.Region, p.Name, p.Lat, p.Lng, p.Kind is SiteKind.Mall ? EveryDay : OfficeHours, p.Items, p.Terminals, "政务服务自助终端", null,
            follows: false)));
        db.AddRange(sites);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<string>> Basic(string region, CancellationToken ct) =>
        [.. (await catalog.CodesInRegionAsync(region, ct)).Select(ItemCodes.BasicOf).Distinct()];

    private Site New(SiteKind kind, string name, string region, string address, double lat, double lng, Dictionary<int, string> hours, IEnumerable<string> items, int terminals,
        string note, Guid? hall, bool follows = true) => new()
    {
        Id = Guid.CreateVersion7(clock.GetUtcNow()), Kind = kind, Name = name, RegionCode = region, Address = address, Lat = lat, Lng = lng, Phone = "0543-12345",
        Hours = new(hours), FollowsWorkingCalendar = follows, Items = [.. items.Select(ItemCodes.BasicOf).Distinct()], Terminals = terminals, TerminalNote = note, HallId = hall,
    };
}
