namespace Portal.Indexer.Sync;

/// <summary>
/// What syncing one inbox file came to: published (some or all rows) or not, the report of held-back rows, a line for
/// the log; or, when the index could not take it, that it should wait in the inbox and be tried again.
/// </summary>
public sealed record InboxResult(bool Published, string? ReportPath, string Summary, bool TryAgain = false);

/// <summary>
/// Watches an inbox folder: each CSV/XLSX that lands there is taken once it has settled, synced, and moved with its
/// rejection report to <c>processed/</c> (something was published) or <c>rejected/</c> (nothing was, or syncing it
/// failed). A file never blocks those behind it: one that stopped the last worker is set aside at the next start.
/// </summary>
public sealed class InboxWorker(string inbox, Func<string, InboxResult> sync, TimeSpan interval, string? heartbeat, TextWriter log)
{
    public string Inbox { get; } = Path.GetFullPath(inbox);
    public string Processing => Path.Combine(Inbox, "processing");
    public string Processed => Path.Combine(Inbox, "processed");
    public string Rejected => Path.Combine(Inbox, "rejected");

    /// <summary>Runs until <paramref name="stop"/>; the file in hand is finished first, so a stop never leaves half a move.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        foreach (var folder in new[] { Processing, Processed, Rejected }) Directory.CreateDirectory(folder);
        log.WriteLine($"监视收件夹 / watching {Inbox}（每 {interval.TotalSeconds:0.###} 秒）");
        // A file still in processing/ was in hand when the last worker died (killed, or out of memory): taken again, it
        // could stop this one too, and every start after, with the files behind it waiting for ever.
        foreach (var left in Candidates(Processing).Select(f => f.FullName).Order(StringComparer.Ordinal))
        {
            DropStaleReport(left);
            Finish(left, new InboxResult(false, null, "上次同步这个文件时同步程序中断（进程被终止或内存不足），为免再次中断、堵住收件夹，已移出队列；请检查文件（如是否有过大的单元格）后重新放入收件夹"));
        }

        var beating = BeatAsync(stop);
        var settled = new SettledFiles();
        while (!stop.IsCancellationRequested)
        {
            foreach (var path in settled.Look(Candidates(Inbox)))
            {
                if (stop.IsCancellationRequested) break;
                var taken = Path.Combine(Processing, Path.GetFileName(path));
                try { File.Move(path, taken, overwrite: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; } // removed or renamed meanwhile
                Handle(taken);
            }
            try { await Task.Delay(interval, stop); }
            catch (OperationCanceledException) { break; }
        }
        await beating;
        log.WriteLine("已停止 / stopped");
    }

    /// <summary>Beats on its own, so a large file that takes minutes to sync does not read as a stuck worker.</summary>
    private async Task BeatAsync(CancellationToken stop)
    {
        if (heartbeat is null) return;
        while (!stop.IsCancellationRequested)
        {
            File.WriteAllText(heartbeat, DateTimeOffset.UtcNow.ToString("O"));
            try { await Task.Delay(interval, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    private void Handle(string taken)
    {
        DropStaleReport(taken);
        InboxResult result;
        try { result = sync(taken); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { result = new InboxResult(false, null, $"无法读取（{e.Message}）"); }
        // Whatever else fails the sync sets the file aside, so that the worker and the files behind it go on.
        catch (Exception e) { result = new InboxResult(false, null, $"同步时出错，已移出队列（{e.GetType().Name}：{e.Message}）；请告诉运维人员"); }
        if (result.TryAgain) Return(taken, result);
        else Finish(taken, result);
    }

    private void Finish(string taken, InboxResult result)
    {
        var target = FreeName(Path.Combine(result.Published ? Processed : Rejected, Path.GetFileName(taken)));
        try
        {
            File.Move(taken, target);
            if (result.ReportPath is not null && File.Exists(result.ReportPath)) File.Move(result.ReportPath, Rejection(target), overwrite: true);
            else if (!result.Published) File.WriteAllText(Path.ChangeExtension(target, ".error.txt"), result.Summary + Environment.NewLine);
            log.WriteLine($"{(result.Published ? "✓" : "✗")} {Path.GetRelativePath(Inbox, target)}：{result.Summary}");
        }
        // The sync stands; the file waits in processing/ for the operator, and the next start sets it aside.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"{(result.Published ? "✓" : "✗")} {Path.GetRelativePath(Inbox, taken)}：{result.Summary}；无法移到 {Path.GetRelativePath(Inbox, target)}（{e.Message}）");
        }
    }

    /// <summary>Back to the inbox, to be taken again at a later look: the file was not at fault.</summary>
    private void Return(string taken, InboxResult result)
    {
        var back = FreeName(Path.Combine(Inbox, Path.GetFileName(taken)));
        try
        {
            File.Move(taken, back);
            log.WriteLine($"… {Path.GetFileName(back)}：{result.Summary}；文件放回收件夹，稍后重试");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"… {Path.GetRelativePath(Inbox, taken)}：{result.Summary}；无法放回收件夹（{e.Message}）");
        }
    }

    private static void DropStaleReport(string taken)
    {
        var report = Rejection(taken);
        if (File.Exists(report)) File.Delete(report);
    }

    private static string Rejection(string file) => Portal.Core.Ingest.RejectionReport.DefaultPathFor(file);

    /// <summary>A second file of the same name keeps the first: the new one gets the time it was filed.</summary>
    private static string FreeName(string path) =>
        File.Exists(path)
            ? Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}-{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}{Path.GetExtension(path)}")
            : path;

    /// <summary>Department files at the top of a folder; hidden files (an upload in progress) and earlier reports are not.</summary>
    private static IEnumerable<FileInfo> Candidates(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && SyncCommand.IsDepartmentFile(f.Name));
}
