using System.Text;
using Portal.Core.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Ingest;

public class RejectionReportTests
{
    [Fact]
    public void The_report_opens_in_excel_and_masks_personal_values()
    {
        using var data = new SampleData();
        using var files = new ExportFiles();
        var id = ExportFiles.Id(1);
        var bad = id[..17] + (id[17] == '0' ? "1" : "0");
        var path = files.Csv("roster.csv", [ExportFiles.Row(1, "张三明", bad), ExportFiles.Row(2, "李四", ExportFiles.Id(2), "99999")]);
        var result = data.Sync(path);
        Assert.Equal(RejectionReport.DefaultPathFor(path), result.ReportPath);
        var bytes = File.ReadAllBytes(result.ReportPath!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("身份证号无效", text);
        Assert.Contains("金额超出标准", text);
        Assert.Contains("roster.csv,4,", text);
        Assert.DoesNotContain(bad, text);
        Assert.DoesNotContain("张三明", text);
    }

    [Fact]
    public void The_report_is_never_written_under_the_data_folder()
    {
        using var data = new SampleData();
        using var files = new ExportFiles();
        var path = files.Csv("roster.csv", [ExportFiles.Row(1, "", ExportFiles.Id(1))]);
        var e = Assert.Throws<ExportFileException>(() => data.Sync(path, reportPath: Path.Combine(data.DataDirectory, "r.csv")));
        Assert.Contains("数据目录", e.Message);
    }

    [Fact]
    public void A_formula_in_a_column_header_or_in_the_file_name_is_written_as_text_excel_will_not_run()
    {
        using var data = new SampleData();
        using var files = new ExportFiles();
        const string formula = "=HYPERLINK(\"http://evil.example\",\"点此核对\")";
        var path = Path.Combine(files.Directory, "@SUM(1+1).csv");
        File.WriteAllText(path, string.Join("\r\n",
        [
            "杞县2026年10月农村低保发放花名册",
            ExportFiles.Header + ",\"" + formula.Replace("\"", "\"\"") + "\"",
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1)) + ",x",
            ExportFiles.Row(2, "", ExportFiles.Id(2)) + ",y",
        ]) + "\r\n", new UTF8Encoding(true));

        var report = data.Sync(path).ReportPath!;
        var cells = ReadCells(report);
        Assert.Contains("'" + formula, cells);
        Assert.Contains("'@SUM(1+1).csv", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0]));
    }

    private static List<string> ReadCells(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var parser = new CsvHelper.CsvParser(reader, System.Globalization.CultureInfo.InvariantCulture);
        var cells = new List<string>();
        while (parser.Read()) cells.AddRange(parser.Record ?? []);
        return cells;
    }
}
