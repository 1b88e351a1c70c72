using System.Collections;
using OneWindow.Modules.Delivery.Contracts;
using OneWindow.Modules.Delivery.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Printing;

namespace OneWindow.Modules.Delivery.Features;

/// <summary>
/// Waybill numbers in the UPU S10 form the postal service uses (two letters, eight digits, the MOD 11 check digit, CN), and the
/// printable waybill (面单) for the 政邮商 window: an A4 PDF with the number as a Code 128 barcode the carrier's scanners read.
/// </summary>
internal static class Waybills
{
    private static readonly int[] Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    /// <summary>The S10 check digit of eight serial digits.</summary>
    public static int CheckDigit(string serial)
    {
        var sum = serial.Select((c, i) => (c - '0') * Weights[i]).Sum();
        var check = 11 - (sum % 11);
        return check switch { 10 => 0, 11 => 5, _ => check };
    }

    /// <summary>A waybill number from the carrier's prefix and a serial (the day's number within the last thousand days, then the day's sequence).</summary>
    public static string Number(string prefix, DateOnly day, long sequence)
    {
        var serial = $"{day.DayNumber % 1000:D3}{sequence % 100_000:D5}";
        return $"{prefix}{serial}{CheckDigit(serial)}CN";
    }

    public static bool IsValid(string number) =>
        number.Length == 13 && number[..2].All(char.IsAsciiLetterUpper) && number[2..10].All(char.IsAsciiDigit) && number[11..] == "CN"
        && number[10] - '0' == CheckDigit(number[2..10]);

    /// <summary>The waybill's bars: Code 128 (ZXing's encoder), quiet zones included.</summary>
    public static BitArray Bars(string number) => new(new ZXing.OneD.Code128Writer().encode(number));

    public static byte[] Pdf(Shipment s, string carrierName, string senderName, DateTimeOffset printedAt)
    {
        const double width = SimplePdf.A4Width;
        const double height = SimplePdf.A4Height;
        const double left = 60;
        var pdf = new SimplePdf();
        var page = pdf.AddPage();
        page.Frame(left - 12, height - 480, width - (2 * left) + 24, 440, 1.2);
        page.Text(left, height - 70, 18, carrierName);
        page.Text(width - left - PdfCanvas.Width("政务服务 统一出件", 12), height - 68, 12, "政务服务 统一出件");
        var bars = Bars(s.WaybillNumber);
        const double module = 1.6;
        page.Bars(bars, left + 10, height - 170, module, 70);
        page.Text(left + 10, height - 188, 14, s.WaybillNumber);
        page.Line(left - 12, height - 204, width - left + 12, height - 204);
        var y = height - 230;
        void Row(string label, string value, double size = 12)
        {
            page.Text(left, y, size, label);
            foreach (var line in PdfCanvas.Wrap(value, size, width - (2 * left) - 80))
            {
                page.Text(left + 80, y, size, line);
                y -= size + 6;
            }

            y -= 4;
        }

        Row("收件人", $"{s.Recipient}　{s.Mobile}", 14);
        Row("收件地址", s.AddressLine.Length > 0 ? s.AddressLine : "（待确认）", 13);
        Row("寄件人", senderName);
        Row("办件编号", $"{s.CaseNumber}　{s.ItemName}");
        Row("内件", string.Join("；", s.Items));
        Row("资费", s.Band is { } b ? $"{Shipment.Label(b)} ¥{s.Fee:0.00}（政府买单，收件人无需付费）" : "待确认地址后计费");
        page.TextCentered(width / 2, height - 500, 9, $"打印时间 {Timestamps.InChina(printedAt):yyyy-MM-dd HH:mm}　请收件人当面验视后签收");
        return pdf.ToBytes($"运单 {s.WaybillNumber}", printedAt);
    }
}

/// <summary>The default courier: the postal staff's own pages. Waybills are allocated here; the staff record the scans (/postal, the scan API).</summary>
internal sealed class PostalStaffCourier(string carrier) : ICourierAdapter
{
    public string Carrier => carrier;

    public bool StaffRecordScans => true;

    public Task<string> BookAsync(CourierBooking booking, string suggestedWaybill, CancellationToken ct) => Task.FromResult(suggestedWaybill);

    public Task<IReadOnlyList<CourierScan>> ScansSinceAsync(string waybillNumber, DateTimeOffset? since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CourierScan>>([]);
}
