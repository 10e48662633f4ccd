using System.Text;
using Portal.Core.Ingest;

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
}
