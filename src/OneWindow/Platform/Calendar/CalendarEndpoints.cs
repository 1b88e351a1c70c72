using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Platform.Calendar;

public sealed record DueDateResponse(DateOnly DueDate, DateOnly From, int WorkingDays);

public sealed record CalendarYearSummary(int Year, int Holidays, int MakeUpDays);

public static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("工作日历");

        group.MapGet("/due-date", DueDate)
            .WithSummary("承诺时限到期日：从 from 起算 workingDays 个工作日（起算日不计）");

        group.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
        {
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<CalendarDay>().GroupBy(d => d.Year)
                    .Select(g => new CalendarYearSummary(g.Key, g.Count(d => d.IsOffDay), g.Count(d => !d.IsOffDay))), ct);
            var years = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<CalendarYear>().Select(y => y.Year), ct);
            return TypedResults.Ok(years.Order().Select(y => rows.FirstOrDefault(r => r.Year == y) ?? new CalendarYearSummary(y, 0, 0)).ToList());
        }).WithName("listCalendarYears").WithSummary("已导入的年度");

        group.MapGet("/{year:int}", async Task<Results<Ok<CalendarYearDocument>, ProblemHttpResult>> (
            int year, AppDbContext db, WorkingDayCalendar calendar, CancellationToken ct) =>
        {
            var doc = await calendar.GetYearAsync(db, year, ct);
            return doc is null
                ? Error.NotFound("calendar:year-not-found", $"{year} 年的节假日安排尚未导入").ToProblem()
                : TypedResults.Ok(doc);
        }).WithSummary("某年的节假日与调休上班日");

        group.MapPut("/{year:int}", async Task<Results<Ok<CalendarYearDocument>, ProblemHttpResult>> (
            int year, CalendarYearDocument body, AppDbContext db, AuditTrail audit, ICurrentUser user,
            WorkingDayCalendar calendar, CancellationToken ct) =>
        {
            var saved = await calendar.SaveYearAsync(db, audit, user, year, body, ct);
            return saved.IsSuccess ? TypedResults.Ok(saved.Value!) : saved.Error!.ToProblem();
        }).RequireAuthorization(Policies.Admin).WithSummary("替换某年的安排（管理员）；带 version 时旧版本返回 409");
    }

    /// <summary>Query values arrive as text so that a bad one is answered field by field, in Chinese.</summary>
    private static async Task<Results<Ok<DueDateResponse>, ProblemHttpResult>> DueDate(
        string? from, string? workingDays, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var errors = new FieldErrors();
        DateOnly start = default;
        var days = 0;
        if (string.IsNullOrWhiteSpace(from))
        {
            errors.Add("from", "请提供起算日期 from（格式 yyyy-MM-dd）");
        }
        else if (!DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            errors.Add("from", $"“{Clip(from)}”不是有效日期，格式应为 yyyy-MM-dd");
        }
        else if (DateRanges.CheckDay(start, "from") is { } outside)
        {
            errors.Add("from", outside.Fields!["from"][0]);
        }

        if (string.IsNullOrWhiteSpace(workingDays))
        {
            errors.Add("workingDays", "请提供工作日天数 workingDays");
        }
        else if (!int.TryParse(workingDays.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out days)
                 || days < 0 || days > CalendarRules.MaxWorkingDays)
        {
            errors.Add("workingDays", $"工作日天数应为 0 到 {CalendarRules.MaxWorkingDays} 之间的整数");
        }

        if (errors.Any)
        {
            return errors.ToError().ToProblem();
        }

        var rules = await calendar.RulesAsync(ct);
        var due = rules.AddWorkingDays(start, days);
        return due.IsSuccess ? TypedResults.Ok(new DueDateResponse(due.Value, start, days)) : due.Error!.ToProblem();
    }

    private static string Clip(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
