using QRCoder;

namespace OneWindow.Platform.Printing;

/// <summary>
/// QR images. The 扫码亮证 string itself: error correction Q; an LC1 string is all alphanumeric, so
/// QRCoder uses alphanumeric mode. The link QR (a /verify address carrying the string, for a phone's
/// camera and for paper): byte mode, error correction M.
/// </summary>
public static class QrImages
{
    public static QRCodeData Data(string text)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
    }

    public static QRCodeData LinkData(string url)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
    }

    public static byte[] Png(string text, int pixelsPerModule = 6)
    {
        using var data = Data(text);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static byte[] LinkPng(string url, int pixelsPerModule = 4)
    {
        using var data = LinkData(url);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string text)
    {
        using var data = Data(text);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
