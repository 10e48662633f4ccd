using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Portal.Core.Ingest;

/// <summary>
/// Checks an XLSX before ExcelDataReader opens it. That reader keeps the whole shared-string table and each whole row in
/// memory, so a megabyte of zip can ask it for gigabytes in one cell. Here the unpacked sizes the zip declares (and the
/// zip reader enforces) are capped first, then every part is streamed once through <see cref="MarkupRuns"/>, and the
/// file is refused at the first cell over <see cref="SheetReader.MaxCellLength"/>, naming its sheet, row and column.
/// </summary>
internal static partial class XlsxLimits
{
    /// <summary>Worksheets are read row by row: their size bounds the time a file takes, not the memory.</summary>
    public const long MaxSheetBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The other parts (shared strings, styles, the workbook) are held in memory whole.</summary>
    public const long MaxHeldBytes = 256L * 1024 * 1024;

    /// <summary>Bytes from one '&lt;' to the next: one tag and the text after it. A cell at the cap takes at most a third, escapes included.</summary>
    public const int MaxRunBytes = 64 * 1024;

    /// <summary>Merged cells, column widths, formats and the like around a sheet's rows, which the reader keeps.</summary>
    public const int MaxSheetElementsOutsideRows = 100_000;

    private const string SharedStrings = "xl/sharedStrings.xml";
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, CloseInput = true };

    public static void Check(string path, string file)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("xl/workbook.bin") is not null)
                throw new ExportFileException($"{file}：这是 Excel 二进制工作簿（.xlsb），请在 Excel 中“另存为” .xlsx 或 CSV 后再导入。");
            var parts = zip.Entries.Where(IsXmlPart).ToList();
            if (parts.Sum(p => p.Length) > MaxSheetBytes + MaxHeldBytes) throw TooLarge(file);
            var sheets = SheetNames(zip, file);
            if (parts.Where(p => sheets.ContainsKey(p.FullName)).Sum(p => p.Length) > MaxSheetBytes) throw TooLarge(file);
            if (parts.Where(p => !sheets.ContainsKey(p.FullName)).Sum(p => p.Length) > MaxHeldBytes)
                throw new ExportFileException($"{file}：XLSX 中工作表以外的部分（共享字符串、样式等）解压后超过 {MaxHeldBytes / 1024 / 1024} MB，请在 Excel 中另存为新文件，或拆分后再导入。");

            var longStrings = zip.GetEntry(SharedStrings) is { } table ? LongSharedStrings(table, file) : [];
            foreach (var part in parts)
            {
                if (sheets.TryGetValue(part.FullName, out var sheet)) CheckSheet(part, sheet, file, longStrings);
                else if (part.FullName != SharedStrings) Drain(part, file);
            }
            if (longStrings.Count > 0)
                throw new ExportFileException($"{file}：XLSX 的共享字符串中有超过 {SheetReader.MaxCellLength} 个字符的文字，请在 Excel 中另存为新文件后再导入。");
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or XmlException)
        {
            throw new ExportFileException($"{file}：XLSX 文件已损坏或不是 Excel 文件，无法打开；请在 Excel 中重新保存后再导入。", e);
        }
    }

    private static bool IsXmlPart(ZipArchiveEntry entry) =>
        entry.FullName.StartsWith("xl/", StringComparison.Ordinal)
        && (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase));

    private static ExportFileException TooLarge(string file) =>
        new($"{file}：XLSX 解压后超过 {MaxSheetBytes / 1024 / 1024 / 1024} GB，请按乡镇或月份拆分后再导入。");

    /// <summary>Worksheet parts by the name the clerk gave the sheet; a sheet the workbook does not name goes by its file name.</summary>
    private static Dictionary<string, string> SheetNames(ZipArchive zip, string file)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, type, target) in Elements(zip, "xl/_rels/workbook.xml.rels", "Relationship", file, x => (Attribute(x, "Id"), Attribute(x, "Type"), Attribute(x, "Target"))))
            if (id is not null && target is not null && type?.EndsWith("/worksheet", StringComparison.Ordinal) == true)
                targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, id) in Elements(zip, "xl/workbook.xml", "sheet", file, x => (Attribute(x, "name"), Attribute(x, "id"))))
            if (id is not null && targets.TryGetValue(id, out var part)) names.TryAdd(part, name ?? part);
        foreach (var part in targets.Values.Concat(zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))))
            names.TryAdd(part, Path.GetFileNameWithoutExtension(part));
        return names;
    }

    private static List<T> Elements<T>(ZipArchive zip, string part, string element, string file, Func<XmlReader, T> read)
    {
        var found = new List<T>();
        if (zip.GetEntry(part) is not { } entry) return found;
        try
        {
            using var xml = Open(entry);
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == element) found.Add(read(xml));
        }
        catch (MarkupRuns.Refused e)
        {
            throw Unusual(file, entry, e);
        }
        return found;
    }

    /// <summary>An attribute by its local name, whatever its prefix (r:id in transitional files, another in strict ones).</summary>
    private static string? Attribute(XmlReader xml, string localName)
    {
        for (var more = xml.MoveToFirstAttribute(); more; more = xml.MoveToNextAttribute())
            if (xml.LocalName == localName)
            {
                var value = xml.Value;
                xml.MoveToElement();
                return value;
            }
        xml.MoveToElement();
        return null;
    }

    /// <summary>The indexes of shared strings over the cap; reading stops at one that breaks a run, since the file is refused anyway.</summary>
    private static HashSet<int> LongSharedStrings(ZipArchiveEntry table, string file)
    {
        var found = new HashSet<int>();
        var text = new CellLength(file, "");
        var index = -1;
        try
        {
            using var xml = Open(table);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                {
                    index++;
                    text.Start();
                }
                else if (text.Read(xml) > SheetReader.MaxCellLength) found.Add(index);
            }
        }
        catch (MarkupRuns.Refused e) when (e.Reason == MarkupRuns.Reason.LongRun && index >= 0)
        {
            found.Add(index);
        }
        catch (MarkupRuns.Refused e)
        {
            throw Unusual(file, table, e);
        }
        return found;
    }

    private static void CheckSheet(ZipArchiveEntry part, string sheet, string file, IReadOnlySet<int> longStrings)
    {
        var text = new CellLength(file, sheet);
        var (row, cells, column, outside, inCell, inRows, shared) = (0, 0, 0, 0, false, false, false);
        try
        {
            using var xml = Open(part);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element)
                    switch (xml.LocalName)
                    {
                        case "sheetData":
                            inRows = !xml.IsEmptyElement;
                            break;
                        case "row":
                            row = int.TryParse(Attribute(xml, "r"), out var r) ? r : row + 1;
                            (cells, column) = (0, 0);
                            break;
                        case "c":
                            if (++cells > SheetReader.MaxColumns) throw new ExportFileException($"{file}：工作表“{sheet}”第 {row} 行超过 {SheetReader.MaxColumns} 列的上限，请检查是否导出错误。");
                            column = ColumnIndex(Attribute(xml, "r")) ?? column + 1;
                            shared = Attribute(xml, "t") == "s";
                            inCell = !xml.IsEmptyElement;
                            text.Start();
                            break;
                        default:
                            if (!inRows && ++outside > MaxSheetElementsOutsideRows)
                                throw new ExportFileException($"{file}：工作表“{sheet}”中的合并单元格、格式等超过 {MaxSheetElementsOutsideRows:N0} 项，请在 Excel 中另存为新文件后再导入。");
                            break;
                    }
                else if (xml.NodeType == XmlNodeType.EndElement)
                {
                    if (xml.LocalName == "c") inCell = false;
                    if (xml.LocalName == "sheetData") inRows = false;
                }
                if (text.Read(xml) > SheetReader.MaxCellLength || (shared && text.Value is { } index && longStrings.Contains(index)))
                    throw text.TooLong(row, column);
            }
        }
        catch (MarkupRuns.Refused e) when (e.Reason == MarkupRuns.Reason.LongRun && inCell)
        {
            throw text.TooLong(row, column);
        }
        catch (MarkupRuns.Refused e)
        {
            throw Unusual(file, part, e);
        }
    }

    private static void Drain(ZipArchiveEntry part, string file)
    {
        try
        {
            using var stream = new MarkupRuns(part.Open());
            stream.CopyTo(Stream.Null);
        }
        catch (MarkupRuns.Refused e)
        {
            throw Unusual(file, part, e);
        }
    }

    private static XmlReader Open(ZipArchiveEntry part) => XmlReader.Create(new MarkupRuns(part.Open()), Settings);

    private static ExportFileException Unusual(string file, ZipArchiveEntry part, MarkupRuns.Refused e) =>
        new($"{file}：XLSX 中的 {part.FullName} 不像 Excel 保存的内容（{e.Message}），请在 Excel 中另存为新文件后再导入。");

    /// <summary>1 for A in "A7", 27 for AA; null without a reference.</summary>
    private static int? ColumnIndex(string? reference)
    {
        var index = 0;
        foreach (var c in reference ?? "")
        {
            if (c is < 'A' or > 'Z') break;
            index = index * 26 + (c - 'A' + 1);
        }
        return index > 0 ? index : null;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>The text of one cell (or one shared string) as the reader would join it, rich-text runs together, phonetic hints apart.</summary>
    private sealed class CellLength(string file, string sheet)
    {
        private int _length;
        private bool _phonetic;
        private string _element = "";

        /// <summary>The cell's value when it is a whole number: the index of a shared string.</summary>
        public int? Value { get; private set; }

        public void Start() => (_length, _phonetic, _element, Value) = (0, false, "", null);

        /// <summary>Takes one node; returns the cell's length so far.</summary>
        public int Read(XmlReader xml)
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    _element = xml.LocalName;
                    if (_element == "rPh") _phonetic = !xml.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement:
                    if (xml.LocalName == "rPh") _phonetic = false;
                    _element = "";
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when !_phonetic && _element is "t" or "v":
                    var value = xml.Value;
                    _length += value.Length;
                    if (_element == "v") Value = int.TryParse(value, out var index) ? index : null;
                    break;
            }
            return _length;
        }

        public ExportFileException TooLong(int row, int column) =>
            new($"{file}：工作表“{sheet}”第 {row} 行 {ColumnName(column)} 列的单元格超过 {SheetReader.MaxCellLength} 个字符，请检查是否导出错误。");
    }

    /// <summary>
    /// Passes an XML part through and refuses, as the bytes stream in, a run of more than <see cref="MaxRunBytes"/> without
    /// a '&lt;' (no tag or text can be longer), and what could hide one from that count: comments, CDATA, DTDs, processing
    /// instructions after the declaration, and encodings other than UTF-8.
    /// </summary>
    private sealed partial class MarkupRuns : ForwardReadStream
    {
        public enum Reason { LongRun, Markup, Encoding }

        public sealed class Refused(Reason reason, string message) : Exception(message)
        {
            public Reason Reason { get; } = reason;
        }

        private readonly Stream _inner;
        private readonly byte[] _head = new byte[256];
        private int _headLength;
        private int _headServed;
        private long _run;
        private bool _afterAngle;
        private bool _seenAngle;

        public MarkupRuns(Stream inner)
        {
            _inner = inner;
            _headLength = inner.ReadAtLeast(_head, _head.Length, throwOnEndOfStream: false);
            var head = _head.AsSpan(0, _headLength);
            if (head.Length >= 2 && (head[0] is 0xFE or 0xFF or 0x00 || head[1] == 0x00))
                throw new Refused(Reason.Encoding, "不是 UTF-8 编码");
            if (head.StartsWith(Utf8Bom)) head = head[Utf8Bom.Length..];
            if (DeclaredEncoding().Match(Encoding.Latin1.GetString(head)) is { Success: true } m && !m.Groups[1].Value.Equals("UTF-8", StringComparison.OrdinalIgnoreCase))
                throw new Refused(Reason.Encoding, "不是 UTF-8 编码");
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            if (_headServed < _headLength)
            {
                read = Math.Min(buffer.Length, _headLength - _headServed);
                _head.AsSpan(_headServed, read).CopyTo(buffer);
                _headServed += read;
            }
            else read = _inner.Read(buffer);
            Check(buffer[..read]);
            return read;
        }

        private void Check(ReadOnlySpan<byte> bytes)
        {
            while (true)
            {
                if (_afterAngle && bytes.Length > 0)
                {
                    _afterAngle = false;
                    if (bytes[0] == '!' || (bytes[0] == '?' && _seenAngle)) throw new Refused(Reason.Markup, "含有注释、CDATA、DTD 或处理指令");
                    _seenAngle = true;
                }
                var angle = bytes.IndexOf((byte)'<');
                _run += angle < 0 ? bytes.Length : angle;
                if (_run > MaxRunBytes) throw new Refused(Reason.LongRun, $"有一段超过 {MaxRunBytes / 1024} KB 的内容");
                if (angle < 0) return;
                (_run, _afterAngle) = (0, true);
                bytes = bytes[(angle + 1)..];
            }
        }

        private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

        [GeneratedRegex("""^<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")]
        private static partial Regex DeclaredEncoding();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
