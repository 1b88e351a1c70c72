using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>The demo halls: the city's 市民服务中心 (general counters, two dedicated groups, a green channel) and 滨城区's centre.</summary>
internal sealed class QueueDemoData(AppDbContext db, TimeProvider clock, Platform.Calendar.WorkingDayCalendar calendar) : IDemoSeeder
{
    public int Order => 60;

    public static readonly Guid CityHall = Guid.Parse("0193a000-0000-7000-8000-000000371600");

    public static readonly Guid BinchengHall = Guid.Parse("0193a000-0000-7000-8000-000000371602");

    public static readonly Guid NightHall = Guid.Parse("0193a000-0000-7000-8000-000000371624");

    private static string D(string abbr) => $"{DemoCity.City}-{abbr}";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.Set<Hall>().AnyAsync(h => h.Id == CityHall || h.Id == BinchengHall, ct))
        {
            await SeedHallsAsync(ct);
        }

        if (!await db.Set<Hall>().AnyAsync(h => h.Id == NightHall, ct))
        {
            // 24 小时政务服务区: self-service all day and a night counter, open every day, so the hall's journey can be
            // tried at any hour (the centre's own hall gives numbers on working days 09:00–17:00 only).
            db.Add(new Hall
            {
                Id = NightHall, RegionCode = DemoCity.City, Name = "滨州市市民服务中心 24 小时政务服务区", Address = "滨州市黄河五路 597 号东门",
                OpensAt = new(0, 0), ClosesAt = new(0, 0), OpenEveryDay = true,
                Groups = [new() { Code = "A", Name = "综合受理", Description = "自助办理与夜间窗口，无差别受理", ServiceMinutes = 12, SlotCapacity = 0 }],
            });
            Add(NightHall, DemoCity.City, 1, "1 号夜间综合窗口", CounterKind.General, [], D("XSP"));
            await db.SaveChangesAsync(ct);
        }

        await SeedServedYesterdayAsync(ct);
    }

    /// <summary>
    /// The previous working day's served tickets with a phone (six in the city's hall, four in 滨城区's), so the 回访 centre's
    /// first list holds hall services of both lines; once, at first start.
    /// </summary>
    private async Task SeedServedYesterdayAsync(CancellationToken ct)
    {
        var rules = await calendar.RulesAsync(ct);
        if (rules.WorkingDaysBefore(clock.TodayInChina()) is not { IsSuccess: true } previous || await db.Set<QueueTicket>().AnyAsync(t => t.Day < clock.TodayInChina(), ct))
        {
            return;
        }

        var day = previous.Value;
        var counters = await db.Set<Counter>().AsNoTracking().Where(c => (c.HallId == CityHall || c.HallId == BinchengHall) && c.Kind == CounterKind.General)
            .OrderBy(c => c.HallId).ThenBy(c => c.Number).ToListAsync(ct);
        // Each served in its group's usual time (综合受理: 12 minutes in the city, 10 in 滨城区), so the halls' wait estimates stay as configured.
        (Guid Hall, int Count, string Officer, int Minutes)[] plan = [(CityHall, 6, "刘窗口", 12), (BinchengHall, 4, "何窗口（滨城区）", 10)];
        var n = 0;
        foreach (var (hall, count, officer, minutes) in plan)
        {
            var at = counters.Where(c => c.HallId == hall).ToList();
            for (var i = 1; i <= count; i++)
            {
                var counter = at[i % at.Count];
                var issued = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 5 * i)), TimeSpan.FromHours(8)).ToUniversalTime();
                db.Add(new QueueTicket
                {
                    Id = Guid.CreateVersion7(issued), HallId = hall, RegionCode = counter.RegionCode, Day = day, GroupCode = "A", Sequence = i, Number = $"A{i:000}",
                    Channel = TicketChannel.GuideDesk, Mobile = $"1390543{2000 + ++n:0000}", AccessCode = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)),
                    Status = TicketStatus.Done, IssuedAt = issued, FirstCalledAt = issued.AddMinutes(8), CalledAt = issued.AddMinutes(8), CounterId = counter.Id,
                    CounterNumber = counter.Number, StartedAt = issued.AddMinutes(9), FinishedAt = issued.AddMinutes(9 + minutes), ServedByName = officer,
                    DepartmentCode = counter.DepartmentCode,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedHallsAsync(CancellationToken ct)
    {
        db.Add(new Hall
        {
            Id = CityHall, RegionCode = DemoCity.City, Name = "滨州市市民服务中心", Address = "滨州市黄河五路 597 号", OpensAt = new(9, 0), ClosesAt = new(17, 0),
            Groups =
            [
                new() { Code = "A", Name = "综合受理", Description = "无差别受理各类政务服务事项", ServiceMinutes = 12, SlotCapacity = 6 },
                new() { Code = "B", Name = "企业开办", Description = "营业执照、公章刻制、涉税、社保、公积金", Departments = [D("SCJ"), D("SWJ"), D("GAJ"), D("RSJ"), D("GJJ")], ServiceMinutes = 15, SlotCapacity = 4 },
                new() { Code = "C", Name = "工程建设", Description = "用地规划、工程规划、施工许可、竣工验收", Departments = [D("ZJJ"), D("ZRJ"), D("HBJ")], ServiceMinutes = 20, SlotCapacity = 3 },
                new() { Code = "D", Name = "社会事务", Description = "医疗卫生、民政、医保、交通运输", Departments = [D("WJW"), D("MZJ"), D("YBJ"), D("JTJ")], ServiceMinutes = 10, SlotCapacity = 4 },
                new() { Code = "E", Name = "办不成事反映", Description = "在大厅、网上或热线没办成的事，专人受理、限时答复", ServiceMinutes = 15, SlotCapacity = 0 },
            ],
        });
        for (var n = 1; n <= 6; n++)
        {
            Add(CityHall, DemoCity.City, n, $"{n} 号综合窗口", CounterKind.General, [], D("XSP"));
        }

        Add(CityHall, DemoCity.City, 7, "7 号企业开办专窗", CounterKind.Dedicated, ["B"], D("XSP"));
        Add(CityHall, DemoCity.City, 8, "8 号工程建设专窗", CounterKind.Dedicated, ["C"], D("XSP"));
        Add(CityHall, DemoCity.City, 9, "9 号绿色通道", CounterKind.Green, [], D("XSP"));
        Add(CityHall, DemoCity.City, 10, "10 号办不成事反映窗口", CounterKind.Unresolved, ["E"], D("XSP"));

        db.Add(new Hall
        {
            Id = BinchengHall, RegionCode = DemoCity.Bincheng, Name = "滨城区政务服务中心", Address = "滨城区黄河八路 566 号", OpensAt = new(9, 0), ClosesAt = new(17, 0),
            Groups = [new() { Code = "A", Name = "综合受理", Description = "无差别受理", ServiceMinutes = 10, SlotCapacity = 4 }],
        });
        for (var n = 1; n <= 3; n++)
        {
            Add(BinchengHall, DemoCity.Bincheng, n, $"{n} 号综合窗口", CounterKind.General, [], $"{DemoCity.Bincheng}-XSP");
        }

        await db.SaveChangesAsync(ct);
    }

    private void Add(Guid hall, string region, int number, string name, CounterKind kind, List<string> groups, string department) =>
        db.Add(new Counter
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), HallId = hall, RegionCode = region, Number = number, Name = name, Kind = kind, Groups = groups,
            DepartmentCode = department, OpensAt = new(9, 0), ClosesAt = new(17, 0), State = CounterState.Closed,
        });
}
