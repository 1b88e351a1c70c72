using System.Text;

namespace OneWindow.Platform;

/// <summary>
/// CSV as Excel in China opens it: UTF-8 with a byte-order mark, CRLF lines, fields quoted when they
/// hold a comma, quote or line break. The one way exports write CSV (case queue, catalogue, hall tickets).
/// </summary>
public sealed class CsvText
{
    private readonly StringBuilder _text = new();

    public CsvText(IEnumerable<string> header) => Add(header);

    public CsvText Add(IEnumerable<string> cells)
    {
        _text.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
        return this;
    }

    public static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public const string ContentType = "text/csv; charset=utf-8";
}
