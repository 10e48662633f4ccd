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
    public void Sync_without_the_report_keys_or_the_rule_cards_is_refused_before_anything_is_published()
    {
        var payments = Path.Combine(_data.InputDirectory, "sample");
        Assert.Equal(0, IndexerProcess.Run(_data, ["sample", "--out", payments, "--rows", "50", "--counties", "410221", "--months", "1"]).ExitCode);
        var content = Path.Combine(_data.Root, "content-without-rules");
        Directory.CreateDirectory(content);
        var shipped = Path.Combine(AppContext.BaseDirectory, "content");
        File.Copy(Path.Combine(shipped, "funds.yaml"), Path.Combine(content, "funds.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(content, "regions"), Path.Combine(shipped, "regions"));

        var withoutKeys = Sync(payments, start => { foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Portal__Reports__")).ToList()) start.Environment.Remove(key); });
        var withoutRules = Sync(payments, start => start.Environment["Portal__ContentDirectory"] = content);

        Assert.Equal(2, withoutKeys.ExitCode);
        Assert.Contains("发布需要举报加密密钥", withoutKeys.Error);
        Assert.Equal(2, withoutRules.ExitCode);
        Assert.Contains("数据碰撞的规则卡无法读取，没有发布任何数据", withoutRules.Error);
        Assert.False(Directory.Exists(_data.IndexDirectory) && Directory.EnumerateFiles(_data.IndexDirectory).Any(), "nothing should have been published");
    }

    [Fact]
    public void After_a_key_rotation_reports_rekey_reseals_every_identity_a_sync_and_the_rules_sealed_and_counts_them()
    {
        var payments = Path.Combine(_data.InputDirectory, "sample");
        var lists = Path.Combine(_data.InputDirectory, "references");
        Assert.Equal(0, IndexerProcess.Run(_data, ["sample", "--out", payments, "--rows", "120", "--counties", "410221", "--months", "3", "--references", lists]).ExitCode);
        Assert.Equal(0, IndexerProcess.Run(_data, "sync", payments, "--json").ExitCode);
        Assert.Equal(0, IndexerProcess.Run(_data, "reference", "import", Path.Combine(lists, "死亡人员名单.csv"), "--kind", "deceased", "--county", "410221").ExitCode);
        var clues = IndexerProcess.Run(_data, "clues", "run", "--json").Json.GetProperty("clues").GetArrayLength();
        Assert.True(clues > 0, "the sample's deceased recipient should be a clue");

        void Rotated(System.Diagnostics.ProcessStartInfo start)
        {
            start.Environment["Portal__Reports__Secrets__EncryptionKeys__t2"] = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
            start.Environment["Portal__Reports__Secrets__ActiveKeyId"] = "t2";
        }
        var rekey = Run(["reports", "rekey"], Rotated);
        var again = Run(["reports", "rekey"], Rotated);

        Assert.True(rekey.ExitCode == 0, rekey.Error);
        Assert.Contains($"已用当前密钥重新加密领取人身份：发放对象 120 条、线索 {clues} 条。", rekey.Output);
        Assert.Contains("已用当前密钥重新加密领取人身份：发放对象 0 条、线索 0 条。", again.Output);
    }

    private IndexerProcess.Result Sync(string path, Action<System.Diagnostics.ProcessStartInfo> change) => Run(["sync", path], change);

    private IndexerProcess.Result Run(string[] args, Action<System.Diagnostics.ProcessStartInfo> change)
    {
        var start = IndexerProcess.StartInfo(_data, args);
        change(start);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) process.Kill(true);
        return new IndexerProcess.Result(process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void An_unknown_kind_is_refused_naming_the_kinds()
    {
        var result = IndexerProcess.Run(_data, "reference", "import", "x.csv", "--kind", "pensions");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("deceased", result.Error);
    }
}
