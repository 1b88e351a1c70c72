using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// A working day's worth of cases 办结 on the previous working day (by the calendar, at first start), so the 回访 centre's
/// first list is not empty: people who applied at the counter (no account), two with 补正, one 容缺 and one late. Numbered
/// from the day counters like every case; each grant is recorded as it happened (licences, 审管联动 and 文书 follow from it).
/// </summary>
internal sealed class CaseDemoHistory(
    AppDbContext db, ICatalogQueries catalog, WorkingDayCalendar calendar, Platform.Audit.AuditTrail audit, TimeProvider clock, IOptions<IntakeOptions> options) : IDemoSeeder
{
    public int Order => 45;

    public const string DemoSubmitter = "demo-history";

    private static readonly (string Item, string Name, string Mobile, bool Correction, bool Deferral, bool Late)[] Cases =
    [
        ("XK-SCJ-001", "刘建国", "13805430101", false, false, false),
        ("XK-SCJ-002", "王淑芬", "13805430102", true, false, false),
        ("XK-SCJ-003", "陈志强", "13805430103", false, false, false),
        ("XK-HBJ-001", "赵丽娟", "13805430104", false, false, true),
        ("XK-JTJ-001", "孙海涛", "13805430105", false, false, false),
        ("XK-RSJ-001", "周晓燕", "13805430106", true, false, false),
        ("GG-GAJ-001", "吴国庆", "13805430107", false, false, false),
        ("GG-YBJ-001", "郑美玲", "13805430108", false, false, false),
        ("XK-MZJ-001", "冯德明", "13805430109", false, true, false),
        ("GG-SWJ-001", "褚红梅", "13805430110", false, false, false),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Case>().AnyAsync(c => c.SubmittedById == DemoSubmitter, ct))
        {
            return;
        }

        var rules = await calendar.RulesAsync(ct);
        if (rules.WorkingDaysBefore(clock.TodayInChina()) is not { IsSuccess: true } previous)
        {
            return;
        }

        var day = previous.Value;

        var random = new Random(20261206);
        var made = new List<Case>();
        foreach (var (code, name, mobile, correction, deferral, late) in Cases)
        {
            if (await catalog.CurrentAsync(code, ct) is not { } item)
            {
                continue;
            }

            var acceptedOn = rules.WorkingDaysBefore(day, Math.Max(1, late ? item.Definition.CommittedDays + 2 : Math.Min(item.Definition.CommittedDays, 3)));
            var due = acceptedOn.IsSuccess ? rules.AddWorkingDays(acceptedOn.Value, item.Definition.CommittedDays) : acceptedOn;
            if (!due.IsSuccess)
            {
                continue;
            }

            var accepted = acceptedOn.Value;
            var submitted = new DateTimeOffset(accepted.ToDateTime(new TimeOnly(9 + random.Next(7), random.Next(60))), TimeSpan.FromHours(8)).ToUniversalTime();
            var seq = 6 + random.Next(9000);
            var idCode = $"371602{1960 + random.Next(40)}{1 + random.Next(12):00}{1 + random.Next(28):00}{seq % 1000:000}";
            var c = Case.Submit(item, Channel.Counter, new CaseApplicant("person", name, idCode + Platform.IdentityCodes.ResidentId.CheckCharacter(idCode), mobile, null), DemoSubmitter,
                null, new Dictionary<string, string[]>(), [], submitted);
            c.Status = CaseStatus.Completed;
            c.AcceptedOn = accepted;
            c.DueDate = due.Value;
            c.DeadlineState = late ? DeadlineState.Overdue : DeadlineState.Normal;
            c.HadCorrection = correction;
            c.PledgeDueDate = deferral ? day : null;
            c.PledgeFulfilledOn = deferral ? day : null;
            c.Delivery = ResultDelivery.Counter;
            c.Outcome = deferral ? Case.CompletedWithDeferral : "办结（准予许可）";
            c.CompletedOn = day;
            c.AcceptedAtOneWindow = true;
            c.WorkingDaysTaken = Case.WorkingDaysBetween(rules, accepted, day, []);
            made.Add(c);
        }

        foreach (var group in made.GroupBy(c => c.AcceptedOn!.Value))
        {
            foreach (var (c, number) in group.Zip(await CaseNumbers.NextAsync(db, options.Value.NumberFormat, DemoCity.City, group.Key, group.Count(), ct)))
            {
                c.Number = number;
                db.Add(c);
                // Their acceptance, grant and 办结 are history too: the licences are issued, the supervising departments hear of them (审管联动)
                // and the city's figures count them.
                CaseRecording.Record(audit, c, CaseRecording.Event<Contracts.CaseAccepted>(c) with { Status = nameof(CaseStatus.Accepted) });
                CaseRecording.Record<Contracts.CaseGranted>(audit, c);
                CaseRecording.Record<Contracts.CaseCompleted>(audit, c);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
