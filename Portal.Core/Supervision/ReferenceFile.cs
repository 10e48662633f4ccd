using Portal.Core.Ingest;

namespace Portal.Core.Supervision;

/// <summary>The columns of a reference list the import reads (姓名 and 号牌号码, 企业名称 are recognised and never kept).</summary>
public enum ReferenceColumn { Name, IdNumber, DeathDate, Unit, Post, RelativeName, RelativeIdNumber, Relation, Plate, VehicleType, RegisteredOn, Company, Role }

/// <summary>One data row of a reference list: its line number as the clerk sees it, and its cells by column.</summary>
public sealed record ReferenceRow(int Number, IReadOnlyDictionary<ReferenceColumn, string> Cells)
{
    public string this[ReferenceColumn column] => Cells.GetValueOrDefault(column, "");
}

/// <summary>
/// A reference list laid out as departments export them, like <see cref="DepartmentExport"/>: title rows above a header
/// found by its column names (each kind with its own header variants), then the data, read row by row.
/// </summary>
public sealed class ReferenceFile
{
    private static readonly Dictionary<ReferenceKind, Dictionary<string, ReferenceColumn>> Headers = new()
    {
        [ReferenceKind.Deceased] = Names(new()
        {
            [ReferenceColumn.Name] = ["姓名", "死者姓名", "死亡人员姓名"],
            [ReferenceColumn.IdNumber] = ["身份证号", "身份证号码", "公民身份号码", "公民身份证号", "证件号码", "身份证明号码"],
            [ReferenceColumn.DeathDate] = ["死亡日期", "死亡时间", "死亡年月日"],
        }),
        [ReferenceKind.Officials] = Names(new()
        {
            [ReferenceColumn.Name] = ["姓名", "公职人员姓名", "本人姓名"],
            [ReferenceColumn.IdNumber] = ["身份证号", "身份证号码", "公民身份号码", "公民身份证号", "证件号码", "本人身份证号"],
            [ReferenceColumn.Unit] = ["工作单位", "单位", "所在单位", "单位名称", "任职单位"],
            [ReferenceColumn.Post] = ["职务", "职位", "职务(职级)", "现任职务"],
            [ReferenceColumn.RelativeName] = ["亲属姓名", "近亲属姓名", "家属姓名"],
            [ReferenceColumn.RelativeIdNumber] = ["亲属身份证号", "亲属身份证号码", "亲属公民身份号码", "亲属证件号码", "近亲属身份证号"],
            [ReferenceColumn.Relation] = ["与本人关系", "关系", "亲属关系", "与公职人员关系", "称谓"],
        }),
        [ReferenceKind.Vehicles] = Names(new()
        {
            [ReferenceColumn.Name] = ["所有人", "机动车所有人", "车主", "姓名", "车主姓名"],
            [ReferenceColumn.IdNumber] = ["身份证明号码", "所有人身份证明号码", "身份证号", "身份证号码", "公民身份号码", "证件号码"],
            [ReferenceColumn.Plate] = ["号牌号码", "车牌号", "车牌号码", "号牌"],
            [ReferenceColumn.VehicleType] = ["车辆类型", "车型", "车辆种类"],
            [ReferenceColumn.RegisteredOn] = ["初次登记日期", "初次登记时间", "注册登记日期", "登记日期"],
        }),
        [ReferenceKind.Businesses] = Names(new()
        {
            [ReferenceColumn.Name] = ["姓名", "人员姓名", "投资人姓名"],
            [ReferenceColumn.IdNumber] = ["证件号码", "身份证号", "身份证号码", "公民身份号码", "证照号码"],
            [ReferenceColumn.Company] = ["企业名称", "市场主体名称", "主体名称", "名称"],
            [ReferenceColumn.Role] = ["职务", "人员类型", "身份", "任职", "投资人类型"],
        }),
    };

    /// <summary>The columns without which a kind's rules cannot run.</summary>
    private static readonly Dictionary<ReferenceKind, ReferenceColumn[]> Required = new()
    {
        [ReferenceKind.Deceased] = [ReferenceColumn.IdNumber, ReferenceColumn.DeathDate],
        [ReferenceKind.Officials] = [ReferenceColumn.IdNumber, ReferenceColumn.Unit, ReferenceColumn.Post],
        [ReferenceKind.Vehicles] = [ReferenceColumn.IdNumber, ReferenceColumn.VehicleType],
        [ReferenceKind.Businesses] = [ReferenceColumn.IdNumber, ReferenceColumn.Role],
    };

    private readonly IEnumerator<SheetRow> _rows;
    private readonly Dictionary<ReferenceColumn, int> _columns;

    private ReferenceFile(string fileName, IEnumerator<SheetRow> rows, Dictionary<ReferenceColumn, int> columns, int headerRow)
    {
        FileName = fileName;
        _rows = rows;
        _columns = columns;
        HeaderRow = headerRow;
    }

    public string FileName { get; }
    public int HeaderRow { get; }
    public bool Has(ReferenceColumn column) => _columns.ContainsKey(column);

    /// <summary>The column names a kind is imported by, as told to a clerk whose file lacks one.</summary>
    public static string HeaderName(ReferenceKind kind, ReferenceColumn column) => Headers[kind].First(h => h.Value == column).Key;

    public static ReferenceFile Open(string path, ReferenceKind kind, string? fileName = null)
    {
        var name = fileName ?? Path.GetFileName(path);
        var rows = SheetReader.Read(path).GetEnumerator();
        try
        {
            while (rows.MoveNext())
            {
                var row = rows.Current;
                var columns = MapHeader(kind, row.Cells);
                if (columns.ContainsKey(ReferenceColumn.IdNumber) && columns.Count >= 2)
                {
                    var missing = Required[kind].Where(c => !columns.ContainsKey(c)).ToList();
                    if (missing.Count > 0)
                        throw new ExportFileException($"{name}：第 {row.Number} 行的表头缺少{string.Join("、", missing.Select(c => $"“{HeaderName(kind, c)}”"))}列，{KindName(kind)}名单必须有这些列。");
                    return new ReferenceFile(name, rows, columns, row.Number);
                }
                if (row.Number >= DepartmentExport.HeaderSearchRows) break;
            }
        }
        catch
        {
            rows.Dispose();
            throw;
        }
        rows.Dispose();
        throw new ExportFileException($"{name}：前 {DepartmentExport.HeaderSearchRows} 行中找不到{KindName(kind)}名单的表头。表头须有{string.Join("、", Required[kind].Select(c => $"“{HeaderName(kind, c)}”"))}列"
            + "（身份证号也可写作 公民身份号码、身份证明号码 或 证件号码）；如果文件是其他编码（如 Big5）或已损坏，请另存为 UTF-8 或 GB18030 编码的 CSV，或 XLSX。");
    }

    public static string KindName(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Deceased => "死亡人员",
        ReferenceKind.Officials => "公职人员及近亲属",
        ReferenceKind.Vehicles => "机动车登记",
        ReferenceKind.Businesses => "市场主体登记",
        _ => kind.ToString(),
    };

    /// <summary>The data rows; blank rows and lines without any of the columns read (signatures, notes) are skipped.</summary>
    public IEnumerable<ReferenceRow> Rows()
    {
        using (_rows)
        {
            while (_rows.MoveNext())
            {
                var row = _rows.Current;
                var cells = new Dictionary<ReferenceColumn, string>(_columns.Count);
                foreach (var (column, i) in _columns)
                    if (i < row.Cells.Length && CellText.Normalize(row.Cells[i]) is { Length: > 0 } text) cells[column] = text;
                if (cells.Keys.Any(c => c is not ReferenceColumn.Name)) yield return new ReferenceRow(row.Number, cells);
            }
        }
    }

    private static Dictionary<ReferenceColumn, int> MapHeader(ReferenceKind kind, string[] cells)
    {
        var columns = new Dictionary<ReferenceColumn, int>();
        for (var i = 0; i < cells.Length; i++)
            if (Headers[kind].TryGetValue(Key(cells[i]), out var column)) columns.TryAdd(column, i);
        return columns;
    }

    private static string Key(string? header) => CellText.Compact(header).Replace("*", "");

    private static Dictionary<string, ReferenceColumn> Names(Dictionary<ReferenceColumn, string[]> names) =>
        names.SelectMany(kv => kv.Value.Select(n => (Key(n), kv.Key))).ToDictionary(p => p.Item1, p => p.Item2);
}
