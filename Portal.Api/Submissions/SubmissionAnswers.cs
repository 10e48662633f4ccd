using Portal.Core.Submissions;

namespace Portal.Api.Submissions;

/// <summary>
/// The answer to a submission: the JSON of <c>portal-indexer sync --json</c> (summary and files, one file here), plus the
/// submission's own status, address and masked rejections. Mapped by hand: the record holds no personal value to leak.
/// </summary>
public sealed record SubmissionAnswer(SyncTotals Summary, IReadOnlyList<SyncFile> Files, SubmissionState Submission)
{
    public static SubmissionAnswer From(Submission s, string statusUrl)
    {
        var finished = s.FinishedAt is not null;
        var seconds = finished && s.StartedAt is { } started ? Math.Round((s.FinishedAt!.Value - started).TotalSeconds, 3) : 0;
        var rejections = SubmissionRejections.Read(s);
        var file = new SyncFile(s.FileName, s.Error, s.CountyName, s.RowsRead, s.RowsPublished, s.RowsRejected, s.Amount,
            rejections.Where(r => !r.Warning).GroupBy(r => r.Rule).ToDictionary(g => g.Key, g => g.Select(r => r.Row).Distinct().Count()),
            rejections.Where(r => r.Warning).Select(r => $"第 {r.Row} 行：{r.Message}").ToList(),
            s.PartitionsChanged, s.PartitionsUnchanged, s.PartitionsKept, null, seconds);
        return new SubmissionAnswer(
            new SyncTotals(s.DryRun, 1, s.Status == SubmissionStatus.Failed ? 1 : 0, s.RowsRead, s.RowsPublished, s.RowsRejected, s.Amount, seconds,
                Math.Round(s.RowsRead / Math.Max(seconds, 0.001))),
            [file],
            new SubmissionState(s.Id, StatusName(s.Status), statusUrl, s.DepartmentName, s.SubmittedAt, s.Sha256,
                rejections.Select(r => new RejectionAnswer(r.Row, r.Column, r.Rule, r.Message, r.Warning)).ToList()));
    }

    public static string StatusName(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Queued => "queued",
        SubmissionStatus.Running => "running",
        SubmissionStatus.Finished => "finished",
        _ => "failed",
    };
}

/// <summary>The run in all, as <c>sync --json</c> prints it.</summary>
public sealed record SyncTotals(bool DryRun, int Files, int FailedFiles, int RowsRead, int RowsPublished, int RowsRejected, decimal AmountPublished, double Seconds, double RowsPerSecond);

/// <summary>The file, as <c>sync --json</c> prints it; <c>error</c> says why it was refused whole, <c>report</c> is always null (the rejections are in <c>submission</c>).</summary>
public sealed record SyncFile(
    string Path, string? Error, string? County, int RowsRead, int RowsPublished, int RowsRejected, decimal AmountPublished,
    Dictionary<string, int> RejectedByRule, List<string> Warnings, int PartitionsChanged, int PartitionsUnchanged, int PartitionsKept,
    string? Report, double Seconds);

/// <summary>Where the submission stands (<c>queued</c>, <c>running</c>, <c>finished</c>, <c>failed</c>) and where to ask again.</summary>
public sealed record SubmissionState(long Id, string Status, string StatusUrl, string Department, DateTime SubmittedAt, string Sha256, IReadOnlyList<RejectionAnswer> Rejections);

/// <summary>One rejected row (or, with warning, a remark on the file): its line, column, rule and masked message.</summary>
public sealed record RejectionAnswer(int Row, string Column, string Rule, string Message, bool Warning);
