using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Hotline.Features;

/// <summary>One demo order of the history: when, where, what about, and who finally handled it.</summary>
internal sealed record DemoOrder(int DaysAgo, int Hour, WorkOrderType Type, string CategoryCode, string RegionCode, string Address, string Content, string Department, string Reply);

/// <summary>
/// The hotline's demo: about 30 知识库 articles and a history of 240 closed orders over the last 60 days across the city and
/// both counties, so the dispatch suggestions and the dashboard show something real. The history is generated from a fixed
/// seed (the same on every machine), with one order in ten handled by another department than its topic's usual one, as
/// real histories have.
/// </summary>
internal sealed class HotlineDemoData(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<HotlineOptions> options) : IDemoSeeder
{
    public int Order => 60;


    public const string DemoAgent = "demo-history";

    private sealed record Topic(string Category, WorkOrderType Type, string Department, string[] Templates, string[] Slots, string Reply, string? OtherDepartment = null);

    private static readonly Topic[] Topics =
    [
        new("010101", WorkOrderType.Complaint, "ZJJ", ["小区{0}号楼电梯故障停运，老人上下楼困难", "{0}号楼电梯经常困人，物业维修不及时", "单元电梯异响抖动，担心安全，物业不处理"], ["3", "5", "7", "12", "18"],
            "已责成物业公司维修电梯并通过特种设备检验，恢复运行。", "SCJ"),
        new("010102", WorkOrderType.Complaint, "ZJJ", ["物业费上涨未经业主同意", "物业公司强制收取停车管理费", "物业收费不公示收费标准"], ["每平米", "每月", "今年"],
            "已约谈物业公司，收费标准按备案执行并公示。", "SCJ"),
        new("010103", WorkOrderType.Help, "ZJJ", ["小区垃圾堆积多日无人清运，气味难闻", "小区绿化带被占用种菜，物业不管", "小区路灯损坏夜间漆黑"], ["东门", "北区", "中心花园"],
            "已督促物业清运整改，并纳入物业服务考核。"),
        new("010201", WorkOrderType.Complaint, "ZJJ", ["工地夜间施工噪音扰民，{0}后仍在作业", "建筑工地渣土车夜间运输噪音大", "工地打桩震动噪音影响休息"], ["22点", "23点", "凌晨"],
            "已责令施工单位停止夜间施工，确需连续作业的须办理夜间施工许可并公示。", "HBJ"),
        new("010202", WorkOrderType.Complaint, "ZJJ", ["新买的房子墙体开裂漏水，开发商不维修", "交房后卫生间渗水到楼下，开发商推诿", "房屋外墙保温层脱落"], ["去年", "今年", "刚交房"],
            "已约谈开发企业，在保修期内维修，并将进展告知来电人。"),
        new("020101", WorkOrderType.Report, "SCJ", ["饭店后厨卫生差，吃饭后腹泻", "餐馆使用过期食材，卫生状况堪忧", "外卖店无证经营，后厨脏乱"], ["火锅店", "烧烤店", "快餐店"],
            "执法人员已现场检查，责令整改并依法立案调查。"),
        new("020102", WorkOrderType.Report, "SCJ", ["超市销售过期{0}", "便利店货架上有过期{0}", "商店出售临期{0}未标注"], ["牛奶", "面包", "饮料", "零食"],
            "已下架过期食品，依法对经营者立案处理。"),
        new("020201", WorkOrderType.Complaint, "SCJ", ["商场虚假打折，先涨价后降价", "商家明码标价与结算价不一致", "电器店价格欺诈多收钱"], ["双十一", "节日", "店庆"],
            "已责令商家退还差价，并对价格违法行为立案调查。"),
        new("020202", WorkOrderType.Complaint, "SCJ", ["健身房突然关门，预付卡无法退费", "理发店预付卡余额拒绝退还", "培训机构停课不退预付学费"], ["上月", "本周", "近日"],
            "已约谈经营者，协调退费，并提示消费者保留证据依法维权。"),
        new("030101", WorkOrderType.Consultation, "XSP", ["营业执照变更需要什么流程", "办理食品经营许可证的流程是什么", "企业开办可以网上一次办完吗"], ["个体户", "公司", "分公司"],
            "已电话告知办理流程和所需材料，可在网上办事大厅一次办理。"),
        new("030201", WorkOrderType.Complaint, "XSP", ["政务服务大厅窗口人员态度差", "窗口工作人员推诿不给办理", "大厅排队时间过长无人引导"], ["综合窗口", "出件窗口", "自助区"],
            "已核实并对窗口人员批评教育，优化导服引导。"),
        new("040101", WorkOrderType.Consultation, "RSJ", ["灵活就业人员社保怎么缴费", "社保断缴后如何补缴", "退休人员养老金调整何时发放"], ["个人", "外地户籍", "退休"],
            "已告知缴费渠道和补缴政策，可通过爱山东办理。"),
        new("040102", WorkOrderType.Help, "YBJ", ["异地就医医保报销比例太低", "门诊慢特病医保报销办理", "医保卡在外地无法结算"], ["北京", "济南", "天津"],
            "已告知异地就医备案方式，备案后可直接结算。"),
        new("050101", WorkOrderType.Complaint, "JTJ", ["出租车司机拒载", "出租车绕路多收费", "出租车不打表议价"], ["火车站", "汽车站", "医院门口"],
            "已调取车辆轨迹，对驾驶员依法处罚并约谈出租车公司。"),
        new("050102", WorkOrderType.Complaint, "JTJ", ["网约车司机中途甩客", "网约车平台乱收费", "网约车车辆与登记不符"], ["晚上", "雨天", "机场"],
            "已转平台公司核查处理，对违规司机和车辆依法处罚。"),
    ];

    /// <summary>Departments that have county counterparts (ADR 0022: a county's order goes to its own bureau).</summary>
    private static readonly string[] CountyBureaus = ["ZJJ", "SCJ", "RSJ", "XSP"];

    private static readonly (string Region, string Prefix)[] Places =
    [
        (DemoCity.City, "滨州市黄河{0}路"), (DemoCity.City, "滨州市渤海{0}路"), (DemoCity.City, "滨州市长江{0}路"),
        (DemoCity.Bincheng, "滨州市滨城区黄河{0}路"), (DemoCity.Bincheng, "滨州市滨城区市中街道"), (DemoCity.Huimin, "滨州市惠民县孙武街道"),
    ];

    private static readonly string[] Tails = ["，已多次反映未解决", "，希望尽快处理", "，影响老人孩子", "，请相关部门核实", "", "，邻居也有同样情况"];

    public static string DepartmentFor(string abbr, string region) => CountyBureaus.Contains(abbr) && region != DemoCity.City ? $"{region}-{abbr}" : $"{DemoCity.City}-{abbr}";

    /// <summary>The history, the same on every machine: <paramref name="count"/> orders (the demo uses 240; the bench asks for 10,000).</summary>
    public static IReadOnlyList<DemoOrder> History(int count = 240)
    {
        var random = new Random(20261205);
        var orders = new List<DemoOrder>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var (region, prefix) = Places[random.Next(Places.Length)];
            var content = string.Format(System.Globalization.CultureInfo.InvariantCulture, topic.Templates[random.Next(topic.Templates.Length)], topic.Slots[random.Next(topic.Slots.Length)])
                          + Tails[random.Next(Tails.Length)] + "。";
            var address = string.Format(System.Globalization.CultureInfo.InvariantCulture, prefix, random.Next(1, 9)) + $" {random.Next(1, 300)} 号";
            var abbr = topic.Department;
            if (random.Next(10) == 0)
            {
                // One in ten went elsewhere in the end: another bureau's remit, or the city's bureau for a county.
                abbr = topic.OtherDepartment ?? abbr;
                region = topic.OtherDepartment is null ? DemoCity.City : region;
            }

            orders.Add(new DemoOrder(1 + random.Next(60), 8 + random.Next(10), topic.Type, topic.Category, region, address, content, DepartmentFor(abbr, region), topic.Reply));
        }

        return orders;
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.Set<KnowledgeArticle>().AnyAsync(ct))
        {
            var at = clock.Now().AddDays(-30);
            foreach (var (title, body, category) in HotlineKnowledgeDemo.Articles)
            {
                var id = Guid.CreateVersion7(at);
                db.Add(new KnowledgeArticle { Id = id, RegionCode = DemoCity.City, Title = title, Body = body, CategoryCode = category, Revision = 1, UpdatedAt = at, UpdatedByName = "12345 热线办公室" });
                db.Add(new KnowledgeRevision { Id = Guid.CreateVersion7(at), ArticleId = id, Revision = 1, Title = title, Body = body, SavedAt = at, SavedByName = "12345 热线办公室" });
            }

            await db.SaveChangesAsync(ct);
        }

        if (await db.Set<WorkOrder>().AnyAsync(o => o.ReceivedById == DemoAgent, ct))
        {
            return;
        }

        var china = TimeSpan.FromHours(8);
        var today = clock.TodayInChina();
        var history = History(options.Value.DemoHistoryOrders).OrderBy(o => -o.DaysAgo).ThenBy(o => o.Hour).ToList();
        // Numbered from the day counters like every order (a number beside the counter would be handed out again).
        var next = new Dictionary<DateOnly, long>();
        foreach (var g in history.GroupBy(o => today.AddDays(-o.DaysAgo)))
        {
            next[g.Key] = await DayCounters.NextAsync(db, WorkOrders.NumberScope, g.Key, ct, g.Count()) - g.Count();
        }

        var random = new Random(7);
        foreach (var d in history)
        {
            var day = today.AddDays(-d.DaysAgo);
            var n = next[day] += 1;
            var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(d.Hour, random.Next(60))), china);
            // History is past: a recent order was replied to and closed (two hours later) before now, not after.
            var replied = received.AddHours(4 + random.Next(100));
            replied = replied > clock.Now().AddHours(-3) ? Max(received.AddMinutes(30), clock.Now().AddHours(-3)) : replied;
            var due = received.AddDays(7);
            var onTime = replied <= due;
            // Half the 咨询 were answered on the line; one order in twenty was first returned by a wrong department.
            var answered = d.Type == WorkOrderType.Consultation && random.Next(2) == 0;
            var returned = !answered && random.Next(20) == 0;
            var rating = random.Next(100) switch { < 60 => 5, < 85 => 4, < 93 => 3, _ => 2 };
            var o = new WorkOrder
            {
                Id = Guid.CreateVersion7(received), Number = $"RX-{day:yyyyMMdd}-{n:0000}", RegionCode = d.RegionCode,
                Channel = random.Next(5) == 0 ? WorkOrderChannel.Web : WorkOrderChannel.Phone, Type = d.Type, CategoryCode = d.CategoryCode, CallerName = "历史来电",
                CallerPhone = $"1390543{random.Next(10000):0000}", Content = d.Content, Address = d.Address, Urgency = WorkOrderUrgency.Normal,
                Status = answered ? WorkOrderStatus.Answered : WorkOrderStatus.Closed, ReceivedAt = received.ToUniversalTime(), DueAt = due.ToUniversalTime(),
                ReceivedById = DemoAgent, ReceivedByName = "郑坐席", ReceivedByDepartment = $"{DemoCity.City}-RXB", LeadDepartment = answered ? null : d.Department,
                DispatchedAt = answered ? null : received.AddMinutes(20).ToUniversalTime(), SignedAt = answered ? null : received.AddHours(2).ToUniversalTime(),
                Reply = d.Reply, RepliedAt = (answered ? received.AddMinutes(8) : replied).ToUniversalTime(), Returns = returned ? 1 : 0, RatingLevel = rating,
                ClosedAt = (answered ? received.AddMinutes(8) : replied.AddHours(2)).ToUniversalTime(),
                DeadlineState = answered || onTime ? WorkOrderDeadline.Normal : WorkOrderDeadline.Overdue,
            };
            db.Add(o);
            var steps = answered
                ? new[] { (received, "WorkOrderReceived", "受理（电话）"), (received.AddMinutes(8), "WorkOrderAnswered", "直接答复办结") }
                : new[]
                {
                    (received, "WorkOrderReceived", "受理（电话）"), (received.AddMinutes(20), "WorkOrderDispatched", $"派单：主办 {d.Department}"),
                    (received.AddHours(2), "WorkOrderSigned", "签收"), (replied, "WorkOrderReplied", "回复：" + d.Reply),
                    (replied.AddHours(2), "WorkOrderReviewed", "审核通过，办结并告知来电人"),
                };
            foreach (var (when, action, note) in steps)
            {
                db.Add(o.Step(when.ToUniversalTime(), action, action is "WorkOrderReceived" or "WorkOrderReviewed" or "WorkOrderAnswered" ? "郑坐席" : "承办人", note));
            }
        }

        await SeedRunningAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Orders still running, so every page has work on it and every step can be taken by a demo account: waiting for
    /// dispatch (hotline), for signing (handler.zjj, handler.bincheng), in hand (handler.scj, one near its limit), and a
    /// reply waiting for the centre's review (hotline).
    /// </summary>
    private async Task SeedRunningAsync(CancellationToken ct)
    {
        var now = clock.Now();
        var today = clock.TodayInChina();
        (WorkOrderStatus Status, string Category, string Region, string Address, string Content, string? Lead, double HoursAgo, int DueInHours)[] running =
        [
            (WorkOrderStatus.Received, "010201", DemoCity.City, "滨州市黄河八路 66 号", "黄河八路工地夜里 11 点以后还在打桩，噪音很大，孩子无法入睡。", null, 1.5, 110),
            (WorkOrderStatus.Received, "020202", DemoCity.Huimin, "滨州市惠民县孙武街道 12 号", "健身房突然关门，预付卡里还有 2000 元无法退费。", null, 3, 110),
            (WorkOrderStatus.Dispatched, "010101", DemoCity.City, "滨州市渤海十路 200 号", "5 号楼电梯经常停在半层，物业说等配件。", $"{DemoCity.City}-ZJJ", 6, 100),
            (WorkOrderStatus.Dispatched, "010103", DemoCity.Bincheng, "滨州市滨城区市中街道 8 号", "小区东门垃圾桶满了三天没人清运，气味很大。", $"{DemoCity.Bincheng}-ZJJ", 20, 90),
            (WorkOrderStatus.Signed, "020101", DemoCity.City, "滨州市长江五路 15 号", "长江五路一家烧烤店后厨很脏，吃完腹泻。", $"{DemoCity.City}-SCJ", 90, 20),
            (WorkOrderStatus.Replied, "020201", DemoCity.City, "滨州市黄河四路 300 号", "商场店庆先涨价再打折，标价和结算价不一致。", $"{DemoCity.City}-SCJ", 70, 40),
        ];
        var n = 0;
        foreach (var r in running)
        {
            var received = now.AddHours(-r.HoursAgo);
            var day = DateOnly.FromDateTime(received.ToOffset(TimeSpan.FromHours(8)).DateTime);
            var number = await DayCounters.NextAsync(db, WorkOrders.NumberScope, day, ct);
            var o = new WorkOrder
            {
                Id = Guid.CreateVersion7(received), Number = $"RX-{day:yyyyMMdd}-{number:0000}", RegionCode = r.Region, Channel = WorkOrderChannel.Phone,
                Type = WorkOrderType.Complaint, CategoryCode = r.Category, CallerName = "孙女士", CallerPhone = $"1380543{1000 + ++n:0000}", Content = r.Content, Address = r.Address,
                Urgency = WorkOrderUrgency.Normal, Status = r.Status, ReceivedAt = received, DueAt = now.AddHours(r.DueInHours), ReceivedById = DemoAgent, ReceivedByName = "郑坐席",
                ReceivedByDepartment = $"{DemoCity.City}-RXB", LeadDepartment = r.Lead, DispatchedAt = r.Lead is null ? null : received.AddMinutes(30),
                ReturnBy = r.Lead is null ? null : today.AddDays(2), SignedAt = r.Status is WorkOrderStatus.Signed or WorkOrderStatus.Replied ? received.AddHours(3) : null,
                Reply = r.Status == WorkOrderStatus.Replied ? "经现场核查，商场存在虚构原价行为，已责令整改并立案调查，多收款项已退还。" : null,
                RepliedAt = r.Status == WorkOrderStatus.Replied ? now.AddHours(-2) : null,
            };
            db.Add(o);
            db.Add(o.Step(received, "WorkOrderReceived", "郑坐席", "受理（电话）"));
            if (r.Lead is not null)
            {
                db.Add(o.Step(received.AddMinutes(30), "WorkOrderDispatched", "郑坐席", $"派单：主办 {r.Lead}"));
            }

            if (o.SignedAt is { } signed)
            {
                db.Add(o.Step(signed, "WorkOrderSigned", "承办人", "签收"));
            }

            if (o.RepliedAt is { } replied)
            {
                db.Add(o.Step(replied, "WorkOrderReplied", "承办人", "回复：" + o.Reply));
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
