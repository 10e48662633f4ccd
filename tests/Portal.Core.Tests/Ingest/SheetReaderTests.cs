using System.IO.Compression;
using System.Text;
using Portal.Core.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Ingest;

public class SheetReaderTests
{
    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf8")]
    [InlineData("gb18030")]
    public void Reads_csv_in_the_encodings_offices_export(string encoding)
    {
        using var files = new ExportFiles();
        var enc = encoding switch
        {
            "utf8-bom" => new UTF8Encoding(true),
            "utf8" => new UTF8Encoding(false),
            _ => SheetReader.Gb18030,
        };
        var path = files.Csv($"{encoding}.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1))], enc);
        var rows = DepartmentExport.Open(path).Rows().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("张三明", row.Name);
        Assert.Equal("史庄村", row.Village);
        Assert.Equal("农村低保", row.Fund);
    }

    [Fact]
    public void Tells_gb18030_from_utf8_by_the_bytes()
    {
        using var files = new ExportFiles();
        var gb = files.Csv("a.csv", [ExportFiles.Row(1, "欧阳娜娜", ExportFiles.Id(1))], SheetReader.Gb18030);
        Assert.Equal("GB18030", SheetReader.DetectEncoding(gb).WebName.ToUpperInvariant());
    }

    [Fact]
    public void Reads_xlsx_and_shows_numeric_id_cells_as_the_spreadsheet_did()
    {
        using var files = new ExportFiles();
        var path = files.Xlsx("roster.xlsx",
        [
            ["杞县农村低保发放花名册"],
            ExportFiles.Header.Split(','),
            ["1", "五里河镇", "史庄村", 410221101201d, "张三明", 410221195603120011d, "", "", "农村低保", 3d, 580.5d, "2026-10", "", ""],
        ]);
        var row = Assert.Single(DepartmentExport.Open(path).Rows());
        Assert.Equal("410221101201", row.RegionCode);
        Assert.Contains("E+17", row.IdNumber);
        Assert.Equal("580.5", row.Amount);
    }

    [Fact]
    public void A_corrupt_xlsx_is_refused_with_the_file_named()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "broken.xlsx");
        File.WriteAllBytes(path, [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]);
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path));
        Assert.Contains("broken.xlsx", e.Message);
        Assert.Contains("损坏", e.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "empty.csv");
        File.WriteAllBytes(path, []);
        Assert.Contains("空", Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path)).Message);
    }

    [Fact]
    public void An_old_xls_file_gets_a_how_to_fix_message()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "old.xls");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        Assert.Contains("另存为", Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path)).Message);
    }

    [Fact]
    public void A_huge_cell_is_refused_with_its_row_number()
    {
        using var files = new ExportFiles();
        var path = files.Csv("huge.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1)), ExportFiles.Row(2, new string('长', 10_000), ExportFiles.Id(2))]);
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path).Rows().ToList());
        Assert.Contains("huge.csv", e.Message);
        Assert.Contains("第 5 行", e.Message);
    }

    [Fact]
    public void Finds_the_header_below_title_rows_and_stops_at_the_total_row()
    {
        using var files = new ExportFiles();
        var path = files.Csv("t.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2))], total: "1,160.00");
        var export = DepartmentExport.Open(path);
        Assert.Equal(3, export.HeaderRow);
        Assert.Contains("杞县", export.Title);
        Assert.Equal(2, export.Rows().Count());
        Assert.Equal("1,160.00", export.StatedTotal);
    }

    [Fact]
    public void A_file_without_a_recognisable_header_is_refused()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "nohead.csv");
        File.WriteAllText(path, "a,b,c\n1,2,3\n");
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path));
        Assert.Contains("表头", e.Message);
        Assert.Contains("nohead.csv", e.Message);
    }

    [Fact]
    public void An_xlsx_cell_longer_than_the_cap_is_refused_naming_the_sheet_row_and_column()
    {
        using var files = new ExportFiles();
        var path = files.Xlsx("long.xlsx",
        [
            ExportFiles.Header.Split(','),
            ["1", "五里河镇", "史庄村", "410221101201", "张三明", ExportFiles.Id(1), "", "", "农村低保", "3", "580", "2026-10", "", ""],
            ["2", "五里河镇", "史庄村", "410221101201", new string('长', SheetReader.MaxCellLength + 1), ExportFiles.Id(2), "", "", "农村低保", "3", "580", "2026-10", "", ""],
        ]);
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path).Rows().ToList());
        Assert.Contains("long.xlsx", e.Message);
        Assert.Contains("工作表“Sheet1”第 3 行 E 列", e.Message);
        Assert.Contains($"{SheetReader.MaxCellLength}", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_zip_bomb_cell_is_refused_naming_its_cell_without_being_unpacked_whole(bool shared)
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "bomb.xlsx");
        const long characters = 30_000_000;
        HugeCellXlsx.Write(path, characters, shared);
        Assert.True(new FileInfo(path).Length < characters / 100, "the probe is a small file that unpacks to a huge cell");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path).Rows().ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("工作表“花名册”第 2 行 D 列", e.Message);
        Assert.True(allocated < 32 * 1024 * 1024, $"reading the probe allocated {allocated / 1024 / 1024} MB; the caps allow a few");
    }

    [Fact]
    public void A_csv_line_with_more_columns_than_the_cap_is_refused_before_it_is_read_whole()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "wide.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(true)))
        {
            writer.Write(ExportFiles.Header + "\r\n" + ExportFiles.Row(1, "张三明", ExportFiles.Id(1)) + "\r\n");
            for (var i = 0; i < 5_000_000; i++) writer.Write("a,");
            writer.Write("\r\n");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path).Rows().ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("wide.csv：第 3 行", e.Message);
        Assert.Contains($"{SheetReader.MaxColumns} 列", e.Message);
        Assert.True(allocated < 32 * 1024 * 1024, $"reading a 10 MB line allocated {allocated / 1024 / 1024} MB; the caps allow a few");
    }

    [Fact]
    public void A_csv_line_longer_than_the_cap_is_refused_even_when_each_cell_is_within_it()
    {
        using var files = new ExportFiles();
        var cells = Enumerable.Repeat(new string('长', 1_000), SheetReader.MaxLineLength / 1_000 + 1);
        var path = files.Csv("long-line.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2)) + string.Join(",", cells)]);
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path).Rows().ToList());
        Assert.Contains("long-line.csv：第 5 行", e.Message);
        Assert.Contains($"{SheetReader.MaxLineLength:N0} 个字符", e.Message);
    }

    [Fact]
    public void Quoted_cells_may_hold_commas_quotes_and_line_breaks_without_counting_as_columns()
    {
        using var files = new ExportFiles();
        var remark = "\"" + string.Join(",", Enumerable.Repeat("核对\"\"无误\"\"", SheetReader.MaxColumns)) + "\r\n第二行\"";
        var path = files.Csv("quoted.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1)) + remark, ExportFiles.Row(2, "李四", ExportFiles.Id(2))]);
        var rows = DepartmentExport.Open(path).Rows().ToList();
        Assert.Equal(["张三明", "李四"], rows.Select(r => r.Name));
        Assert.Equal(6, rows[1].RowNumber);
    }

    [Theory]
    [InlineData("<c t=\"inlineStr\"><is><t><![CDATA[张三明]]></t></is></c>")]
    [InlineData("<!-- 制表人：王某 --><c t=\"inlineStr\"><is><t>张三明</t></is></c>")]
    public void An_xlsx_part_holding_markup_excel_never_writes_is_refused(string cell)
    {
        using var files = new ExportFiles();
        var path = files.Xlsx("odd.xlsx", [ExportFiles.Header.Split(',')]);
        ReplaceSheet(path, $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{cell}</row></sheetData></worksheet>""");
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path));
        Assert.Contains("odd.xlsx：XLSX 中的 xl/worksheets/sheet1.xml 不像 Excel 保存的内容", e.Message);
    }

    [Fact]
    public void Shared_strings_that_would_unpack_beyond_the_limit_are_refused_before_any_is_read()
    {
        using var files = new ExportFiles();
        var path = files.Xlsx("many.xlsx", [ExportFiles.Header.Split(',')]);
        AddSharedStrings(path, "张三明");
        // What a bomb's directory says of it: the reader may unpack no more than that, and is told to expect it all.
        DeclareUnpackedSize(path, "xl/sharedStrings.xml", XlsxLimits.MaxHeldBytes + 1);

        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path));
        Assert.Contains($"many.xlsx：XLSX 中工作表以外的部分（共享字符串、样式等）解压后超过 {XlsxLimits.MaxHeldBytes / 1024 / 1024} MB", e.Message);
    }

    [Fact]
    public void A_shared_string_over_the_cap_is_refused_even_when_no_cell_uses_it()
    {
        using var files = new ExportFiles();
        var path = files.Xlsx("unused.xlsx", [ExportFiles.Header.Split(',')]);
        AddSharedStrings(path, new string('长', SheetReader.MaxCellLength + 1));
        var e = Assert.Throws<ExportFileException>(() => DepartmentExport.Open(path));
        Assert.Contains("unused.xlsx：XLSX 的共享字符串中有超过", e.Message);
    }

    private static void AddSharedStrings(string path, params string[] strings)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        using var sst = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open(), new UTF8Encoding(false));
        sst.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        foreach (var text in strings) sst.Write($"<si><t>{text}</t></si>");
        sst.Write("</sst>");
    }

    /// <summary>Rewrites the unpacked size an entry's central-directory record declares (a 32-bit field at offset 24).</summary>
    private static void DeclareUnpackedSize(string path, string entry, long size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 + name.Length <= bytes.Length; i++)
        {
            if (BitConverter.ToUInt32(bytes, i) != 0x02014b50 || !bytes.AsSpan(i + 46, name.Length).SequenceEqual(name)) continue;
            BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), (uint)size);
            File.WriteAllBytes(path, bytes);
            return;
        }
        Assert.Fail($"{entry} is not in {path}");
    }

    private static void ReplaceSheet(string path, string xml)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
