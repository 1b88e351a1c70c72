using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Cli;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// The generator's cases (ADR 0026, decision 6): a year of applications over every published item of the city, its counties and
/// townships — popular items far more often than rare ones, 72 % online, accepted on the next working day at the latest, most
/// finished within the committed days, a few corrected, late, declined or still running — each with the dates of its steps
/// (submitted, accepted, due, completed) and the facts its acceptance and completion produce, counted by the rollups as it goes.
/// </summary>
internal sealed class CaseGenerator(ICatalogQueries catalog, WorkingDayCalendar calendar) : IDataGenerator
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];

    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];

    public int Order => 10;

    public string Label => "办件";

    public long Planned(GenerationPlan plan) => plan.Cases;

    public async Task<long> GenerateAsync(GenerationRun run, CancellationToken ct)
    {
        var plan = run.Plan;
        var items = await ItemsAsync(ct);
        if (items.Count == 0 || plan.Cases == 0)
        {
            return 0;
        }

        var rules = await calendar.RulesAsync(ct);
        var days = GenerationRun.WorkingDaysOf(rules, plan.From, plan.To);
        var random = new Random(plan.Seed);

        // Popularity: the n-th item (in a seeded order) is asked for about 1/n^0.9 as often as the first.
        var order = items.OrderBy(_ => random.Next()).ToList();
        var weights = order.Select((_, i) => 1.0 / Math.Pow(i + 1, 0.9)).ToArray();
        var cumulative = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            cumulative[i] = total;
        }

        var span = plan.To.DayNumber - plan.From.DayNumber + 1;
        // Numbers unique across runs: the run's own prefix (seconds since 2026, base 36).
        var run32 = Convert.ToString(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1_767_225_600, 16).ToUpperInvariant();
        var progress = run.Progress(Label, plan.Cases);
        var batch = new List<Case>(plan.BatchSize);
        long n = 0;

        // Day by day, each day's applications in time order: the keys (time-ordered ids, numbers, dates) arrive in order and every
        // index grows at its end — ten million random inserts into SQLite's B-trees would read a page from disk each.
        for (var d = 0; d < span; d++)
        {
            var day = plan.From.AddDays(d);
            var count = (plan.Cases / span) + (d < plan.Cases % span ? 1 : 0);
            var working = days[days.OnOrAfter(day)] == day;
            var minutes = new int[count];
            for (var i = 0; i < count; i++)
            {
                minutes[i] = random.Next(working ? 540 : 900);
            }

            Array.Sort(minutes);
            foreach (var minute in minutes)
            {
                var pick = Array.BinarySearch(cumulative, random.NextDouble() * total);
                var item = order[pick < 0 ? ~pick : pick];
                var c = Make(item, plan, days, random, day, working, minute, n++, run32);
                batch.Add(c);
                if (c.AcceptedOn is not null)
                {
                    run.Facts.Count(CaseRecording.Event<CaseAccepted>(c) with { Status = nameof(CaseStatus.Accepted) });
                }

                if (c.Status == CaseStatus.Completed)
                {
                    run.Facts.Count(CaseRecording.Event<CaseCompleted>(c));
                    if (run.Closed.Count < plan.Ratings)
                    {
                        run.Closed.Add(new GeneratedService("case", c.Id, c.RegionCode, c.DepartmentCode, $"办件 {c.Number}（{c.ItemName}）",
                            Timestamps.AtChinaTime(c.CompletedOn!.Value, new TimeOnly(16, 0))));
                    }
                }

                if (batch.Count >= plan.BatchSize)
                {
                    await run.WriteAsync(batch, ct);
                    progress.Add(batch.Count);
                    batch.Clear();
                }
            }
        }

        await run.WriteAsync(batch, ct);
        progress.Add(batch.Count);
        progress.Finish();
        return progress.Done;
    }

    /// <summary>One application on <paramref name="day"/> at <paramref name="minute"/> past 08:30 (halls are closed on rest days: online only).</summary>
    private static Case Make(PublishedItem item, GenerationPlan plan, WorkingDays days, Random random, DateOnly day, bool working, int minute, long n, string run)
    {
        var channel = !working ? Channel.Online
            : random.NextDouble() switch { < 0.72 => Channel.Online, < 0.95 => Channel.Counter, < 0.985 => Channel.Assisted, _ => Channel.Postal };
        var submitted = Timestamps.AtChinaTime(day, new TimeOnly(8, 30).AddMinutes(minute));
        var person = item.AcceptsPersons || !item.AcceptsEnterprises;
        var name = person ? Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] : $"滨州市{Given[random.Next(Given.Length)]}{Surnames[random.Next(Surnames.Length)]}商贸有限公司";
        var code = person ? PersonCode(random) : "91371600MA" + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mobile = "13" + random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var c = Case.Submit(item, channel, new CaseApplicant(person ? "person" : "enterprise", name, code, mobile, null), GenerationPlan.Submitter, null,
            new Dictionary<string, string[]>(), [], submitted);
        c.Number = $"GEN{run}{n:D10}";

        // 不予受理 (1.5 %): never accepted.
        if (random.NextDouble() < 0.015)
        {
            c.Status = CaseStatus.Declined;
            c.DeclineReason = "不属于本机关职责范围";
            c.Outcome = "不予受理";
            return c;
        }

        var accepted = days.OnOrAfter(channel == Channel.Online && random.NextDouble() < 0.4 ? day.AddDays(1) : day);
        c.AcceptedOn = days[accepted];
        c.AcceptedAtOneWindow = !c.SoleApprover || random.NextDouble() < 0.9;
        c.HadCorrection = !c.Immediate && random.NextDouble() < 0.07;
        var due = days[accepted + c.CommittedDays];
        c.DueDate = due;
        var taken = c.Immediate ? 0
            : random.NextDouble() < 0.035 ? c.CommittedDays + 1 + random.Next(5)
            : (int)Math.Round(c.CommittedDays * Math.Pow(random.NextDouble(), 1.6));
        var finished = days[accepted + taken];
        if (finished > plan.To)
        {
            c.Status = CaseStatus.Accepted; // still running at the end of the period
            c.DeadlineState = due < plan.To ? DeadlineState.Overdue : DeadlineState.Normal;
            return c;
        }

        c.Status = CaseStatus.Completed;
        c.CompletedOn = finished;
        c.WorkingDaysTaken = taken;
        c.DeadlineState = finished > due ? DeadlineState.Overdue : DeadlineState.Normal;
        c.DecidedByName = c.Immediate ? "综合窗口（即办）" : "审批人员";
        c.DecisionOpinion = "符合条件，准予许可";
        c.Delivery = random.NextDouble() < 0.18 ? ResultDelivery.Post : ResultDelivery.Counter;
        c.Outcome = "办结（准予许可）";
        return c;
    }

    private static string PersonCode(Random random)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 55));
        var body = $"371602{birth:yyyyMMdd}{random.Next(1000):000}";
        return body + ResidentId.CheckCharacter(body);
    }

    /// <summary>Every published item of the city, its counties and its townships.</summary>
    private async Task<List<PublishedItem>> ItemsAsync(CancellationToken ct)
    {
        var regions = new[] { DemoCity.City, DemoCity.Bincheng, DemoCity.Huimin }.Concat(DemoCity.Townships.Select(t => t.Region));
        var items = new List<PublishedItem>();
        foreach (var region in regions)
        {
            foreach (var code in await catalog.CodesInRegionAsync(region, ct))
            {
                if (await catalog.CurrentAsync(code, ct) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }
}
