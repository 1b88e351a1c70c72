using OneWindow.Modules.Inspections.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Printing;

namespace OneWindow.Modules.Inspections.Features;

/// <summary>
/// The 勘验报告 as an A4 PDF: the case, the mode and site, the checklist with findings, the evidence (photos with time and place;
/// for a remote one the session, the recording and the applicant's locations, and the travel saved), the conclusion under the
/// department's e-seal, and the QR code that opens /verify with the sealed string.
/// </summary>
internal static class InspectionPrint
{
    public static string VerifyLink(string baseUrl, string payload) => $"{baseUrl.TrimEnd('/')}/verify?payload={Uri.EscapeDataString(payload)}";

    public static byte[] Pdf(Inspection i, string departmentName, string verifyLink, DateTimeOffset printedAt)
    {
        const double width = SimplePdf.A4Width;
        const double height = SimplePdf.A4Height;
        const double left = 64;
        const double size = 11;
        var pdf = new SimplePdf();
        var page = pdf.AddPage();
        var title = Inspection.Label(i.Mode) + "报告";
        page.TextCentered(width / 2, height - 80, 14, departmentName);
        page.TextCentered(width / 2, height - 110, 22, title);
        page.TextCentered(width / 2, height - 132, 10.5, $"报告编号：{i.ReportNumber}");
        page.Line(left, height - 142, width - left, height - 142);
        var y = height - 166;
        void Line(string text, double s = size)
        {
            foreach (var l in PdfCanvas.Wrap(text, s, width - (2 * left)))
            {
                page.Text(left, y, s, l);
                y -= s + 6;
            }
        }

        Line($"办件编号：{i.CaseNumber}　　事项：{i.ItemName}");
        Line($"申请人：{i.ApplicantName}");
        Line($"勘验地点：{i.SiteAddress}（{i.Site.Lat:0.00000}, {i.Site.Lng:0.00000}）");
        Line($"勘验方式：{Inspection.Label(i.Mode)}　　开始：{Timestamps.InChina(i.OpenedAt):yyyy-MM-dd HH:mm}（{i.OpenedByName}）");
        if (i.Mode == InspectionMode.Remote)
        {
            Line($"视频连线：{i.VideoLink}　　录像文件：{i.RecordingFileId:N}");
            foreach (var l in i.Locations.Take(5))
            {
                Line($"申请人手机位置：{l.Lat:0.00000}, {l.Lng:0.00000}（{Timestamps.InChina(l.At):HH:mm:ss}，距勘验地点 {Inspection.Kilometres(new GeoPoint(l.Lat, l.Lng), i.Site) * 1000:0} 米）", 10);
            }

            Line($"远程勘验节约往返里程：{i.DistanceSavedKm:0.0} 公里");
        }

        y -= 6;
        Line("勘验要点：");
        foreach (var c in i.Checklist)
        {
            Line($"　{(c.Ok ? "☑ 符合" : "☒ 不符合")}　{c.Point}{(string.IsNullOrEmpty(c.Note) ? "" : "：" + c.Note)}", 10.5);
        }

        if (i.Photos.Count > 0)
        {
            Line($"现场照片 {i.Photos.Count} 张：", 10.5);
            foreach (var p in i.Photos.Take(8))
            {
                Line($"　{Timestamps.InChina(p.TakenAt):yyyy-MM-dd HH:mm:ss}　({p.Lat:0.00000}, {p.Lng:0.00000})　{p.Caption}", 10);
            }
        }

        y -= 6;
        Line($"勘验情况：{i.Findings}");
        Line($"勘验结论：{(i.Conclusion is { } c2 ? Inspection.Label(c2) : "")}", 13);

        var concluded = Timestamps.InChina(i.ConcludedAt ?? printedAt);
        y = Math.Min(y - 16, 280);
        page.Text(width - left - PdfCanvas.Width(departmentName, size), y, size, departmentName);
        page.Text(width - left - PdfCanvas.Width($"{concluded:yyyy年M月d日}", size), y - size - 8, size, $"{concluded:yyyy年M月d日}");
        page.Text(width - left - PdfCanvas.Width("（电子印章）", 10), y - (2 * (size + 8)), 10, "（电子印章）");
        page.Text(width - left - PdfCanvas.Width($"勘验人：{i.ConcludedByName}", 10), y - (3 * (size + 8)), 10, $"勘验人：{i.ConcludedByName}");

        const double qrSize = 120;
        using var qr = QrImages.LinkData(verifyLink);
        page.Modules(qr.ModuleMatrix, left, 90, qrSize);
        page.Text(left + qrSize + 14, 164, 10, "扫描二维码核验本报告的电子印章与编号");
        page.Text(left + qrSize + 14, 148, 10, $"报告编号 {i.ReportNumber}");
        page.TextCentered(width / 2, 56, 9, $"打印时间 {Timestamps.InChina(printedAt):yyyy-MM-dd HH:mm}　本报告以电子印章核验结果为准");
        return pdf.ToBytes($"{title} {i.ReportNumber}", printedAt);
    }
}
