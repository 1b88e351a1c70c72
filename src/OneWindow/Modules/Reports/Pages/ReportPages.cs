using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Reports.Features;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Reports.Pages;

/// <summary>What the 大屏 and the analyst page show: the figures, their trend per day, and the groups people compare.</summary>
internal sealed record ReportScreen(ReportFilter Filter, Overview Total, IReadOnlyList<BreakdownRow> Days, IReadOnlyList<BreakdownRow> Regions, IReadOnlyList<BreakdownRow> Departments,
    DateTimeOffset At);

/// <summary>The pages' shared reading of the filter (the same as the API's).</summary>
[Authorize(Policy = Policies.Reports)]
internal abstract class ReportPage(CityFigures figures, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    public ReportScreen? Screen { get; private set; }

    protected CityFigures Figures => figures;

    protected async Task<ReportScreen?> LoadAsync(CancellationToken ct)
    {
        var filter = ReportFilter.Parse(From, To, Region, Department, null, clock.TodayInChina());
        if (!filter.IsSuccess)
        {
            Refused(filter.Error!);
            filter = ReportFilter.Parse(null, null, null, null, null, clock.TodayInChina());
        }

        var f = filter.Value!;
        var days = (await figures.BreakdownAsync(f, "day", ct)).Value!;
        var regions = (await figures.BreakdownAsync(f, "region", ct)).Value!;
        var departments = (await figures.BreakdownAsync(f, "department", ct)).Value!;
        Screen = new ReportScreen(f, days.Total, Fill(days.Rows, f), regions.Rows, departments.Rows, clock.GetUtcNow());
        return Screen;
    }

    /// <summary>Every day of the period on the trend, a day without any figures as zeros (a gap is news too).</summary>
    private static List<BreakdownRow> Fill(IReadOnlyList<BreakdownRow> rows, ReportFilter f)
    {
        var byKey = rows.ToDictionary(r => r.Key);
        var empty = CityFigures.Figures(new CityFigures.Sums(), []);
        var list = new List<BreakdownRow>();
        for (var d = f.From; d <= f.To; d = d.AddDays(1))
        {
            var key = d.ToString("yyyy-MM-dd");
            list.Add(byKey.GetValueOrDefault(key) ?? new BreakdownRow(key, key, empty));
        }

        return list;
    }
}

/// <summary>大屏: the city's figures on a 1920×1080 wall, dark, refreshing itself every minute (and every five without JavaScript).</summary>
internal sealed class WallModel(CityFigures figures, TimeProvider clock) : ReportPage(figures, clock)
{
    /// <summary>Seconds between refreshes (5 to 3600; a minute by default).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Refresh { get; set; }

    public int RefreshSeconds => Math.Clamp(Refresh ?? 60, 5, 3600);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The same figures for the wall's own refresh.</summary>
    public async Task<IActionResult> OnGetFiguresAsync(CancellationToken ct) => new JsonResult(await LoadAsync(ct));
}

/// <summary>统计分析: filters, the figures, the trend, a breakdown by day, region, department or item, CSV/XLSX export and the monthly PDF.</summary>
internal sealed class AnalysisModel(CityFigures figures, IDepartmentDirectory departments, TimeProvider clock) : ReportPage(figures, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public Breakdown? Table { get; private set; }

    public IReadOnlyList<DepartmentInfo> DepartmentChoices { get; private set; } = [];

    public static readonly (string Key, string Label)[] Sorts =
        [("received", "受理量"), ("completed", "办结量"), ("onTime", "按时办结率"), ("avgDays", "平均办理时长"), ("satisfaction", "满意率"), ("key", "编码/日期")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var screen = await LoadAsync(ct);
        DepartmentChoices = [.. (await departments.SearchAsync(null, null, 1, 500, ct)).Items.OrderBy(d => d.RegionCode, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal)];
        var table = await Figures.BreakdownAsync(screen!.Filter, By ?? "department", ct);
        if (!table.IsSuccess)
        {
            Refused(table.Error!);
            table = await Figures.BreakdownAsync(screen.Filter, "department", ct);
            By = "department";
        }

        var t = table.Value!;
        IEnumerable<BreakdownRow> rows = t.Rows;
        rows = Sort switch
        {
            "completed" => rows.OrderByDescending(r => r.Figures.Completed),
            "onTime" => rows.OrderByDescending(r => r.Figures.OnTimeRate ?? -1),
            "avgDays" => rows.OrderByDescending(r => r.Figures.AvgWorkingDays ?? -1),
            "satisfaction" => rows.OrderByDescending(r => r.Figures.Satisfaction ?? -1),
            "key" => rows.OrderBy(r => r.Key, StringComparer.Ordinal),
            _ => rows,
        };
        Table = t with { Rows = [.. rows] };
    }

    /// <summary>The query string of the current filter (for the export links).</summary>
    public string Query(string? by = null, string? format = null)
    {
        var f = Screen!.Filter;
        var q = $"from={f.From:yyyy-MM-dd}&to={f.To:yyyy-MM-dd}&by={Uri.EscapeDataString(by ?? Table?.By ?? "department")}";
        q += f.Region is { } r ? "&region=" + Uri.EscapeDataString(r) : "";
        q += f.Department is { } d ? "&department=" + Uri.EscapeDataString(d) : "";
        return format is null ? q : q + "&format=" + format;
    }
}
