using System.IO.Compression;
using System.Security;
using System.Text;

namespace Portal.Tests;

/// <summary>
/// A small XLSX of one sheet (花名册) whose name cell in row 2 (column D) unpacks to millions of characters, as an outside
/// probe built it (1.1 MB of zip holding a 1.17 GB cell). The text sits in an inline string or in the shared-string table.
/// It is written as a stream, so making it costs the test no memory.
/// </summary>
public static class HugeCellXlsx
{
    public static readonly string[] Header = ["行政区划代码", "村", "乡镇", "户主姓名", "身份证号码", "资金类别", "发放金额", "所属期"];

    public static void Write(string path, long characters, bool shared)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        using (var sst = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false)))
        {
            sst.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>农村低保</t></si><si><t>""");
            if (shared) Repeat(sst, characters);
            sst.Write("</t></si></sst>");
        }
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">""");
        foreach (var title in Header) sheet.Write(Inline(title));
        sheet.Write("""</row><row r="2"><c r="A2"><v>410221101201</v></c>""" + Inline("史庄村") + Inline("五里河镇"));
        if (shared) sheet.Write("""<c r="D2" t="s"><v>1</v></c>""");
        else
        {
            sheet.Write("""<c r="D2" t="inlineStr"><is><t>""");
            Repeat(sheet, characters);
            sheet.Write("</t></is></c>");
        }
        sheet.Write(Inline("410221195603120011") + """<c t="s"><v>0</v></c><c><v>580</v></c>""" + Inline("2026-05") + "</row></sheetData></worksheet>");
    }

    private static string Inline(string text) => $"""<c t="inlineStr"><is><t>{SecurityElement.Escape(text)}</t></is></c>""";

    private static void Repeat(StreamWriter writer, long characters)
    {
        var block = new string('长', 64 * 1024);
        for (var left = characters; left > 0; left -= block.Length) writer.Write(block.AsSpan(0, (int)Math.Min(left, block.Length)));
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
