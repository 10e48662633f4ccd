using Portal.Tests;

namespace Portal.Indexer.Tests;

public class CommandRootTests : IDisposable
{
    private readonly SampleData _data = new();

    [Theory]
    [InlineData("watch", "--inbox", "/proc/portal-no-such-folder")]
    [InlineData("sample", "--out", "/proc/portal-no-such-folder", "--rows", "10")]
    [InlineData("sample", "--out", "out", "--counties", "410221", "--villages", "330109001001")]
    [InlineData("stats", "--data-dir", "/proc/version")]
    [InlineData("sync")]
    [InlineData("watch", "--inbox", "inbox", "--interval", "半小时")]
    [InlineData("stats", "--no-such-option")]
    [InlineData("sync", "/proc/portal-no-such-folder/a.csv")]
    public void A_refused_command_says_why_in_one_chinese_sentence_and_exits_non_zero(params string[] args)
    {
        var r = IndexerProcess.Run(_data, args);
        Assert.NotEqual(0, r.ExitCode);
        var line = Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("错误：", line);
        Assert.EndsWith("。", line);
        Assert.DoesNotContain("Exception", r.Error);
        Assert.DoesNotContain(" at ", r.Error);
    }

    [Theory]
    [InlineData("错误：选项 --interval 的值“半小时”格式不对；用 --help 查看用法。", "watch", "--inbox", "inbox", "--interval", "半小时")]
    [InlineData("错误：选项 --rows 的值“很多”格式不对；用 --help 查看用法。", "sample", "--out", "out", "--rows", "很多")]
    [InlineData("错误：缺少必填选项 --out；用 --help 查看用法。", "sample", "--rows", "10")]
    public void A_missing_option_or_a_value_of_the_wrong_form_is_named_in_chinese(string said, params string[] args)
    {
        var r = IndexerProcess.Run(_data, args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(said, r.Error.Trim());
    }

    public void Dispose() => _data.Dispose();
}
