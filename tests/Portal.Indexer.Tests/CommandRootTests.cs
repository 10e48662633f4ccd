using Portal.Tests;

namespace Portal.Indexer.Tests;

public class CommandRootTests : IDisposable
{
    private readonly SampleData _data = new();

    [Theory]
    [InlineData("watch", "--inbox", "/proc/portal-no-such-folder")]
    [InlineData("sample", "--out", "/proc/portal-no-such-folder", "--rows", "10")]
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

    public void Dispose() => _data.Dispose();
}
