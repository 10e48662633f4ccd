using Portal.Core.Payments;

namespace Portal.Core.Ingest;

/// <summary>The outcome of syncing one file.</summary>
public sealed record FileSyncResult(FileValidation Validation, PartitionReplacement? Replacement, string? ReportPath)
{
    /// <summary>Partitions of the file in which every row was rejected: what they published before is kept.</summary>
    public int PartitionsKept => Validation.Partitions.Count - Validation.Payments.Select(p => p.Partition).Distinct().Count();
}

/// <summary>
/// Ingest → validate → desensitize → publish for one department file. Every (village, fund, period)
/// the file has valid rows for is replaced by exactly those rows in one commit; other partitions are
/// never touched, and a partition whose rows were all rejected keeps what it had.
/// </summary>
public sealed class PartitionSync(ExportValidation validation, Func<IPartitionStore> openStore, string dataDirectory)
{
    public FileSyncResult Run(string path, SyncSettings settings, string? reportPath, bool dryRun, IProgress<SyncProgress>? progress = null)
    {
        var name = Path.GetFileName(path);
        var checkedFile = validation.Validate(path, settings, n => progress?.Report(new SyncProgress(name, "校验", n)));
        string? report = null;
        if (checkedFile.Rejections.Count + checkedFile.Warnings.Count > 0)
        {
            report = reportPath ?? RejectionReport.DefaultPathFor(path);
            RejectionReport.Write(report, checkedFile.Warnings.Concat(checkedFile.Rejections), dataDirectory);
        }
        if (dryRun || checkedFile.Payments.Count == 0) return new FileSyncResult(checkedFile, null, report);
        using var store = openStore();
        var replacement = store.Replace(checkedFile.Payments, n => progress?.Report(new SyncProgress(name, "写入索引", n)));
        return new FileSyncResult(checkedFile, replacement, report);
    }
}

public readonly record struct SyncProgress(string File, string Stage, int Rows);
