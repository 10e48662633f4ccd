namespace Portal.Indexer.Sync;

/// <summary>What syncing one inbox file came to: published (some or all rows) or not, the report of held-back rows, a line for the log.</summary>
public sealed record InboxResult(bool Published, string? ReportPath, string Summary);

/// <summary>
/// Watches an inbox folder: each CSV/XLSX that lands there is taken once it has settled, synced, and moved with its
/// rejection report to <c>processed/</c> (something was published) or <c>rejected/</c> (nothing was).
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
        // A file taken before a crash is synced again: syncing a file twice changes nothing.
        foreach (var left in Candidates(Processing).Select(f => f.FullName).Order(StringComparer.Ordinal)) Handle(left);

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
        var staleReport = Rejection(taken);
        if (File.Exists(staleReport)) File.Delete(staleReport);
        InboxResult result;
        try { result = sync(taken); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { result = new InboxResult(false, null, $"无法读取（{e.Message}）"); }

        var target = FreeName(Path.Combine(result.Published ? Processed : Rejected, Path.GetFileName(taken)));
        try
        {
            File.Move(taken, target);
            if (result.ReportPath is not null && File.Exists(result.ReportPath)) File.Move(result.ReportPath, Rejection(target), overwrite: true);
            else if (!result.Published) File.WriteAllText(Path.ChangeExtension(target, ".error.txt"), result.Summary + Environment.NewLine);
            log.WriteLine($"{(result.Published ? "✓" : "✗")} {Path.GetRelativePath(Inbox, target)}：{result.Summary}");
        }
        // The sync stands; the file waits in processing/ for the operator (or the next start, where syncing it again changes nothing).
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"{(result.Published ? "✓" : "✗")} {Path.GetRelativePath(Inbox, taken)}：{result.Summary}；无法移到 {Path.GetRelativePath(Inbox, target)}（{e.Message}）");
        }
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
