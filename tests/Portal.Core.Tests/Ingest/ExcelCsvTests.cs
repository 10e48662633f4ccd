using System.Globalization;
using System.Text;
using CsvHelper;
using Portal.Core.Ingest;

namespace Portal.Core.Tests.Ingest;

public class ExcelCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点此核对\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("-")]
    public void A_cell_excel_would_run_is_written_as_text_after_an_apostrophe(string cell) =>
        Assert.Equal(["'" + cell], WrittenAndReadBack(cell));

    [Theory]
    [InlineData("-12.50")]
    [InlineData("-3")]
    [InlineData("1,200.50")]
    [InlineData("杞县民政局")]
    [InlineData("金额 -5 必须大于 0。")]
    public void Numbers_negative_ones_included_and_other_text_are_written_as_they_are(string cell) =>
        Assert.Equal([cell], WrittenAndReadBack(cell));

    [Fact]
    public void The_file_starts_with_a_byte_order_mark_so_excel_shows_chinese()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "out.csv");
        using (var csv = new ExcelCsv(path)) csv.WriteRow("文件", "行号");
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(path)[..3]);
    }

    private static string[] WrittenAndReadBack(string cell)
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "out.csv");
        using (var csv = new ExcelCsv(path)) csv.WriteRow(cell);
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        Assert.True(parser.Read());
        return parser.Record!;
    }
}
