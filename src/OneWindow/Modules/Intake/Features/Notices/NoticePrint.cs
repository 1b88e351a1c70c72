using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Printing;

namespace OneWindow.Modules.Intake.Features.Notices;

/// <summary>
/// A notice as an A4 PDF (platform writer, ADR 0011): title, number, the body as issued, the department and the date
/// under its e-seal, and the QR code that opens /verify with the sealed string, so the paper is checked like a licence.
/// </summary>
internal static class NoticePrint
{
    public static string VerifyLink(string baseUrl, CaseNotice n) => $"{baseUrl.TrimEnd('/')}/verify?payload={Uri.EscapeDataString(n.Payload)}";

    public static byte[] Pdf(CaseNotice n, string verifyLink, DateTimeOffset printedAt)
    {
        const double width = SimplePdf.A4Width;
        const double height = SimplePdf.A4Height;
        const double left = 72;
        const double size = 12.5;
        var pdf = new SimplePdf();
        var page = pdf.AddPage();
        page.TextCentered(width / 2, height - 96, 14, n.IssuerName);
        page.TextCentered(width / 2, height - 128, 22, n.Title);
        page.TextCentered(width / 2, height - 152, 10.5, $"文书编号：{n.DocumentNumber}");
        page.Line(left, height - 162, width - left, height - 162);
        var y = height - 192;
        foreach (var paragraph in n.Paragraphs)
        {
            // The salutation stands alone; other paragraphs are indented by two characters, as official documents are.
            var text = paragraph.EndsWith('：') && paragraph.Length < 60 ? paragraph : "　　" + paragraph;
            foreach (var line in PdfCanvas.Wrap(text, size, width - (2 * left)))
            {
                page.Text(left, y, size, line);
                y -= size + 8;
            }

            y -= 4;
        }

        var issued = Timestamps.InChina(n.IssuedAt);
        y = Math.Min(y - 16, 300);
        page.Text(width - left - PdfCanvas.Width(n.IssuerName, size), y, size, n.IssuerName);
        page.Text(width - left - PdfCanvas.Width($"{issued:yyyy年M月d日}", size), y - size - 8, size, $"{issued:yyyy年M月d日}");
        page.Text(width - left - PdfCanvas.Width("（电子印章）", 10), y - (2 * (size + 8)), 10, "（电子印章）");

        const double qrSize = 120;
        using var qr = QrImages.LinkData(verifyLink);
        page.Modules(qr.ModuleMatrix, left, 96, qrSize);
        page.Text(left + qrSize + 14, 170, 10, "扫描二维码核验本文书的电子印章与编号");
        page.Text(left + qrSize + 14, 154, 10, $"办件编号 {n.CaseNumber}");
        var printed = Timestamps.InChina(printedAt);
        page.TextCentered(width / 2, 60, 9, $"打印时间 {printed:yyyy-MM-dd HH:mm}　本文书以电子印章核验结果为准");
        return pdf.ToBytes($"{n.Title} {n.DocumentNumber}", printedAt);
    }
}
