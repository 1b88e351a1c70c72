using QRCoder;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>QR images of a 扫码亮证 string: error correction Q; an LC1 string is all alphanumeric, so QRCoder uses alphanumeric mode.</summary>
public static class QrImages
{
    public static QRCodeData Data(string text)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
    }

    public static byte[] Png(string text, int pixelsPerModule = 6)
    {
        using var data = Data(text);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string text)
    {
        using var data = Data(text);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
