using System.CommandLine;
using System.Runtime.InteropServices;
using Portal.Core.Ingest;
using Portal.Core.Payments;
using Portal.Core.Privacy;

namespace Portal.Indexer.Sync;

/// <summary>`watch --inbox DIR`: the indexer as a worker that syncs each department file dropped into a folder.</summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "收件夹：放进来的 CSV/XLSX 文件写完（大小不再变化）后即同步", Required = true };
        var interval = new Option<TimeSpan>("--interval") { Description = "查看收件夹的间隔，文件须在两次查看之间大小不变", DefaultValueFactory = _ => TimeSpan.FromSeconds(2) };
        var heartbeat = new Option<string?>("--heartbeat") { Description = "每次查看时写入当前时间的文件（供容器的存活探针检查）" };
        var command = new Command("watch", "作为常驻程序监视收件夹：同步每个新文件，移到 processed/ 或 rejected/（退回报告在旁边）；收到 SIGTERM 时做完手头的文件再停止")
        {
            inbox, interval, heartbeat,
        };
        command.SetAction(async (parse, cancel) =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            OwnerKey owners;
            try { owners = context.OwnerKey(); }
            catch (InvalidOperationException e)
            {
                return Refusal.Print(context.Json, e.Message);
            }
            if (Publication.LedgerRecording.SchemaProblem(host.Services) is { } schema) return Refusal.Print(context.Json, schema);
            if (SyncCommand.Identities(host.Services, out var missing) is not { } identities) return Refusal.Print(context.Json, missing!);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            // The container runtime sends SIGTERM; taking it here lets the file in hand finish instead of being cut off.
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });
            var worker = new InboxWorker(parse.GetValue(inbox)!, file => SyncOne(context, host.Services, owners, identities, file), parse.GetValue(interval), parse.GetValue(heartbeat), Console.Out);
            await worker.RunAsync(stop.Token);
            return 0;
        });
        return command;
    }

    /// <summary>One file, one commit: the site sees each file as soon as it is synced.</summary>
    private static InboxResult SyncOne(IndexerContext context, IServiceProvider services, OwnerKey owners, Portal.Core.Supervision.SubjectIdentity identities, string file)
    {
        using var sync = SyncCommand.Open(context, owners, identities);
        try
        {
            var result = sync.Run(file, new SyncSettings(), reportPath: null, dryRun: false);
            sync.Commit();
            var v = result.Validation;
            var unrecorded = Publication.LedgerRecording.Record(services, [result], department: null);
            return new InboxResult(v.Payments.Count > 0, result.ReportPath,
                $"读取 {v.RowsRead:N0} 行，发布 {v.Payments.Count:N0} 行 {Money.Yuan(v.AmountPublished)}，退回 {v.RowsRejected:N0} 行" + (unrecorded is null ? "" : "；" + unrecorded));
        }
        catch (ExportFileException e) { return new InboxResult(false, null, e.Message); }
        catch (Exception e) when (SyncCommand.IndexUnavailable(e)) { return new InboxResult(false, null, $"支付索引（{context.Payments.Location}）暂时不可用（{e.Message}）", TryAgain: true); }
    }
}
