using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Cli;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Features;

/// <summary>
/// The generator's hall tickets (ADR 0026, decision 6): served tickets over the working days of the period in every hall, taken
/// through the day, waiting minutes drawn around the hall's usual (most within a quarter of an hour), served at a 综合窗口; each
/// first call counted by the rollups (<see cref="TicketCalled"/>).
/// </summary>
internal sealed class TicketGenerator(WorkingDayCalendar calendar) : IDataGenerator
{
    public int Order => 20;

    public string Label => "排队号";

    public long Planned(GenerationPlan plan) => plan.Tickets;

    public async Task<long> GenerateAsync(GenerationRun run, CancellationToken ct)
    {
        var plan = run.Plan;
        var halls = await run.Db.Set<Hall>().AsNoTracking().Where(h => !h.OpenEveryDay).OrderBy(h => h.RegionCode).ToListAsync(ct);
        var counters = await run.Db.Set<Counter>().AsNoTracking().Where(c => c.Kind == CounterKind.General).ToListAsync(ct);
        halls = [.. halls.Where(h => counters.Any(c => c.HallId == h.Id))];
        if (halls.Count == 0 || plan.Tickets == 0)
        {
            return 0;
        }

        var days = GenerationRun.WorkingDaysOf(await calendar.RulesAsync(ct), plan.From, plan.To);
        var workingDays = Enumerable.Range(days.OnOrAfter(plan.From), Math.Max(0, days.OnOrAfter(plan.To.AddDays(1)) - days.OnOrAfter(plan.From))).Select(i => days[i]).ToList();
        if (workingDays.Count == 0)
        {
            return 0;
        }

        // Above any sequence already used in the period (a second run over the same days does not collide).
        var start = 1 + (await run.Db.Set<QueueTicket>().Where(t => t.Day >= plan.From && t.Day <= plan.To).MaxAsync(t => (int?)t.Sequence, ct) ?? 0);
        var random = new Random(plan.Seed + 1);
        var perDay = (int)Math.Ceiling((double)plan.Tickets / (workingDays.Count * halls.Count));
        var progress = run.Progress(Label, plan.Tickets);
        var batch = new List<QueueTicket>(plan.BatchSize);
        long made = 0;
        foreach (var day in workingDays)
        {
            foreach (var hall in halls)
            {
                var general = counters.Where(c => c.HallId == hall.Id).ToList();
                var group = hall.Groups.FirstOrDefault()?.Code ?? "A";
                for (var i = 0; i < perDay && made < plan.Tickets; i++, made++)
                {
                    var counter = general[random.Next(general.Count)];
                    var issued = Timestamps.AtChinaTime(day, hall.OpensAt.AddMinutes(random.Next(Math.Max(1, (int)(hall.ClosesAt - hall.OpensAt).TotalMinutes - 30))));
                    var wait = Math.Round(-Math.Log(1 - random.NextDouble()) * 9, 1); // exponential, mean 9 minutes
                    var called = issued.AddMinutes(wait);
                    var sequence = start + i;
                    var t = new QueueTicket
                    {
                        Id = Guid.CreateVersion7(issued), HallId = hall.Id, RegionCode = hall.RegionCode, Day = day, GroupCode = group, Sequence = sequence,
                        Number = $"{group}{sequence:000}", Channel = TicketChannel.Kiosk, Status = TicketStatus.Done, IssuedAt = issued, FirstCalledAt = called,
                        CalledAt = called, CounterId = counter.Id, CounterNumber = counter.Number, StartedAt = called.AddMinutes(1),
                        FinishedAt = called.AddMinutes(4 + random.Next(15)), DepartmentCode = counter.DepartmentCode, AccessCode = Guid.NewGuid().ToString("N")[..24],
                    };
                    batch.Add(t);
                    run.Facts.Count(new TicketCalled(t.Id, hall.Id, hall.RegionCode, counter.DepartmentCode, day, t.WaitMinutes ?? 0));
                    if (batch.Count >= plan.BatchSize)
                    {
                        await run.WriteAsync(batch, ct);
                        progress.Add(batch.Count);
                        batch.Clear();
                    }
                }
            }
        }

        await run.WriteAsync(batch, ct);
        progress.Add(batch.Count);
        progress.Finish();
        return progress.Done;
    }
}
