using System.Globalization;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Printing;

namespace OneWindow.Modules.Reports.Features;

/// <summary>The figures as people take them away: CSV and XLSX tables, and the monthly report on paper (PDF).</summary>
internal static class ReportExports
{
    /// <summary>The figures' names as the tables head them, in the API's order.</summary>
    public static readonly string[] Heads =
        ["受理量", "办结量", "网办率", "一窗受理率", "一次办成率", "按时办结率", "平均办理时长（工作日）", "P90 办理时长（工作日）", "即办/秒批占比", "平均等候（分钟）", "满意率", "12345 工单", "工单按时办结率", "回访量"];

    public static string Percent(double? share) => share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "—";

    public static string Number(double? value, string format = "0.##") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static IReadOnlyList<string> Cells(Overview o) =>
    [
        o.Received.ToString(CultureInfo.InvariantCulture), o.Completed.ToString(CultureInfo.InvariantCulture), Percent(o.OnlineShare), Percent(o.OneWindowShare),
        Percent(o.DoneInOneVisitShare), Percent(o.OnTimeRate), Number(o.AvgWorkingDays), o.P90WorkingDays?.ToString(CultureInfo.InvariantCulture) ?? "—",
        Percent(o.InstantShare), Number(o.AvgWaitMinutes, "0.0"), Percent(o.Satisfaction), o.WorkOrders.ToString(CultureInfo.InvariantCulture),
        Percent(o.WorkOrdersOnTime), o.Callbacks.ToString(CultureInfo.InvariantCulture),
    ];

    private static string GroupHead(string by) => by switch { "day" => "日期", "region" => "地区", "department" => "部门", _ => "事项" };

    private static IEnumerable<IReadOnlyList<string>> Table(Breakdown b) =>
        [
            [GroupHead(b.By), "编码", .. Heads],
            .. b.Rows.Select(r => (IReadOnlyList<string>)[r.Name, r.Key, .. Cells(r.Figures)]),
            ["合计", "", .. Cells(b.Total)],
        ];

    public static byte[] Csv(Breakdown b)
    {
        var rows = Table(b).ToList();
        var csv = new CsvText(rows[0]);
        foreach (var row in rows.Skip(1))
        {
            csv.Add(row);
        }

        return csv.ToBytes();
    }

    public static byte[] Xlsx(Breakdown b) => XlsxText.Write(($"按{GroupHead(b.By)}", Table(b)));

    public static string FileName(Breakdown b, string extension) => $"政务服务统计-按{GroupHead(b.By)}-{b.Filter.From:yyyyMMdd}-{b.Filter.To:yyyyMMdd}.{extension}";

    /// <summary>
    /// 政务服务月报: the month's figures, a bar for each day's 受理 and 办结, and the departments' table — what a bureau files and
    /// sends to the city's leaders on paper.
    /// </summary>
    public static byte[] MonthlyPdf(string title, string scope, Breakdown byDay, Breakdown byDepartment, DateTimeOffset printedAt)
    {
        const double width = SimplePdf.A4Width;
        const double height = SimplePdf.A4Height;
        const double left = 48;
        var pdf = new SimplePdf();
        var page = pdf.AddPage();
        page.TextCentered(width / 2, height - 64, 18, title);
        page.TextCentered(width / 2, height - 86, 10, $"{scope}　统计期 {byDay.Filter.From:yyyy-MM-dd} 至 {byDay.Filter.To:yyyy-MM-dd}");

        // The figures, two columns of seven.
        var cells = Cells(byDay.Total);
        var y = height - 120;
        for (var i = 0; i < Heads.Length; i++)
        {
            var x = i < 7 ? left : (width / 2) + 8;
            var row = y - ((i % 7) * 20);
            page.Text(x, row, 11, Heads[i]);
            page.Text(x + 170, row, 11, cells[i]);
        }

        // 受理 (thick) and 办结 (thin) per day.
        y -= (7 * 20) + 24;
        page.Text(left, y, 12, "每日受理量与办结量（粗线：受理，细线：办结）");
        var chartBottom = y - 150;
        page.Line(left, chartBottom, width - left, chartBottom);
        var days = byDay.Rows;
        var peak = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => Math.Max(d.Figures.Received, d.Figures.Completed)));
        var step = (width - (2 * left)) / Math.Max(1, days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            var x = left + (i * step) + (step / 2);
            var received = 130.0 * days[i].Figures.Received / peak;
            var completed = 130.0 * days[i].Figures.Completed / peak;
            if (received > 0)
            {
                page.Line(x - (step * 0.15), chartBottom, x - (step * 0.15), chartBottom + received, Math.Max(1, step * 0.3));
            }

            if (completed > 0)
            {
                page.Line(x + (step * 0.15), chartBottom, x + (step * 0.15), chartBottom + completed, Math.Max(0.5, step * 0.12));
            }

            if (days.Count <= 31 && (i % 5 == 0 || i == days.Count - 1))
            {
                page.Text(x - 6, chartBottom - 12, 7, days[i].Key[8..]);
            }
        }

        page.Text(left, chartBottom + 136, 8, $"最高 {peak}");

        // The departments.
        y = chartBottom - 40;
        page.Text(left, y, 12, "各部门");
        double[] columns = [left, left + 190, left + 240, left + 290, left + 350, left + 420];
        string[] head = ["部门", "受理", "办结", "按时办结率", "平均时长", "满意率"];
        y -= 20;
        for (var i = 0; i < head.Length; i++)
        {
            page.Text(columns[i], y, 10, head[i]);
        }

        page.Line(left, y - 5, width - left, y - 5);
        foreach (var d in byDepartment.Rows.Take(22))
        {
            y -= 18;
            string[] row = [d.Name.Length > 16 ? d.Name[..16] : d.Name, d.Figures.Received.ToString(CultureInfo.InvariantCulture), d.Figures.Completed.ToString(CultureInfo.InvariantCulture),
                Percent(d.Figures.OnTimeRate), Number(d.Figures.AvgWorkingDays), Percent(d.Figures.Satisfaction)];
            for (var i = 0; i < row.Length; i++)
            {
                page.Text(columns[i], y, 10, row[i]);
            }
        }

        page.Text(left, 40, 8, $"OneWindow 一窗通办 · 由统计汇总表生成 · 打印于 {Timestamps.InChina(printedAt):yyyy-MM-dd HH:mm}");
        return pdf.ToBytes(title, printedAt);
    }
}
