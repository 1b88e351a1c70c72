using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OneWindow.Platform;

/// <summary>
/// XLSX workbooks (Open XML, inline strings, cells neutralised as CSV ones are unless asked not to): the one way exports write XLSX (catalogue,
/// callback reports). Each sheet is a name and its rows, the first row the header.
/// </summary>
public static class XlsxText
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(params (string Name, IEnumerable<IReadOnlyList<string>> Rows)[] sheets) => Write(true, sheets);

    /// <summary>Without neutralising: for files made to be read back as they were written (the catalogue's round trip).</summary>
    public static byte[] Write(bool neutralise, params (string Name, IEnumerable<IReadOnlyList<string>> Rows)[] sheets)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = new Sheets();
            uint id = 0;
            foreach (var (name, rows) in sheets)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint r = 0;
                foreach (var cells in rows)
                {
                    r++;
                    var row = new Row { RowIndex = r };
                    foreach (var value in cells)
                    {
                        row.Append(new Cell
                        {
                            DataType = CellValues.InlineString, InlineString = new InlineString(new Text(neutralise ? CsvText.Neutralise(value) : value) { Space = SpaceProcessingModeValues.Preserve }),
                        });
                    }

                    data.Append(row);
                }

                sheetPart.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = ++id, Name = name });
            }

            workbook.Workbook.AppendChild(list);
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }
}
