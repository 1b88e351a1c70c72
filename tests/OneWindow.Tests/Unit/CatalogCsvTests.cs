using System.Text;
using OneWindow.Modules.Catalog.Features;

namespace OneWindow.Tests.Unit;

/// <summary>The catalogue's CSV import (CsvHelper's parser) reports rows by the line a person sees in the file.</summary>
public sealed class CatalogCsvTests
{
    [Fact]
    public void A_record_spanning_two_lines_keeps_the_rows_after_it_numbered_as_in_the_file()
    {
        var header = string.Join(',', CatalogFiles.Columns);
        var blanks = new string(',', CatalogFiles.Columns.Length - 2);
        var csv = $"{header}\r\nXK-1,\"第一项\r\n续行\"{blanks}\r\nXK-2,第二项{blanks}\r\n";
        var read = CatalogFiles.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CatalogFormat.Csv);
        Assert.True(read.IsSuccess);
        Assert.Equal([2, 4], read.Value!.Select(r => r.Row));
        Assert.All(read.Value!, r => Assert.NotNull(r.Errors));
    }
}
