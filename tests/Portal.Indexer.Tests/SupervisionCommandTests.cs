using Portal.Tests;

namespace Portal.Indexer.Tests;

/// <summary>`sample --references`, `reference import` and `clues run` as a new user runs them after a sync.</summary>
public sealed class SupervisionCommandTests : IDisposable
{
    private readonly SampleData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void The_sample_reference_lists_import_and_each_rule_finds_its_sample_recipient_and_a_second_run_keeps_the_clue_ids()
    {
        var payments = Path.Combine(_data.InputDirectory, "sample");
        var lists = Path.Combine(_data.InputDirectory, "references");
        var sample = IndexerProcess.Run(_data, ["sample", "--out", payments, "--rows", "600", "--counties", "410221", "--months", "3", "--references", lists]);
        Assert.Equal(0, sample.ExitCode);
        Assert.Equal(0, IndexerProcess.Run(_data, "sync", payments, "--json").ExitCode);

        // The officials list has three rows: an official, and a cadre twice, with his wife and with his cousin; the cadre is kept once.
        foreach (var (kind, file, read, kept) in new[]
                 { ("deceased", "死亡人员名单.csv", 4, 4), ("officials", "公职人员及近亲属名单.csv", 3, 4), ("vehicles", "机动车登记信息-gb18030.csv", 3, 3), ("businesses", "市场主体登记信息.xlsx", 3, 3) })
        {
            var import = IndexerProcess.Run(_data, "reference", "import", Path.Combine(lists, file), "--kind", kind, "--county", "410221", "--json");
            Assert.True(import.ExitCode == 0, import.Error);
            Assert.Equal((kind, read, kept, 0), (import.Json.GetProperty("kind").GetString(), import.Json.GetProperty("read").GetInt32(),
                import.Json.GetProperty("kept").GetInt32(), import.Json.GetProperty("rejected").GetInt32()));
        }

        var run = IndexerProcess.Run(_data, "clues", "run", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(600, run.Json.GetProperty("checked").GetInt32());
        var clues = run.Json.GetProperty("clues").EnumerateArray().ToList();
        // One clue per payment: died in the first month (paid the two after it), and one recipient per other rule for each of the three months.
        Assert.Equal(new Dictionary<string, int> { ["deceased"] = 2, ["official"] = 3, ["official-relative"] = 3, ["vehicle"] = 3, ["business"] = 3 },
            clues.GroupBy(c => c.GetProperty("rule").GetString()!).ToDictionary(g => g.Key, g => g.Count()));
        var first = clues[0];
        Assert.Equal(["id", "rule", "level", "paymentId", "villageCode", "fundCode", "period", "amount", "sourceFile", "sourceRow"], first.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("410221", first.GetProperty("villageCode").GetString());
        Assert.True(first.GetProperty("sourceRow").GetInt32() > 3);

        var again = IndexerProcess.Run(_data, "clues", "run", "--json");
        Assert.Equal(clues.Select(c => c.GetProperty("id").GetInt64()), again.Json.GetProperty("clues").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
    }

    [Fact]
    public void An_import_without_the_columns_of_its_kind_is_refused_in_Chinese_with_exit_code_2()
    {
        var path = Path.Combine(_data.InputDirectory, "wrong.csv");
        File.WriteAllText(path, "姓名,身份证号,车牌\r\n甲,410221195603120011,豫B1\r\n");

        var result = IndexerProcess.Run(_data, "reference", "import", path, "--kind", "vehicles", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("表头缺少“车辆类型”列", result.Json.GetProperty("error").GetString());
        Assert.Contains("错误：", result.Error);
    }

    [Fact]
    public void An_unknown_kind_is_refused_naming_the_kinds()
    {
        var result = IndexerProcess.Run(_data, "reference", "import", "x.csv", "--kind", "pensions");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("deceased", result.Error);
    }
}
