using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ExcelDataReader;

namespace Portal.Core.Ingest;

/// <summary>One line of a spreadsheet, numbered as the clerk sees it in Excel (from 1).</summary>
public readonly record struct SheetRow(int Number, string[] Cells);

/// <summary>
/// Reads the raw rows of a department export: CSV in UTF-8 (with or without BOM) or GB18030, or XLSX,
/// told apart by their bytes rather than their names.
/// </summary>
public static class SheetReader
{
    public const int MaxColumns = 200;
    public const int MaxCellLength = 4_000;
    public const int MaxLineLength = 100_000;
    public const long MaxFileBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>What bytes the file's encoding has no character for are read as; a row holding one is refused.</summary>
    public const char Unreadable = '\uFFFD';

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030 that reads a byte it has no character for as <see cref="Unreadable"/>, never as a silent '?'.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Unreadable.ToString()));

    public static IEnumerable<SheetRow> Read(string path)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists) throw new ExportFileException($"{name}：文件不存在。");
        if (info.Length == 0) throw new ExportFileException($"{name}：文件是空的，请重新导出。");
        if (info.Length > MaxFileBytes) throw new ExportFileException($"{name}：文件超过 2 GB，请按乡镇或月份拆分后再导入。");
        var head = new byte[8];
        using (var probe = File.OpenRead(path)) _ = probe.Read(head);
        if (head[0] == 'P' && head[1] == 'K') return ReadXlsx(path, name);
        if (head[0] == 0xD0 && head[1] == 0xCF) throw new ExportFileException($"{name}：这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入。");
        return ReadCsv(path, name);
    }

    /// <summary>UTF-8 if the file starts with its BOM or its first 64 KB decode as UTF-8; otherwise GB18030.</summary>
    public static Encoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) return new UTF8Encoding(false);
        var span = buffer.AsSpan(0, read);
        // A multibyte character may be cut at the end of the sample: trim up to three bytes of it.
        for (var cut = 0; cut <= 3 && cut < span.Length; cut++)
            if (System.Text.Unicode.Utf8.IsValid(span[..^cut])) return new UTF8Encoding(false);
        return Gb18030;
    }

    private static IEnumerable<SheetRow> ReadCsv(string path, string name)
    {
        var encoding = DetectEncoding(path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            MaxFieldSize = MaxCellLength,
            TrimOptions = TrimOptions.None,
        };
        using var reader = new CsvLineLimits(new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true), name);
        using var parser = new CsvParser(reader, config);
        while (true)
        {
            bool more;
            try { more = parser.Read(); }
            catch (CsvHelperException e) when (e is MaxFieldSizeException)
            {
                throw new ExportFileException($"{name}：第 {parser.RawRow} 行有超过 {MaxCellLength} 个字符的单元格，请检查是否导出错误。", e);
            }
            catch (CsvHelperException e)
            {
                throw new ExportFileException($"{name}：第 {parser.RawRow} 行无法按 CSV 解析（{e.GetType().Name}），请检查引号是否成对。", e);
            }
            if (!more) yield break;
            var record = parser.Record ?? [];
            if (record.Length > MaxColumns) throw new ExportFileException($"{name}：第 {parser.RawRow} 行有 {record.Length} 列，超过 {MaxColumns} 列的上限。");
            yield return new SheetRow(parser.RawRow, record);
        }
    }

    private static IEnumerable<SheetRow> ReadXlsx(string path, string name)
    {
        XlsxLimits.Check(path, name);
        using var stream = File.OpenRead(path);
        IExcelDataReader reader;
        try { reader = ExcelReaderFactory.CreateOpenXmlReader(stream); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ExportFileException($"{name}：XLSX 文件已损坏或不是 Excel 文件，无法打开；请在 Excel 中重新保存后再导入。", e);
        }
        using (reader)
        {
            var number = 0;
            while (true)
            {
                bool more;
                try { more = reader.Read(); }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    throw new ExportFileException($"{name}：XLSX 第 {number + 1} 行无法读取，文件可能已损坏。", e);
                }
                if (!more) yield break;
                number++;
                if (reader.FieldCount > MaxColumns) throw new ExportFileException($"{name}：第 {number} 行有 {reader.FieldCount} 列，超过 {MaxColumns} 列的上限。");
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = CellValue(reader.GetValue(i));
                yield return new SheetRow(number, cells);
            }
        }
    }

    private static string CellValue(object? value) => value switch
    {
        null => "",
        string s => s,
        // Excel keeps numbers as doubles: a long ID number typed as a number comes out as 4.10221E+17, as the clerk saw it.
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
