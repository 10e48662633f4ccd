namespace Portal.Core.Ingest;

/// <summary>
/// A department export laid out as offices produce it: title and unit rows above the header, the data,
/// then a 合计 row and blank or signature rows. Finds the header by its column names.
/// </summary>
public sealed class DepartmentExport
{
    public const int HeaderSearchRows = 30;

    private readonly IEnumerator<SheetRow> _rows;
    private readonly Dictionary<ExportColumn, int> _columns;
    private bool _finished;

    private DepartmentExport(string fileName, IEnumerator<SheetRow> rows, Dictionary<ExportColumn, int> columns, int headerRow, string title, IReadOnlyList<string> unknownColumns)
    {
        FileName = fileName;
        _rows = rows;
        _columns = columns;
        HeaderRow = headerRow;
        Title = title;
        UnknownColumns = unknownColumns;
    }

    public string FileName { get; }
    public int HeaderRow { get; }

    /// <summary>Text of the rows above the header (e.g. 杞县2026年5月农村低保发放花名册).</summary>
    public string Title { get; }

    public IReadOnlyList<string> UnknownColumns { get; }
    public bool Has(ExportColumn column) => _columns.ContainsKey(column);

    /// <summary>The amount on the 合计 row, once the rows have been read; null when the file has none.</summary>
    public string? StatedTotal { get; private set; }
    public int? StatedTotalRow { get; private set; }

    public static DepartmentExport Open(string path)
    {
        var name = Path.GetFileName(path);
        var rows = SheetReader.Read(path).GetEnumerator();
        var above = new List<string>();
        try
        {
            while (rows.MoveNext())
            {
                var row = rows.Current;
                var (columns, unknown) = MapHeader(row.Cells);
                if (columns.ContainsKey(ExportColumn.Name) && columns.ContainsKey(ExportColumn.Amount) && columns.Count >= 3)
                    return new DepartmentExport(name, rows, columns, row.Number, string.Join(" ", above), unknown);
                above.AddRange(row.Cells.Select(CellText.Normalize).Where(c => c.Length > 0));
                if (row.Number >= HeaderSearchRows) break;
            }
        }
        catch
        {
            rows.Dispose();
            throw;
        }
        rows.Dispose();
        throw new ExportFileException($"{name}：前 {HeaderSearchRows} 行中找不到表头。表头须同时有“姓名”（或户主姓名、领取人、收款人）和“发放金额”（或金额）列；如果文件是其他编码（如 Big5），请另存为 UTF-8 或 GB18030。");
    }

    private static (Dictionary<ExportColumn, int>, List<string>) MapHeader(string[] cells)
    {
        var columns = new Dictionary<ExportColumn, int>();
        var unknown = new List<string>();
        for (var i = 0; i < cells.Length; i++)
        {
            var text = CellText.Normalize(cells[i]);
            if (text.Length == 0) continue;
            if (ExportHeaders.Match(text) is { } column) columns.TryAdd(column, i);
            else unknown.Add(text);
        }
        return (columns, unknown);
    }

    /// <summary>The data rows, up to the 合计 row. Blank rows are skipped.</summary>
    public IEnumerable<ExportRow> Rows()
    {
        if (_finished) throw new InvalidOperationException("Rows can be read once.");
        _finished = true;
        using (_rows)
        {
            while (_rows.MoveNext())
            {
                var row = _rows.Current;
                var first = row.Cells.Select(CellText.Compact).FirstOrDefault(c => c.Length > 0);
                if (first is null) continue;
                if (first.StartsWith("合计", StringComparison.Ordinal) || first.StartsWith("总计", StringComparison.Ordinal))
                {
                    StatedTotal = Cell(row.Cells, ExportColumn.Amount);
                    StatedTotalRow = row.Number;
                    yield break;
                }
                var data = new ExportRow(
                    row.Number,
                    Cell(row.Cells, ExportColumn.Name),
                    Cell(row.Cells, ExportColumn.IdNumber),
                    Cell(row.Cells, ExportColumn.Fund),
                    Cell(row.Cells, ExportColumn.Amount),
                    Cell(row.Cells, ExportColumn.Period),
                    Cell(row.Cells, ExportColumn.Township),
                    Cell(row.Cells, ExportColumn.Village),
                    Cell(row.Cells, ExportColumn.RegionCode),
                    Cell(row.Cells, ExportColumn.HouseholdSize),
                    Cell(row.Cells, ExportColumn.PaidOn),
                    Cell(row.Cells, ExportColumn.Department));
                // Signature and note lines (制表人：…) carry no name, ID number or amount: they are not payments.
                if (data.Name.Length + data.IdNumber.Length + data.Amount.Length > 0) yield return data;
            }
        }
    }

    private string Cell(string[] cells, ExportColumn column) =>
        _columns.TryGetValue(column, out var i) && i < cells.Length ? CellText.Normalize(cells[i]) : "";
}
