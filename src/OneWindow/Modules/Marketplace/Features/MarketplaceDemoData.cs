using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Marketplace.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Marketplace.Features;

/// <summary>
/// The demo 中介超市: the twenty intermediaries (one blacklisted for collusion, one whose qualification has lapsed and is suspended by
/// the daily check), and purchases by a township (one open for its buyer to close and draw, one past 公示 ready to contract), a county
/// department (bids, delivered, awaiting acceptance) and a project (直接选取, rated).
/// </summary>
internal sealed class MarketplaceDemoData(AppDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 65;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Intermediary>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.Now();
        var today = clock.TodayInChina();
        var names = DemoAgencies.All.Select(a => a.UserName).Append("enterprise").ToList();
        var accounts = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var agencies = DemoAgencies.All.Select((a, i) =>
        {
            var type = ServiceTypes.All.First(t => t.Code == a.ServiceType);
            var agency = new Intermediary
            {
                Id = Guid.CreateVersion7(now.AddMinutes(-i)), OwnerUserId = accounts.GetValueOrDefault(a.UserName), Name = a.Name, Uscc = DemoAgencies.UsccOf(i, a.Region),
                ServiceTypes = [a.ServiceType], ServiceArea = [DemoCity.City], PriceRange = type.Code == "surveying" ? "每平方公里 8000–15000 元" : "按国家和省收费指导价下浮 10%–30%",
                StaffCount = 12 + (i * 7 % 40), ContactName = "联系人" + "甲乙丙丁戊己庚辛壬癸"[i % 10], ContactMobile = DemoAgencies.MobileOf(i), Status = IntermediaryStatus.Verified,
                RegisteredAt = now.AddDays(-400 + i), VerifiedAt = now.AddDays(-398 + i),
                Qualifications = [new Qualification(type.Qualification, i % 3 == 0 ? "甲级" : "乙级", $"{type.Code[..2].ToUpperInvariant()}-37{i + 1:D4}", today.AddYears(2), null)],
            };
            return agency;
        }).ToList();
        // 国地评估: its 土地估价机构备案 lapsed ten days ago (the daily check suspends it); 正元: blacklisted for collusion.
        agencies[19].Qualifications = [agencies[19].Qualifications[0] with { ValidUntil = today.AddDays(-10) }];
        agencies[3].RecordBreach("collusion", "在市中街道测绘采购中与其他报名机构串通报价，经核查属实", null, today.AddDays(-120), "系统管理员");
        db.AddRange(agencies);

        Purchase New(string number, string kind, string buyer, string code, string region, string type, string title, decimal budget, SelectionMethod method, int daysAgo,
            string? project = null)
        {
            var (seed, commitment) = Purchase.NewSeed();
            var created = now.AddDays(-daysAgo);
            return new Purchase
            {
                Id = Guid.CreateVersion7(created), Number = number, BuyerKind = kind, BuyerName = buyer, BuyerCode = code, RegionCode = region, ProjectCode = project,
                ServiceType = type, Title = title, Scope = title + "：按国家和行业标准提交成果报告，纸质 4 份及电子版", Budget = budget, Deadline = today.AddDays(60 - daysAgo),
                Qualification = ServiceTypes.All.First(t => t.Code == type).Qualification, Method = method, SignUpUntil = daysAgo == 0 ? now.AddDays(2) : created.AddDays(3),
                Seed = seed, SeedCommitment = commitment, Status = PurchaseStatus.Open, CreatedByName = "鲁采购（市中街道）", CreatedAt = created,
            };
        }

        List<(SignUp, string?, decimal)> Candidates(Purchase p, IEnumerable<int> who, DateTimeOffset at, params decimal[] prices) =>
            [.. who.Select((i, n) => (new SignUp(agencies[i].Id, agencies[i].Name, at.AddMinutes(n), prices.Length > n ? prices[n] : null),
                agencies[i].Disqualified(p.ServiceType, p.Qualification, null, p.RegionCode, today), agencies[i].Score))];

        var shizhong = $"{DemoCity.Bincheng}-SZJD";
        // 1. Open: five surveyors signed up (one of them since blacklisted); the township's buyer closes it and the draw is made.
        var open = New($"ZJ{today:yyyyMMdd}9001", "township", "滨城区市中街道办事处", shizhong, DemoCity.Bincheng, "surveying", "市中街道老旧小区改造项目地形测绘", 180_000m,
            SelectionMethod.Draw, 0);
        open.SignUps = [.. Enumerable.Range(0, 5).Select((i, n) => new SignUp(agencies[i].Id, agencies[i].Name, now.AddMinutes(-30 + n), null))];

        // 2. Drawn ten days ago, 公示 over without objection: ready to contract.
        var drawn = New($"ZJ{today.AddDays(-10):yyyyMMdd}9002", "township", "滨城区市中街道办事处", shizhong, DemoCity.Bincheng, "costConsulting",
            "市中街道便民服务中心改造工程造价咨询", 60_000m, SelectionMethod.Draw, 10);
        var drawers = Candidates(drawn, [14, 15, 16], drawn.CreatedAt.AddHours(2));
        drawn.SignUps = [.. drawers.Select(c => c.Item1)];
        drawn.Close(drawers, drawn.CreatedAt.AddDays(3), today.AddDays(-2));

        // 3. A county department's bid: the lowest qualified bid won, the service is delivered, awaiting acceptance.
        var bid = New($"ZJ{today.AddDays(-30):yyyyMMdd}9003", "county", "惠民县住房和城乡建设局", $"{DemoCity.Huimin}-ZJJ", DemoCity.Huimin, "drawingsReview",
            "惠民县第二实验小学教学楼施工图审查", 120_000m, SelectionMethod.Bid, 30);
        bid.CreatedByName = "施采购（惠民住建）";
        var bids = Candidates(bid, [10, 11, 12], bid.CreatedAt.AddHours(5), 98_000m, 91_000m, 95_000m);
        bid.SignUps = [.. bids.Select(c => c.Item1)];
        bid.Close(bids, bid.CreatedAt.AddDays(3), today.AddDays(-22));
        bid.Contract(bid.WinningPrice!.Value, today.AddDays(-20));
        bid.Deliver("施工图审查合格书及审查意见告知书各 1 份，电子版已上传", today.AddDays(-3));

        // 4. A project owner's 直接选取 (below the threshold), delivered, accepted and rated.
        var direct = New($"ZJ{today.AddDays(-45):yyyyMMdd}9004", "project", "滨州市黄河餐饮管理有限公司", accounts.GetValueOrDefault("enterprise") ?? "", DemoCity.Bincheng,
            "environmentalAssessment", "黄河餐饮中央厨房及研发楼环境影响评价报告表编制", 80_000m, SelectionMethod.Direct, 45, "2611-371600-04-01-000001");
        direct.CreatedByName = "滨州市黄河餐饮管理有限公司";
        direct.SelectDirectly(agencies[7].Id, agencies[7].Name, "预算低于直接选取限额，该机构曾承担本项目选址论证，熟悉场地", direct.CreatedAt, today.AddDays(-42));
        direct.Contract(76_000m, today.AddDays(-40));
        direct.Deliver("环境影响报告表（报批稿）", today.AddDays(-15));
        direct.Accept(today.AddDays(-12));
        direct.Rate(new ServiceRating(5, 4, 4, "按期交付，与审批部门沟通顺畅", now.AddDays(-12)));
        agencies[7].Rate(Math.Round(13 / 3m, 2));
        agencies[7].Contracts++;
        agencies[11].Contracts++;

        db.AddRange(open, drawn, bid, direct);
        await db.SaveChangesAsync(ct);
    }
}
