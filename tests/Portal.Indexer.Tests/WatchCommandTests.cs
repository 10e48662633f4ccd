using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Core.Publication;
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
    public async Task A_file_synced_from_the_inbox_is_recorded_in_the_publication_ledger_under_its_funds_department()
    {
        var samples = Path.Combine(_data.InputDirectory, "sample");
        Assert.Equal(0, IndexerProcess.Run(_data, "sample", "--out", samples, "--rows", "120", "--counties", "410221", "--months", "1").ExitCode);
        var export = Directory.EnumerateFiles(samples, "*.csv").Order(StringComparer.Ordinal).First();

        using var watch = StartWatch("--inbox", Inbox, "--interval", "00:00:00.2");
        WaitFor(() => Directory.Exists(Path.Combine(Inbox, "processed")), "the worker to make its folders");
        File.Copy(export, Path.Combine(Inbox, Path.GetFileName(export)));
        WaitFor(() => File.Exists(Path.Combine(Inbox, "processed", Path.GetFileName(export))), "the file to be processed");
        Stop(watch);

        await using var db = DatabaseRegistration.Create(new DatabaseOptions(), new PortalOptions { DataDirectory = _data.DataDirectory });
        var ledger = await db.PublicationEvents.ToListAsync();
        Assert.NotEmpty(ledger);
        Assert.All(ledger, e => Assert.Equal((PublicationKind.Published, SampleData.Funds.ByCode(e.FundCode)!.Department), (e.Kind, e.Department)));
        using var index = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        Assert.Equal((await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount, ledger.Sum(e => e.Rows));
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

    [Fact]
    public async Task A_file_that_stopped_the_worker_is_set_aside_at_the_next_start_and_the_files_behind_it_sync()
    {
        var (first, second) = TwoExports();
        // An index that takes the connection and never answers holds the worker in the middle of the first file.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var taken = silent.AcceptSocketAsync();
        var stuck = StartWatch(ElasticsearchAt(((IPEndPoint)silent.LocalEndpoint).Port), "--inbox", Inbox, "--interval", "00:00:00.2");
        WaitFor(() => Directory.Exists(Path.Combine(Inbox, "processing")), "the worker to make its folders");
        File.Copy(first, Path.Combine(Inbox, Path.GetFileName(first)));
        WaitFor(() => taken.IsCompleted, "the worker to reach the index with the first file");
        Assert.True(File.Exists(Path.Combine(Inbox, "processing", Path.GetFileName(first))), "the file in hand waits in processing/");
        stuck.Kill(entireProcessTree: true); // as the kernel's OOM killer ends a worker
        stuck.WaitForExit();
        stuck.Dispose();
        (await taken).Dispose();

        File.Copy(second, Path.Combine(Inbox, Path.GetFileName(second)));
        using var watch = StartWatch([], "--inbox", Inbox, "--interval", "00:00:00.2");
        var setAside = Path.Combine(Inbox, "rejected", Path.GetFileName(first));
        var published = Path.Combine(Inbox, "processed", Path.GetFileName(second));
        WaitFor(() => File.Exists(setAside) && File.Exists(published), "the interrupted file to be set aside and the next one synced");
        Assert.False(File.Exists(Path.Combine(Inbox, "processing", Path.GetFileName(first))));
        Assert.Contains("中断", File.ReadAllText(Path.ChangeExtension(setAside, ".error.txt")));
        using (var index = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System))
            Assert.True((await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount > 0, "the file behind it is public");
        Stop(watch);
    }

    [Fact]
    public void A_file_waits_in_the_inbox_while_the_index_cannot_be_reached_and_the_worker_keeps_running()
    {
        var (first, _) = TwoExports();
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var watch = StartWatch(ElasticsearchAt(closedPort), "--inbox", Inbox, "--interval", "00:00:00.2");
        WaitFor(() => Directory.Exists(Path.Combine(Inbox, "processing")), "the worker to make its folders");
        File.Copy(first, Path.Combine(Inbox, Path.GetFileName(first)));

        WaitFor(() => Output().Contains("稍后重试"), "the worker to say the index cannot be reached");
        Assert.False(watch.HasExited, "the worker keeps running:\n" + Output());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Inbox, "rejected")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Inbox, "processed")));
        WaitFor(() => File.Exists(Path.Combine(Inbox, Path.GetFileName(first))) || File.Exists(Path.Combine(Inbox, "processing", Path.GetFileName(first))),
            "the file to stay in the queue");
        Stop(watch);
        Assert.Equal(0, watch.ExitCode);
        Assert.True(File.Exists(Path.Combine(Inbox, Path.GetFileName(first))), "after a stop the file waits in the inbox");
    }

    private (string First, string Second) TwoExports()
    {
        var samples = Path.Combine(_data.InputDirectory, "sample");
        Assert.Equal(0, IndexerProcess.Run(_data, "sample", "--out", samples, "--rows", "600", "--counties", "410221", "--months", "1").ExitCode);
        var exports = Directory.EnumerateFiles(samples, "*.csv").Order(StringComparer.Ordinal).Take(2).ToList();
        return (exports[0], exports[1]);
    }

    private static Dictionary<string, string> ElasticsearchAt(int port) => new()
    {
        ["Portal__Payments__Index__Provider"] = "elasticsearch",
        ["Portal__Elasticsearch__Url"] = $"http://127.0.0.1:{port}",
    };

    private Process StartWatch(params string[] args) => StartWatch([], args);

    private Process StartWatch(Dictionary<string, string> environment, params string[] args)
    {
        var process = new Process { StartInfo = IndexerProcess.StartInfo(_data, ["watch", .. args]) };
        foreach (var (key, value) in environment) process.StartInfo.Environment[key] = value;
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
