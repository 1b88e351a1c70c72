using OneWindow.Platform;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Data;
using OneWindow.Modules.Catalog.Domain;

namespace OneWindow.Modules.Catalog.Features;

internal enum CatalogFormat
{
    Json,
    Csv,
    Xlsx,
}

internal sealed record CatalogExport(string Format, int Version, DateTimeOffset ExportedAt, IReadOnlyList<ItemDocument> Items);

/// <summary>
/// The whole catalogue as a file: JSON (the exact definitions), or a table (CSV, XLSX) with one row
/// per item, scalar fields as columns and materials and form as JSON cells, so every format
/// round-trips exactly. Row numbers in reports are the file's own (the header is row 1).
/// </summary>
internal static class CatalogFiles
{
    public static readonly string[] Columns =
    [
        "code", "name", "kind", "department", "region", "applicantType", "caseType", "statutoryDays", "committedDays", "fee",
        "legalBasis", "conditions", "visitsRequired", "onlineDepth", "licenseType", "flow", "allowsDeferral", "allowsPledge",
        "supervisingDepartment", "lifeEvents", "keywords", "location", "phone", "materials", "form", "pledgeConsequence", "supplementDays", "dutySplit", "instantRules",
    ];

    /// <summary>Columns added after the first format: a file without them still imports, with the defaults.</summary>
    private static readonly string[] LaterColumns = ["pledgeConsequence", "supplementDays", "dutySplit", "instantRules"];

    private static readonly JsonSerializerOptions Indented = new(ServiceItemConfiguration.Json) { WriteIndented = true };

    public static CatalogFormat? FormatOf(string? nameOrFormat) => (Path.GetExtension(nameOrFormat ?? "") is { Length: > 0 } ext ? ext[1..] : nameOrFormat)?.ToLowerInvariant() switch
    {
        "json" => CatalogFormat.Json,
        "csv" => CatalogFormat.Csv,
        "xlsx" => CatalogFormat.Xlsx,
        _ => null,
    };

    public static (string ContentType, string Extension) Describe(CatalogFormat format) => format switch
    {
        CatalogFormat.Json => ("application/json", "json"),
        CatalogFormat.Csv => ("text/csv; charset=utf-8", "csv"),
        CatalogFormat.Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    };

    public static byte[] Write(IReadOnlyList<ItemDocument> items, CatalogFormat format, DateTimeOffset now) => format switch
    {
        CatalogFormat.Json => JsonSerializer.SerializeToUtf8Bytes(new CatalogExport("onewindow-catalog", 1, now, items), Indented),
        CatalogFormat.Csv => WriteCsv(items),
        CatalogFormat.Xlsx => WriteXlsx(items),
    };

    /// <summary>Most rows an import file may hold (the whole catalogue of a city is a few thousand items).</summary>
    public const int MaxRows = 10_000;

    /// <summary>An XLSX is a zip: what its parts may expand to in all, and how many parts it may have, checked before any is read.</summary>
    public const long MaxXlsxExpandedBytes = 40L * 1024 * 1024;

    public const int MaxXlsxEntries = 200;

    private static Error Unreadable(string why) => Error.Field("file", why);

    /// <summary>The rows of an import file, or why the file as a whole cannot be read (malformed, a zip bomb, too many rows).</summary>
    public static Result<IReadOnlyList<(int Row, ItemDocument? Item, IReadOnlyDictionary<string, string[]>? Errors)>> Read(Stream stream, CatalogFormat format)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        if (format == CatalogFormat.Xlsx && CheckXlsx(copy.ToArray()) is { } refused)
        {
            return refused;
        }

        copy.Position = 0;
        try
        {
            var rows = format switch
            {
                CatalogFormat.Json => ReadJson(copy),
                CatalogFormat.Csv => ReadTable(ReadCsv(copy)),
                CatalogFormat.Xlsx => ReadTable(ReadXlsx(copy)),
            };
            if (rows.Count > MaxRows)
            {
                return Unreadable($"文件最多 {MaxRows} 行，本文件有 {rows.Count} 行，请分批导入");
            }

            return rows;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // Whatever a malformed file makes a parser throw, the person gets one clear sentence, never a 500 or a stuck job.
            return Unreadable(format switch
            {
                CatalogFormat.Xlsx => "文件不是有效的 Excel（.xlsx）文件，或已损坏",
                CatalogFormat.Csv => "文件不是有效的 CSV（UTF-8）文件",
                CatalogFormat.Json => "文件不是有效的 JSON 文件",
            });
        }
    }

    /// <summary>
    /// Refuses an XLSX from its zip directory alone, before anything is expanded: too many parts, or parts that would
    /// expand beyond <see cref="MaxXlsxExpandedBytes"/> (a 1 MB file expanding to 1 GB is refused in milliseconds).
    /// </summary>
    public static Error? CheckXlsx(byte[] content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxXlsxEntries)
            {
                return Unreadable($"Excel 文件内部部件过多（{zip.Entries.Count} 个），不予读取");
            }

            var expanded = zip.Entries.Sum(e => e.Length);
            return expanded > MaxXlsxExpandedBytes
                ? Unreadable($"Excel 文件解压后将达 {expanded / 1024 / 1024} MB，超过 {MaxXlsxExpandedBytes / 1024 / 1024} MB 上限，不予读取")
                : null;
        }
        catch (InvalidDataException)
        {
            return Unreadable("文件不是有效的 Excel（.xlsx）文件，或已损坏");
        }
    }

    private static List<(int, ItemDocument?, IReadOnlyDictionary<string, string[]>?)> ReadJson(Stream stream)
    {
        var rows = new List<(int, ItemDocument?, IReadOnlyDictionary<string, string[]>?)>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException)
        {
            rows.Add((1, null, One("file", "文件不是有效的 JSON")));
            return rows;
        }

        using (document)
        {
            var items = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("items", out var list) ? list : document.RootElement;
            if (items.ValueKind != JsonValueKind.Array)
            {
                rows.Add((1, null, One("items", "应为事项数组，或含 items 数组的对象")));
                return rows;
            }

            var row = 0;
            foreach (var element in items.EnumerateArray())
            {
                row++;
                try
                {
                    rows.Add((row, element.Deserialize<ItemDocument>(ServiceItemConfiguration.Json), null));
                }
                catch (JsonException ex)
                {
                    rows.Add((row, null, One(ex.Path ?? "item", "内容格式有误：" + ex.Message)));
                }
            }
        }

        return rows;
    }

    private static Dictionary<string, string[]> One(string field, string message) => new Dictionary<string, string[]> { [field] = [message] };

    private static string[] ToRow(ItemDocument d) =>
    [
        d.Code, d.Name, ServiceItemKinds.Code(d.Kind), d.Department, d.Region, Name(d.ApplicantType), Name(d.CaseType),
        Int(d.StatutoryDays), Int(d.CommittedDays), d.Fee, d.LegalBasis, d.Conditions, Int(d.VisitsRequired), Int(d.OnlineDepth),
        d.LicenseType ?? "", Name(d.Flow), Bool(d.AllowsDeferral), Bool(d.AllowsPledge), d.SupervisingDepartment ?? "",
        d.LifeEvents, d.Keywords, d.Location, d.Phone,
        JsonSerializer.Serialize(d.Materials, ServiceItemConfiguration.Json), JsonSerializer.Serialize(d.Form, ServiceItemConfiguration.Json),
        Name(d.PledgeConsequence), Int(d.SupplementDays), d.DutySplit, JsonSerializer.Serialize(d.InstantRules, ServiceItemConfiguration.Json),
    ];

    private static string Name<T>(T value) where T : struct, Enum => value.InJson();

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool v) => v ? "true" : "false";

    private static List<(int, ItemDocument?, IReadOnlyDictionary<string, string[]>?)> ReadTable(List<(int Row, string[] Cells)> table)
    {
        var result = new List<(int, ItemDocument?, IReadOnlyDictionary<string, string[]>?)>();
        if (table.Count == 0)
        {
            result.Add((1, null, One("file", "文件为空")));
            return result;
        }

        var header = table[0].Cells.Select(c => c.Trim()).ToList();
        var missing = Columns.Where(c => !header.Contains(c) && !LaterColumns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            result.Add((table[0].Row, null, One("header", "缺少列：" + string.Join("、", missing))));
            return result;
        }

        foreach (var (row, cells) in table.Skip(1))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var errors = new Dictionary<string, string[]>();
            string Cell(string column)
            {
                var i = header.IndexOf(column);
                return i >= 0 && i < cells.Length ? cells[i] : "";
            }

            int Number(string column)
            {
                if (int.TryParse(Cell(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                errors[column] = ["应为整数"];
                return 0;
            }

            bool Flag(string column)
            {
                switch (Cell(column).Trim().ToLowerInvariant())
                {
                    case "true" or "是" or "1":
                        return true;
                    case "false" or "否" or "0" or "":
                        return false;
                    default:
                        errors[column] = ["应为 true 或 false"];
                        return false;
                }
            }

            TEnum Choice<TEnum>(string column) where TEnum : struct, Enum
            {
                if (Enum.TryParse<TEnum>(Cell(column).Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(Cell(column), out _))
                {
                    return v;
                }

                errors[column] = [$"应为 {string.Join("、", Enum.GetValues<TEnum>().Select(e => Name(e)))} 之一"];
                return default;
            }

            T Json<T>(string column, T fallback)
            {
                try
                {
                    return JsonSerializer.Deserialize<T>(Cell(column), ServiceItemConfiguration.Json) ?? fallback;
                }
                catch (JsonException ex)
                {
                    errors[column] = ["JSON 格式有误：" + ex.Message];
                    return fallback;
                }
            }

            var kind = ServiceItemKinds.Parse(Cell("kind"));
            if (kind is null)
            {
                errors["kind"] = ["事项类型应为国家类型代码，如 01、07、20"];
            }

            var item = new ItemDocument
            {
                Code = Cell("code").Trim(), Name = Cell("name"), Kind = kind ?? ServiceItemKind.Other, Department = Cell("department").Trim(),
                Region = Cell("region").Trim(), ApplicantType = Choice<ApplicantType>("applicantType"), CaseType = Choice<CaseType>("caseType"),
                StatutoryDays = Number("statutoryDays"), CommittedDays = Number("committedDays"), Fee = Cell("fee"),
                LegalBasis = Cell("legalBasis"), Conditions = Cell("conditions"), VisitsRequired = Number("visitsRequired"),
                OnlineDepth = Number("onlineDepth"), LicenseType = Cell("licenseType") is { Length: > 0 } l ? l : null,
                Flow = Choice<ApprovalFlow>("flow"), AllowsDeferral = Flag("allowsDeferral"), AllowsPledge = Flag("allowsPledge"),
                SupervisingDepartment = Cell("supervisingDepartment") is { Length: > 0 } s ? s : null,
                LifeEvents = Cell("lifeEvents"), Keywords = Cell("keywords"), Location = Cell("location"), Phone = Cell("phone"),
                Materials = Json<List<Material>>("materials", []), Form = Json("form", new FormSchema()),
                PledgeConsequence = Cell("pledgeConsequence").Length > 0 ? Choice<PledgeConsequence>("pledgeConsequence") : default,
                SupplementDays = Cell("supplementDays").Length > 0 ? Number("supplementDays") : new ItemDocument().SupplementDays,
                DutySplit = Cell("dutySplit"),
                InstantRules = Cell("instantRules").Length > 0 ? Json<List<InstantRule>>("instantRules", []) : [],
            };
            result.Add((row, item, errors.Count > 0 ? errors : null));
        }

        return result;
    }

    // --- CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the Chinese text) ---

    private static byte[] WriteCsv(IReadOnlyList<ItemDocument> items)
    {
        var csv = new CsvText(Columns);
        foreach (var item in items)
        {
            csv.Add(ToRow(item));
        }

        return csv.ToBytes();
    }

    /// <summary>RFC 4180 records (CsvHelper's parser), each with the line it starts on, so errors can name the row a person sees.</summary>
    private static List<(int, string[])> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvHelper.CsvParser(reader, new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            BadDataFound = null,
        });
        var rows = new List<(int, string[])>();
        var lastLine = 0;
        while (parser.Read())
        {
            rows.Add((lastLine + 1, parser.Record ?? []));
            lastLine = parser.RawRow;
        }

        return rows;
    }

    // --- XLSX (Open XML, inline strings) ---

    private static byte[] WriteXlsx(IReadOnlyList<ItemDocument> items) =>
        XlsxText.Write(false, ("事项目录", new[] { Columns }.Concat(items.Select(ToRow)).Select(r => (IReadOnlyList<string>)r)));

    private static List<(int, string[])> ReadXlsx(Stream stream)
    {
        var rows = new List<(int, string[])>();
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is null)
            {
                throw new InvalidDataException("no workbook or sheet");
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id.Value);
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < index)
                    {
                        cells.Add("");
                    }

                    var text = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var s) && s < shared.Count
                        ? shared[s]
                        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
                    cells.Add(text);
                }

                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells.ToArray()));
            }
        }

        return rows;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
