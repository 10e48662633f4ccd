using System.Diagnostics;
using System.Text;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Indexer.Sync;
using Portal.Tests;

namespace Portal.Indexer.Tests;

public class WatchCommandTests : IDisposable
{
    private readonly SampleData _data = new();
    private readonly StringBuilder _output = new();

    private string Inbox => Path.Combine(_data.Root, "watched");

    [Fact]
    public async Task A_file_dropped_in_the_inbox_is_published_and_moved_with_its_report_and_a_bad_one_is_rejected()
    {
        var samples = Path.Combine(_data.InputDirectory, "sample");
        Assert.Equal(0, IndexerProcess.Run(_data, "sample", "--out", samples, "--rows", "600", "--counties", "410221", "--months", "1", "--with-errors").ExitCode);
        var export = Directory.EnumerateFiles(samples, "*.csv").Order(StringComparer.Ordinal).First();
        var heartbeat = Path.Combine(_data.Root, "watch.alive");

        using var watch = StartWatch("--inbox", Inbox, "--interval", "00:00:00.2", "--heartbeat", heartbeat);
        WaitFor(() => Directory.Exists(Path.Combine(Inbox, "processed")), "the worker to make its folders");
        File.Copy(export, Path.Combine(Inbox, Path.GetFileName(export)));
        File.WriteAllText(Path.Combine(Inbox, "notes.csv"), "这不是部门导出\n");

        var processed = Path.Combine(Inbox, "processed", Path.GetFileName(export));
        WaitFor(() => File.Exists(processed) && File.Exists(Path.Combine(Inbox, "rejected", "notes.csv")), "both files to be moved");
        Assert.False(File.Exists(Path.Combine(Inbox, Path.GetFileName(export))));
        Assert.True(File.Exists(Path.ChangeExtension(processed, null) + ".rejected.csv"), "the rejection report lies beside the processed file");
        Assert.Contains("找不到表头", File.ReadAllText(Path.Combine(Inbox, "rejected", "notes.error.txt")));
        Assert.True(File.Exists(heartbeat));

        using (var index = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System))
            Assert.True((await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount > 0, "the file's valid rows are public");

        Stop(watch);
        Assert.Equal(0, watch.ExitCode);
        Assert.Contains("已停止", Output());
    }

    [Fact]
    public void A_file_that_is_still_being_written_is_only_taken_once_its_size_holds()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data.Root, "growing"));
        var file = new FileInfo(Path.Combine(folder.FullName, "export.csv"));
        var settled = new SettledFiles();

        File.WriteAllText(file.FullName, "姓名,发放金额\n");
        Assert.Empty(settled.Look([file]));
        File.AppendAllText(file.FullName, "张三,100\n");
        Assert.Empty(settled.Look([file]));
        Assert.Equal([file.FullName], settled.Look([file]));
    }

    private Process StartWatch(params string[] args)
    {
        var process = new Process { StartInfo = IndexerProcess.StartInfo(_data, ["watch", .. args]) };
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGTERM, as a container runtime stops the worker.</summary>
    private void Stop(Process watch)
    {
        using (var kill = Process.Start("kill", ["-TERM", watch.Id.ToString()])) kill.WaitForExit();
        if (!watch.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            watch.Kill(true);
            Assert.Fail("the worker did not stop on SIGTERM:\n" + Output());
        }
        watch.WaitForExit();
    }

    /// <summary>A generous deadline for a shared build machine: it bounds a hang, it does not measure speed.</summary>
    private void WaitFor(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2)) Assert.Fail($"waited in vain for {what}; the worker said:\n{Output()}");
            Thread.Sleep(100);
        }
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }

    public void Dispose() => _data.Dispose();
}
