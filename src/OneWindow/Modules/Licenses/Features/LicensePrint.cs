using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Printing;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>
/// The printable licence (打印件): an A4 page with the licence's facts in Chinese and the link QR, which
/// a phone's camera opens on /verify carrying the signed string, so the paper is checked against the
/// register like the screen. A person's ID number is masked on paper; an enterprise's code is public.
/// </summary>
internal static class LicensePrint
{
    /// <summary>The /verify address carrying the licence's 扫码亮证 string.</summary>
    public static string VerifyLink(string baseUrl, License l) => $"{baseUrl.TrimEnd('/')}/verify?payload={Uri.EscapeDataString(l.QrPayload)}";

    /// <summary>The status a person reads (wallet and printout): 有效, 已暂扣, 已吊销 or 已过期.</summary>
    public static string StatusText(License l, DateOnly today) => l.Status switch
    {
        LicenseStatus.Suspended => "已暂扣",
        LicenseStatus.Revoked => "已吊销",
        _ when l.ValidUntil is { } until && until < today => "已过期",
        _ => "有效",
    };

    public static string Validity(License l) => l.ValidUntil is null
        ? $"{l.ValidFrom:yyyy年M月d日} 起长期有效"
        : $"{l.ValidFrom:yyyy年M月d日} 至 {l.ValidUntil:yyyy年M月d日}";

    public static byte[] Pdf(License l, string verifyLink, DateTimeOffset printedAt)
    {
        const double width = SimplePdf.A4Width;
        const double height = SimplePdf.A4Height;
        const double labelX = 92;
        const double valueX = 212;
        const double size = 13;
        var pdf = new SimplePdf();
        var page = pdf.AddPage();
        page.Frame(34, 34, width - 68, height - 68, 2.4);
        page.Frame(42, 42, width - 84, height - 84, 0.7);
        page.TextCentered(width / 2, height - 128, 30, l.TypeName);
        page.TextCentered(width / 2, height - 154, 11, "（电子证照打印件）");

        var issued = Timestamps.InChina(l.IssuedAt);
        var code = l.HolderKind == "enterprise" ? l.HolderCode : Mask.IdentityCode(l.HolderCode);
        List<(string Label, string Value)> rows =
        [
            ("证照编号", l.LicenseNumber),
            ("持证主体", l.HolderName),
            (l.HolderKind == "enterprise" ? "统一社会信用代码" : "身份证件号码", code),
            // Key fields that only repeat the holder's name or code are not printed twice.
            .. l.Fields.Where(f => f.Value != l.HolderName && f.Value != code && f.Value != l.HolderCode).Select(f => (f.Key, f.Value)),
            ("有效期限", Validity(l)),
            ("发证机关", l.IssuerName),
            ("签发日期", $"{issued:yyyy年M月d日}"),
        ];
        var y = height - 205;
        foreach (var (label, value) in rows)
        {
            page.Text(labelX, y, size, label);
            // A code (the licence number) is shrunk to stay on one line; Chinese text wraps.
            const double room = width - valueX - 64;
            var fit = value.All(char.IsAscii) ? Math.Max(8, Math.Min(size, size * room / PdfCanvas.Width(value, size))) : size;
            foreach (var line in PdfCanvas.Wrap(value, fit, room))
            {
                page.Text(valueX, y, fit, line);
                y -= size + 9;
            }

            y -= 5;
        }

        const double qrSize = 180;
        using var qr = QrImages.LinkData(verifyLink);
        page.Modules(qr.ModuleMatrix, (width - qrSize) / 2, 128, qrSize);
        page.TextCentered(width / 2, 112, 11, "用手机扫描二维码，核验真伪与当前状态");
        var printed = Timestamps.InChina(printedAt);
        page.TextCentered(width / 2, 74, 9, $"打印时间 {printed:yyyy-MM-dd HH:mm}　打印时状态：{StatusText(l, DateOnly.FromDateTime(printed.DateTime))}　本打印件以扫码核验结果为准");
        return pdf.ToBytes($"{l.TypeName} {l.HolderName}", printedAt);
    }
}
