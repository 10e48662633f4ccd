using System.Text;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Tests;

namespace Portal.Indexer.Tests;

public class SyncCommandTests : IDisposable
{
    private readonly SampleData _data = new();

    private string Sample(params string[] extra)
    {
        var dir = Path.Combine(_data.InputDirectory, "sample");
        var r = IndexerProcess.Run(_data, ["sample", "--out", dir, "--rows", "1200", "--counties", "410221,410223", "--months", "3", .. extra]);
        Assert.Equal(0, r.ExitCode);
        return dir;
    }

    [Fact]
    public async Task Sync_publishes_a_folder_of_department_files_and_prints_a_summary()
    {
        var dir = Sample();
        Assert.Contains(Directory.EnumerateFiles(dir), f => f.EndsWith(".xlsx"));
        Assert.Contains(Directory.EnumerateFiles(dir), f => f.Contains("gb18030"));

        var r = IndexerProcess.Run(_data, "sync", dir, "--json");
        Assert.Equal(0, r.ExitCode);
        var summary = r.Json.GetProperty("summary");
        Assert.Equal(1200, summary.GetProperty("rowsRead").GetInt32());
        Assert.Equal(1200, summary.GetProperty("rowsPublished").GetInt32());
        Assert.Equal(0, summary.GetProperty("rowsRejected").GetInt32());

        using var index = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        var all = await index.SearchAsync(new PaymentQuery { RegionCode = "41" });
        Assert.Equal(1200, all.TotalCount);
        Assert.Equal(summary.GetProperty("amountPublished").GetDecimal(), all.TotalAmount);
    }

    [Fact]
    public async Task A_village_named_to_the_sample_is_as_full_as_a_real_one_and_publishes_without_a_rejected_row()
    {
        var dir = Path.Combine(_data.InputDirectory, "sample");
        Assert.Equal(0, IndexerProcess.Run(_data, ["sample", "--out", dir, "--rows", "1200", "--counties", "410221,410223", "--months", "12", "--villages", "410221101201"]).ExitCode);

        var r = IndexerProcess.Run(_data, "sync", dir, "--json");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(0, r.Json.GetProperty("summary").GetProperty("rowsRejected").GetInt32());
        using var index = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        var dibao = await index.SearchAsync(new PaymentQuery { RegionCode = "410221101201", FundCode = "rural-dibao" });
        var farmland = await index.SearchAsync(new PaymentQuery { RegionCode = "410221101201", FundCode = "farmland-protection" });
        // 200–500 households: most paid 耕地地力保护补贴 once in the year, 5–10% on 低保 in each of the 12 months.
        Assert.InRange(farmland.TotalCount, 100, 500);
        Assert.InRange(dibao.TotalCount, 10 * 12, 50 * 12 + 12);
    }

    [Fact]
    public void Rejected_rows_go_to_a_report_beside_the_input_and_the_rest_is_published()
    {
        var dir = Sample("--with-errors");
        var r = IndexerProcess.Run(_data, "sync", dir, "--json");
        Assert.Equal(0, r.ExitCode);
        var summary = r.Json.GetProperty("summary");
        Assert.True(summary.GetProperty("rowsRejected").GetInt32() > 0);
        var reports = Directory.EnumerateFiles(dir, "*.rejected.csv").ToList();
        Assert.NotEmpty(reports);
        var text = File.ReadAllText(reports[0], Encoding.UTF8);
        Assert.Contains("身份证号无效", text);
        Assert.Contains("区划不属于本县", text);
        Assert.Contains("重复发放", text);

        var again = IndexerProcess.Run(_data, "sync", dir, "--json");
        Assert.Equal(0, again.Json.GetProperty("files").EnumerateArray().Sum(f => f.GetProperty("partitionsChanged").GetInt32()));
    }

    [Fact]
    public void Validate_reports_without_publishing()
    {
        var dir = Sample("--with-errors");
        var r = IndexerProcess.Run(_data, "validate", dir, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.Json.GetProperty("summary").GetProperty("dryRun").GetBoolean());
        Assert.NotEmpty(Directory.EnumerateFiles(dir, "*.rejected.csv"));
        Assert.False(Directory.Exists(_data.IndexDirectory) && Directory.EnumerateFiles(_data.IndexDirectory, "segments_*").Any());
    }

    [Fact]
    public async Task An_unreadable_file_exits_non_zero_naming_the_file_and_leaves_what_is_published()
    {
        _data.AddCounty(people: 30, months: 1);
        var broken = Path.Combine(_data.InputDirectory, "坏文件.xlsx");
        File.WriteAllBytes(broken, "PK\u0003\u0004garbage"u8.ToArray());
        var r = IndexerProcess.Run(_data, "sync", broken);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("坏文件.xlsx", r.Output + r.Error);
        using var index = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        Assert.Equal(30, (await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount);
    }

    [Fact]
    public void A_report_under_the_data_folder_is_refused()
    {
        var file = Path.Combine(_data.InputDirectory, "a.csv");
        File.WriteAllText(file, "杞县农村低保\r\n乡镇,村,行政区划代码,姓名,身份证号,资金类别,金额,所属期\r\n五里河镇,史庄村,410221101201,张三,123,农村低保,100,2026-01\r\n");
        var r = IndexerProcess.Run(_data, "sync", file, "--report", Path.Combine(_data.DataDirectory, "r.csv"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("数据目录", r.Output + r.Error);
    }

    [Fact]
    public void Without_a_lookup_key_sync_refuses_and_says_how_to_make_one()
    {
        var r = IndexerProcess.Run(_data, ["sync", Sample()], withKey: false);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("openssl rand -base64 32", r.Error);
    }

    [Fact]
    public void The_console_output_carries_no_personal_data()
    {
        var dir = Sample("--with-errors");
        var r = IndexerProcess.Run(_data, "sync", dir);
        var console = r.Output + r.Error;
        Assert.Contains("退回", console);
        var ids = Directory.EnumerateFiles(dir, "*.csv").SelectMany(f => File.ReadAllLines(f, Portal.Core.Ingest.SheetReader.DetectEncoding(f)))
            .SelectMany(l => l.Split(',')).Where(c => c.Length == 18 && c[..17].All(char.IsAsciiDigit)).Distinct().ToList();
        Assert.NotEmpty(ids);
        Assert.DoesNotContain(ids, console.Contains);
    }

    [Fact]
    public void A_spreadsheet_with_a_huge_cell_is_refused_in_one_sentence_and_the_other_files_are_published()
    {
        var dir = Sample();
        HugeCellXlsx.Write(Path.Combine(dir, "bomb.xlsx"), 30_000_000, shared: true);

        foreach (var command in new[] { "validate", "sync" })
        {
            var r = IndexerProcess.Run(_data, command, dir, "--json");
            Assert.Equal(1, r.ExitCode);
            var bomb = Assert.Single(r.Json.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString()!.EndsWith("bomb.xlsx"));
            Assert.Contains("工作表“花名册”第 2 行 D 列", bomb.GetProperty("error").GetString());
            Assert.Equal(1200, r.Json.GetProperty("summary").GetProperty("rowsPublished").GetInt32());
            Assert.DoesNotContain("   at ", r.Error);
        }
    }

    public void Dispose() => _data.Dispose();
}
