using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Delivery.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Printing;

namespace OneWindow.Modules.Delivery.Features;

internal sealed record SettlementBand(string Band, string BandLabel, decimal UnitFee, int Pieces, int Delivered, int Returned, int Lost, int Late, decimal Gross, decimal Deduction, decimal Net);

internal sealed record SettlementLine(
    string WaybillNumber, string CaseNumber, string Band, string Status, DateTimeOffset FinishedAt, DateOnly? DueOn, bool Late, decimal Fee, decimal Deduction, decimal Net);

internal sealed record SettlementReport(
    string Month, string Carrier, string CarrierName, IReadOnlyList<SettlementBand> Bands, int Pieces, decimal Gross, decimal Deduction, decimal Net, decimal LateDeductionRate,
    IReadOnlyList<SettlementLine> Lines);

/// <summary>
/// 政府买单: the month's settlement per carrier over the pieces that reached their end in the month (China time) — per piece by
/// distance band, less the quality deduction: a piece signed for or returned after its due date loses the configured share, a lost
/// piece is paid nothing. As JSON, XLSX and a printable PDF.
/// </summary>
internal sealed class Settlements(AppDbContext db, IOptions<DeliveryOptions> options, ICurrentUser user)
{
    public async Task<Result<SettlementReport>> MonthAsync(string month, string? carrierCode, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || DateRanges.CheckDay(first, "month") is not null)
        {
            return Error.Field("month", "月份格式应为 yyyy-MM（如 2026-12）");
        }

        var o = options.Value;
        var carrier = string.IsNullOrWhiteSpace(carrierCode) ? o.Carriers[0] : o.Carrier(carrierCode.Trim());
        if (carrier is null)
        {
            return Error.Field("carrier", $"承运单位应为：{string.Join("、", o.Carriers.Select(c => $"{c.Code}（{c.Name}）"))}");
        }

        if (!DeliveryAccess.ReadsAll(user) && !DeliveryAccess.IsCarrierStaff(user, carrier))
        {
            return Error.Forbidden("settlement:not-yours", "结算单只对政务服务管理部门、系统管理员和承运单位开放");
        }

        var (start, end) = (Timestamps.AtChinaTime(first), Timestamps.AtChinaTime(first.AddMonths(1)));
        var pieces = await db.Set<Shipment>().AsNoTracking().Where(s => s.Carrier == carrier.Code && s.FinishedAt >= start && s.FinishedAt < end)
            .OrderBy(s => s.FinishedAt).ToListAsync(ct);
        var lines = pieces.Select(s =>
        {
            var finished = s.FinishedAt!.Value;
            var late = s.Status != ShipmentStatus.Lost && s.DueOn is { } due && DateOnly.FromDateTime(Timestamps.InChina(finished).DateTime) > due;
            var deduction = s.Status == ShipmentStatus.Lost ? s.Fee : late ? Math.Round(s.Fee * o.LateDeduction, 2) : 0m;
            return (s, new SettlementLine(s.WaybillNumber, s.CaseNumber, s.Band is { } b ? Shipment.Label(b) : "", Shipment.Label(s.Status), finished, s.DueOn, late, s.Fee, deduction,
                s.Fee - deduction));
        }).ToList();
        var bands = Enum.GetValues<DistanceBand>().Select(b =>
        {
            var of = lines.Where(l => l.s.Band == b).ToList();
            return new SettlementBand(b.InJson(), Shipment.Label(b), o.FeeOf(b), of.Count, of.Count(l => l.s.Status == ShipmentStatus.Delivered),
                of.Count(l => l.s.Status == ShipmentStatus.Returned), of.Count(l => l.s.Status == ShipmentStatus.Lost), of.Count(l => l.Item2.Late),
                of.Sum(l => l.Item2.Fee), of.Sum(l => l.Item2.Deduction), of.Sum(l => l.Item2.Net));
        }).ToList();
        return new SettlementReport(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), carrier.Code, carrier.Name, bands, lines.Count, bands.Sum(b => b.Gross),
            bands.Sum(b => b.Deduction), bands.Sum(b => b.Net), o.LateDeduction, [.. lines.Select(l => l.Item2)]);
    }

    private static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    public static (string Name, IEnumerable<IReadOnlyList<string>> Rows)[] Tables(SettlementReport r) =>
    [
        ("按距离档汇总", new IReadOnlyList<string>[] { ["距离档", "单价（元）", "件数", "签收", "退回", "遗失", "超时", "应付（元）", "扣减（元）", "实付（元）"] }
            .Concat(r.Bands.Select(b => (IReadOnlyList<string>)[b.BandLabel, Money(b.UnitFee), $"{b.Pieces}", $"{b.Delivered}", $"{b.Returned}", $"{b.Lost}", $"{b.Late}",
                Money(b.Gross), Money(b.Deduction), Money(b.Net)]))
            .Append(["合计", "", $"{r.Pieces}", "", "", "", "", Money(r.Gross), Money(r.Deduction), Money(r.Net)])),
        ("明细", new IReadOnlyList<string>[] { ["运单号", "办件编号", "距离档", "结果", "完成时间", "应达日期", "超时", "资费", "扣减", "实付"] }
            .Concat(r.Lines.Select(l => (IReadOnlyList<string>)[l.WaybillNumber, l.CaseNumber, l.Band, l.Status, $"{Timestamps.InChina(l.FinishedAt):yyyy-MM-dd HH:mm}",
                $"{l.DueOn:yyyy-MM-dd}", l.Late ? "是" : "否", Money(l.Fee), Money(l.Deduction), Money(l.Net)]))),
    ];

    public static byte[] Pdf(SettlementReport r, DateTimeOffset printedAt)
    {
        const double width = SimplePdf.A4Width;
        const double height = SimplePdf.A4Height;
        const double left = 48;
        var pdf = new SimplePdf();
        var page = pdf.AddPage();
        page.TextCentered(width / 2, height - 72, 18, $"政邮商寄递服务费结算单（{r.Month}）");
        page.TextCentered(width / 2, height - 96, 11, $"承运单位：{r.CarrierName}　　超时扣减比例 {r.LateDeductionRate:P0}，遗失不付费");
        double[] columns = [left, left + 60, left + 120, left + 165, left + 210, left + 255, left + 300, left + 345, left + 410, left + 470];
        string[] head = ["距离档", "单价", "件数", "签收", "退回", "遗失", "超时", "应付", "扣减", "实付"];
        var y = height - 136;
        for (var i = 0; i < head.Length; i++)
        {
            page.Text(columns[i], y, 11, head[i]);
        }

        page.Line(left, y - 6, width - left, y - 6);
        foreach (var b in r.Bands)
        {
            y -= 22;
            string[] cells = [b.BandLabel, Money(b.UnitFee), $"{b.Pieces}", $"{b.Delivered}", $"{b.Returned}", $"{b.Lost}", $"{b.Late}", Money(b.Gross), Money(b.Deduction), Money(b.Net)];
            for (var i = 0; i < cells.Length; i++)
            {
                page.Text(columns[i], y, 11, cells[i]);
            }
        }

        y -= 10;
        page.Line(left, y, width - left, y);
        y -= 20;
        page.Text(left, y, 12, $"合计 {r.Pieces} 件　应付 ¥{Money(r.Gross)}　扣减 ¥{Money(r.Deduction)}　实付 ¥{Money(r.Net)}");
        y -= 36;
        page.Text(left, y, 10, "明细（运单号　办件编号　距离档　结果　完成日期　超时　实付）");
        foreach (var l in r.Lines.Take(40))
        {
            y -= 15;
            page.Text(left, y, 9, $"{l.WaybillNumber}　{l.CaseNumber}　{l.Band}　{l.Status}　{Timestamps.InChina(l.FinishedAt):yyyy-MM-dd}　{(l.Late ? "超时" : "")}　¥{Money(l.Net)}");
        }

        if (r.Lines.Count > 40)
        {
            page.Text(left, y - 15, 9, $"……其余 {r.Lines.Count - 40} 件见 XLSX 明细");
        }

        page.Text(left, 110, 11, "政务服务管理部门（盖章）：");
        page.Text(width / 2, 110, 11, "承运单位（盖章）：");
        page.TextCentered(width / 2, 56, 9, $"打印时间 {Timestamps.InChina(printedAt):yyyy-MM-dd HH:mm}");
        return pdf.ToBytes($"政邮商结算单 {r.Month} {r.Carrier}", printedAt);
    }
}
