namespace Portal.Core.Reports;

/// <summary>
/// Deadlines, lockout and duplicate detection, with the defaults of the 检举控告 rules; overridable under
/// Portal:Reports. (The rule that the result is told within 15 working days of conclusion is met by
/// construction: concluding requires the result, and the reporter sees it at once.)
/// </summary>
public sealed class ReportRules
{
    public const string Section = "Portal:Reports";

    /// <summary>A named reporter is told within 15 working days whether the report is accepted.</summary>
    public int AcceptWorkingDays { get; set; } = 15;

    /// <summary>A report for a lower-level office is transferred within 5 working days of acceptance.</summary>
    public int TransferWorkingDays { get; set; } = 5;

    /// <summary>Calendar days from acceptance to conclusion.</summary>
    public int ConcludeDays { get; set; } = 90;

    /// <summary>Marked 临期 when this many working days or fewer remain.</summary>
    public int NearWorkingDays { get; set; } = 3;

    public int MaxFailedLookups { get; set; } = 5;
    public int LookupLockMinutes { get; set; } = 30;

    /// <summary>Character-bigram overlap at which two reports about the same person or unit are flagged as likely duplicates.</summary>
    public double DuplicateSimilarity { get; set; } = 0.5;

    /// <summary>Blobs older than this with no attachment record are swept (a crash between upload and commit).</summary>
    public int OrphanBlobMinutes { get; set; } = 60;
}
