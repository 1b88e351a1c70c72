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

    public static string Quote(string cell)
    {
        cell = Neutralise(cell);
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    /// <summary>
    /// CSV injection (OWASP): a cell a spreadsheet would run as a formula (starting with = + - @, tab or CR), such as an
    /// applicant named <c>=cmd|' /C calc'!A0</c>, is written as text behind an apostrophe. Plain numbers (-3, +86) stay as they are.
    /// </summary>
    public static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public const string ContentType = "text/csv; charset=utf-8";
}
