using System.Collections;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace OneWindow.Platform.Printing;

/// <summary>
/// A small PDF writer for the platform's printouts (licences today; notices later). Chinese text uses
/// the standard Adobe-GB1 font STSong-Light with the predefined UniGB-UCS2-H encoding, which every PDF
/// reader in China substitutes with an installed Song face, plus a ToUnicode map so the text can be
/// searched, copied and extracted. Pages, text, lines, frames and QR codes drawn as vector squares
/// (crisp at any printer resolution). ADR 0011 says why not PDFsharp.
/// </summary>
public sealed class SimplePdf
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    private readonly List<PdfCanvas> _pages = [];

    public PdfCanvas AddPage()
    {
        var page = new PdfCanvas();
        _pages.Add(page);
        return page;
    }

    public byte[] ToBytes(string title, DateTimeOffset created)
    {
        // Objects: 1 catalog, 2 page tree, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, 7 info, then page + contents pairs.
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(' ', _pages.Select((_, i) => $"{8 + (2 * i)} 0 R"))}] /Count {_pages.Count} >>"),
            Ascii("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"),
            Ascii("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> " +
                  "/FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>"),
            Ascii("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"),
            Stream(ToUnicodeMap),
            Ascii($"<< /Title <{Utf16Hex(title)}> /Producer (OneWindow) /CreationDate (D:{created.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}Z) >>"),
        };
        for (var i = 0; i < _pages.Count; i++)
        {
            var contents = 9 + (2 * i);
            objects.Add(Ascii(FormattableString.Invariant(
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4Width} {A4Height}] /Resources << /Font << /F1 3 0 R >> >> /Contents {contents} 0 R >>")));
            objects.Add(Stream(_pages[i].Content));
        }

        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }

        var xref = pdf.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(pdf, table.ToString());
        return pdf.ToArray();
    }

    /// <summary>Codes are UCS-2, so each maps to itself: 256 ranges of 256, at most 100 per block.</summary>
    private static readonly string ToUnicodeMap = BuildToUnicode();

    private static string BuildToUnicode()
    {
        var sb = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        sb.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        sb.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (var start = 0; start < 256; start += 100)
        {
            var count = Math.Min(100, 256 - start);
            sb.Append(CultureInfo.InvariantCulture, $"{count} beginbfrange\n");
            for (var hi = start; hi < start + count; hi++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<{hi:X2}00> <{hi:X2}FF> <{hi:X2}00>\n");
            }

            sb.Append("endbfrange\n");
        }

        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return sb.ToString();
    }

    private static byte[] Stream(string content)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(Encoding.ASCII.GetBytes(content));
        }

        var head = Ascii($"<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
        var tail = Ascii("\nendstream");
        return [.. head, .. compressed.ToArray(), .. tail];
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static void Write(Stream s, string text) => s.Write(Encoding.Latin1.GetBytes(text));

    private static string Utf16Hex(string text) => "FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text));
}

/// <summary>One page's drawing operations; coordinates in points from the bottom-left corner.</summary>
public sealed class PdfCanvas
{
    private readonly StringBuilder _ops = new();

    internal string Content => _ops.ToString();

    /// <summary>Width of text in the page font: Chinese (full-width) characters one em, ASCII half an em.</summary>
    public static double Width(string text, double size) => text.Sum(c => c < 0x80 ? 0.5 : 1.0) * size;

    public void Text(double x, double y, double size, string text) =>
        _ops.Append(CultureInfo.InvariantCulture, $"BT /F1 {size:0.##} Tf {x:0.##} {y:0.##} Td <{Codes(text)}> Tj ET\n");

    public void TextCentered(double centerX, double y, double size, string text) => Text(centerX - (Width(text, size) / 2), y, size, text);

    /// <summary>Breaks text into lines no wider than maxWidth (any character may start a line, as in Chinese typesetting).</summary>
    public static IReadOnlyList<string> Wrap(string text, double size, double maxWidth)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var c in text)
        {
            if (line.Length > 0 && Width(line.ToString() + c, size) > maxWidth)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(c);
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    public void Line(double x1, double y1, double x2, double y2, double width = 0.8) =>
        _ops.Append(CultureInfo.InvariantCulture, $"{width:0.##} w {x1:0.##} {y1:0.##} m {x2:0.##} {y2:0.##} l S\n");

    public void Frame(double x, double y, double w, double h, double width = 0.8) =>
        _ops.Append(CultureInfo.InvariantCulture, $"{width:0.##} w {x:0.##} {y:0.##} {w:0.##} {h:0.##} re S\n");

    /// <summary>Draws a one-dimensional barcode: one bar of the given height per dark module, <paramref name="module"/> points wide.</summary>
    public void Bars(BitArray bars, double x, double y, double module, double height)
    {
        _ops.Append("0 g\n");
        for (var i = 0; i < bars.Length; i++)
        {
            if (!bars[i])
            {
                continue;
            }

            var start = i;
            while (i + 1 < bars.Length && bars[i + 1])
            {
                i++;
            }

            _ops.Append(CultureInfo.InvariantCulture, $"{x + (start * module):0.###} {y:0.###} {(i - start + 1) * module:0.###} {height:0.###} re\n");
        }

        _ops.Append("f\n");
    }

    /// <summary>Draws a module matrix (e.g. a QR code, rows top to bottom) as black squares filling a square of the given size.</summary>
    public void Modules(IReadOnlyList<BitArray> rows, double x, double y, double size)
    {
        var module = size / rows.Count;
        _ops.Append("0 g\n");
        for (var r = 0; r < rows.Count; r++)
        {
            var top = y + size - ((r + 1) * module);
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (!rows[r][c])
                {
                    continue;
                }

                // One rectangle per run of dark modules in the row.
                var start = c;
                while (c + 1 < rows[r].Length && rows[r][c + 1])
                {
                    c++;
                }

                _ops.Append(CultureInfo.InvariantCulture, $"{x + (start * module):0.###} {top:0.###} {(c - start + 1) * module:0.###} {module:0.###} re\n");
            }
        }

        _ops.Append("f\n");
    }

    /// <summary>UCS-2 codes as hex; characters outside the Basic Multilingual Plane print as a white square.</summary>
    private static string Codes(string text)
    {
        var sb = new StringBuilder(text.Length * 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                i++;
                c = '\u25A1';
            }

            sb.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
