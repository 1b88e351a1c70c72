using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Platform.Calendar.Pages;

/// <summary>Administrators view, edit and import a year's holidays and make-up days. Same handler as the API.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CalendarAdminModel(AppDbContext db, WorkingDayCalendar calendar, AuditTrail audit, ICurrentUser user, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public CalendarYearDocument? Document { get; private set; }

    public string Lines { get; private set; } = "";

    public string? Saved { get; private set; }

    public string? ErrorTitle { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct) => await LoadAsync(year, ct);

    public async Task<IActionResult> OnPostSaveAsync(int? year, string? lines, int? version, string? source, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        var days = new List<CalendarDayDocument>();
        var lineNumber = 0;
        foreach (var raw in (lines ?? "").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || parts[2] is not ("休" or "班"))
            {
                Errors.Add($"第 {lineNumber} 行“{line}”格式应为：日期 名称 休|班");
                continue;
            }

            days.Add(new CalendarDayDocument(date, parts[1], parts[2] == "休"));
        }

        if (Errors.Count > 0)
        {
            ErrorTitle = "未保存：请修改以下各行";
            Lines = lines ?? "";
            Response.StatusCode = 400;
            return Page();
        }

        return await SaveAsync(new CalendarYearDocument(Year, source, days, version), lines, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(int? year, IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        if (file is null || file.Length == 0 || file.Length > 256 * 1024)
        {
            ErrorTitle = "未导入";
            Errors.Add("请选择不超过 256 KB 的 JSON 文件");
            Response.StatusCode = 400;
            return Page();
        }

        CalendarYearDocument doc;
        try
        {
            await using var stream = file.OpenReadStream();
            doc = WorkingDayCalendar.ParseDocument(stream);
        }
        catch (System.Text.Json.JsonException)
        {
            ErrorTitle = "未导入";
            Errors.Add("文件不是有效的节假日 JSON（应含 year、days[]，每天有 date、name、isOffDay）");
            Response.StatusCode = 400;
            return Page();
        }

        Year = doc.Year;
        return await SaveAsync(doc with { Version = null }, null, ct);
    }

    private async Task<IActionResult> SaveAsync(CalendarYearDocument doc, string? lines, CancellationToken ct)
    {
        Result<CalendarYearDocument> saved;
        try
        {
            saved = await calendar.SaveYearAsync(db, audit, user, doc.Year, doc, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            saved = Error.StaleWrite;
        }

        if (!saved.IsSuccess)
        {
            ErrorTitle = saved.Error!.Title;
            Errors.AddRange(saved.Error.Fields?.SelectMany(f => f.Value) ?? []);
            Lines = lines ?? Lines;
            Response.StatusCode = Web.Problems.StatusOf(saved.Error.Kind);
            return Page();
        }

        TempData["saved"] = $"已保存 {doc.Year} 年安排：{doc.Days.Count(d => d.IsOffDay)} 个放假日，{doc.Days.Count(d => !d.IsOffDay)} 个调休上班日。";
        return Redirect($"/admin/calendar/{doc.Year}");
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Years = await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct);
        Year = year ?? (Years.Contains(clock.TodayInChina().Year) ? clock.TodayInChina().Year : Years.LastOrDefault(clock.TodayInChina().Year));
        if (Year is < 2000 or > 2100)
        {
            Year = clock.TodayInChina().Year;
        }

        Document = await calendar.GetYearAsync(db, Year, ct);
        var text = new StringBuilder();
        foreach (var d in Document?.Days ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd} {d.Name} {(d.IsOffDay ? "休" : "班")}\n");
        }

        Lines = text.ToString();
        Saved = TempData["saved"] as string;
    }
}
