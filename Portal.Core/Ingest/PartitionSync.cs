using Portal.Core.Payments;

namespace Portal.Core.Ingest;

/// <summary>The outcome of syncing one file.</summary>
public sealed record FileSyncResult(FileValidation Validation, PartitionReplacement? Replacement, string? ReportPath)
{
    /// <summary>Partitions of the file in which every row was rejected: what they published before is kept.</summary>
    public int PartitionsKept => Validation.Partitions.Count - Validation.Payments.Select(p => p.Partition).Distinct().Count();
}

/// <summary>
/// Ingest → validate → desensitize → publish for department files. Every (village, fund, period) a file
/// has valid rows for is replaced by exactly those rows; other partitions are never touched, and a
/// partition whose rows were all rejected keeps what it had. <see cref="Commit"/> publishes the run at once.
/// </summary>
public sealed class PartitionSync(ExportValidation validation, Func<IPartitionStore> openStore, string dataDirectory) : IDisposable
{
    // Opened on the first file and kept for the run: opening the index per file costs more than small files do.
    private IPartitionStore? _store;

    /// <param name="reportPath">Where the rejection report goes; null: beside the input.</param>
    /// <param name="refuse">A reason to refuse the whole file once it is read (a department's scope), before anything is published.</param>
    /// <param name="writeReport">False when the caller keeps the rejections itself (a submission's record).</param>
    public FileSyncResult Run(string path, SyncSettings settings, string? reportPath, bool dryRun, IProgress<SyncProgress>? progress = null,
        Func<FileValidation, string?>? refuse = null, bool writeReport = true)
    {
        var name = Path.GetFileName(path);
        var checkedFile = validation.Validate(path, settings, n => progress?.Report(new SyncProgress(name, "校验", n)));
        if (refuse?.Invoke(checkedFile) is { } refusal) throw new ExportFileException(refusal);
        if (checkedFile.Payments.Count > 0)
        {
            _store ??= openStore();
            checkedFile = validation.HoldBackPublished(checkedFile, _store.Published);
        }
        string? report = null;
        if (writeReport && checkedFile.Rejections.Count + checkedFile.Warnings.Count > 0)
        {
            report = reportPath ?? RejectionReport.DefaultPathFor(path);
            RejectionReport.Write(report, checkedFile.Warnings.Concat(checkedFile.Rejections), dataDirectory);
        }
        if (dryRun || checkedFile.Payments.Count == 0) return new FileSyncResult(checkedFile, null, report);
        var replacement = _store!.Replace(checkedFile.Payments, n => progress?.Report(new SyncProgress(name, "写入索引", n)));
        return new FileSyncResult(checkedFile, replacement, report);
    }

    public void Commit() => _store?.Commit();

    public void Dispose() => _store?.Dispose();
}

public readonly record struct SyncProgress(string File, string Stage, int Rows);