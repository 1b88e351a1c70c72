using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Features;

internal sealed record CallbackDay(DateOnly Date, int Tasks, int Called, int Reached);

internal sealed record SatisfactionRow(string Code, string Name, int Reached, int Satisfied, double? Rate);

internal sealed record TopicRow(string Topic, int Complaints);

/// <summary>The 回访 centre's figures for a period: what the leaders and the centre read (and export).</summary>
internal sealed record CallbackReport(
    DateOnly From, DateOnly To, int Tasks, int Called, int Reached, int Unreachable, int Refused, int WrongNumber, double? ReachRate, double? SatisfactionRate,
    IReadOnlyList<CallbackDay> Days, IReadOnlyList<SatisfactionRow> ByDepartment, IReadOnlyList<SatisfactionRow> ByRegion, IReadOnlyList<TopicRow> TopComplaints,
    IReadOnlyList<RectificationStats> Rectifications, int UnresolvedReports, int UnresolvedOpen, int UnresolvedFlagged);

/// <summary>
/// Callbacks made, reach rate (reached of those finished), satisfaction (基本满意 or better of those reached) by department and
/// county, the items complained about most, the rectifications of every source (open, overdue, closed, mean days to close),
/// and 办不成事; over the signed-in person's region. As JSON, CSV (one table after another) or XLSX (a sheet each).
/// </summary>
internal sealed class CallbackReports(AppDbContext db, IRectifications rectifications, IDepartmentDirectory departments, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<CallbackReport>> BuildAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var period = DateRanges.Check(from ?? today.AddDays(-29), to ?? today, 366);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var (first, last) = period.Value;
        var scope = Regions.Prefix(user.RegionCode);
        var rows = await db.Set<CallbackTask>().AsNoTracking().Where(t => t.ListDate >= first && t.ListDate <= last && t.RegionCode.StartsWith(scope))
            .Select(t => new { t.ListDate, t.Status, t.Attempts, t.Level, t.DepartmentCode, t.RegionCode, t.ItemName, t.RectificationId })
            .ToListAsync(ct);
        var reached = rows.Where(r => r.Status == CallbackStatus.Reached).ToList();
        var finished = rows.Count(r => r.Status != CallbackStatus.Pending);
        var names = await departments.NamesAsync(rows.Select(r => r.DepartmentCode).Distinct(), ct);
        string RegionName(string code) => Platform.IdentityCodes.DivisionRegistry.Shipped.Find(code)?.Name ?? code;
        SatisfactionRow Row(string code, string name, IEnumerable<int?> levels)
        {
            var l = levels.ToList();
            var ok = l.Count(x => x >= 3);
            return new SatisfactionRow(code, name, l.Count, ok, l.Count == 0 ? null : Math.Round((double)ok / l.Count, 4));
        }

        var reports = db.Set<UnresolvedReport>().AsNoTracking().Where(r => r.RegionCode.StartsWith(scope) && r.ReceivedAt >= Timestamps.AtChinaTime(first)
                                                                          && r.ReceivedAt < Timestamps.AtChinaTime(last.AddDays(1)));
        return new CallbackReport(
            first, last, rows.Count, rows.Count(r => r.Attempts > 0), reached.Count, rows.Count(r => r.Status == CallbackStatus.Unreachable),
            rows.Count(r => r.Status == CallbackStatus.Refused), rows.Count(r => r.Status == CallbackStatus.WrongNumber),
            finished == 0 ? null : Math.Round((double)reached.Count / finished, 4),
            reached.Count == 0 ? null : Math.Round((double)reached.Count(r => r.Level >= 3) / reached.Count, 4),
            [.. rows.GroupBy(r => r.ListDate).OrderBy(g => g.Key).Select(g => new CallbackDay(g.Key, g.Count(), g.Count(r => r.Attempts > 0), g.Count(r => r.Status == CallbackStatus.Reached)))],
            [.. reached.GroupBy(r => r.DepartmentCode).Select(g => Row(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Select(r => r.Level))).OrderByDescending(r => r.Reached)],
            [.. reached.GroupBy(r => r.RegionCode).Select(g => Row(g.Key, RegionName(g.Key), g.Select(r => r.Level))).OrderBy(r => r.Code, StringComparer.Ordinal)],
            [.. reached.Where(r => r.Level <= 2 || r.RectificationId is not null).GroupBy(r => r.ItemName ?? "（未指明事项）").Select(g => new TopicRow(g.Key, g.Count()))
                .OrderByDescending(t => t.Complaints).ThenBy(t => t.Topic, StringComparer.Ordinal).Take(10)],
            await rectifications.StatsAsync(scope, first, last, ct),
            await reports.CountAsync(ct), await reports.CountAsync(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.Taken, ct), await reports.CountAsync(r => r.Flagged, ct));
    }

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The report's tables: each a name and rows (header first), for CSV and XLSX alike.</summary>
    public static (string Name, IEnumerable<IReadOnlyList<string>> Rows)[] Tables(CallbackReport r) =>
    [
        ("回访概况", [["期间", "回访任务", "已拨打", "接通", "未接通", "拒访", "号码错误", "接通率", "满意率"],
            [$"{r.From:yyyy-MM-dd}—{r.To:yyyy-MM-dd}", N(r.Tasks), N(r.Called), N(r.Reached), N(r.Unreachable), N(r.Refused), N(r.WrongNumber), Percent(r.ReachRate), Percent(r.SatisfactionRate)]]),
        ("每日回访", [["日期", "任务", "已拨打", "接通"], .. r.Days.Select(d => (IReadOnlyList<string>)[d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), N(d.Tasks), N(d.Called), N(d.Reached)])]),
        ("部门满意度", [["部门", "接通", "满意", "满意率"], .. r.ByDepartment.Select(d => (IReadOnlyList<string>)[d.Name, N(d.Reached), N(d.Satisfied), Percent(d.Rate)])]),
        ("区县满意度", [["区县", "接通", "满意", "满意率"], .. r.ByRegion.Select(d => (IReadOnlyList<string>)[d.Name, N(d.Reached), N(d.Satisfied), Percent(d.Rate)])]),
        ("投诉较多的事项", [["事项", "不满意回访"], .. r.TopComplaints.Select(t => (IReadOnlyList<string>)[t.Topic, N(t.Complaints)])]),
        ("整改", [["来源", "新增", "未办结", "超期", "已办结", "平均办结天数"],
            .. r.Rectifications.Select(s => (IReadOnlyList<string>)[s.SourceLabel, N(s.Opened), N(s.Open), N(s.Overdue), N(s.Closed),
                s.MeanDaysToClose?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "—"])]),
    ];

    public static byte[] Csv(CallbackReport r)
    {
        var tables = Tables(r);
        var csv = new CsvText(["回访与整改报表"]);
        foreach (var (name, rows) in tables)
        {
            csv.Add([]).Add([name]);
            foreach (var row in rows)
            {
                csv.Add(row);
            }
        }

        return csv.ToBytes();
    }
}
