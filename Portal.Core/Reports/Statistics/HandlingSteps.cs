namespace Portal.Core.Reports.Statistics;

/// <summary>The steps of handling the public record counts, each month by the day it was taken.</summary>
public enum HandlingStep { Accepted, Refused, Transferred, Concluded }

/// <summary>
/// Which recorded timeline event is which public step. A 交办 or 报送 to an office outside the ones counted is a 转办 of
/// theirs; the record reads only handovers that leave them.
/// </summary>
public static class HandlingSteps
{
    /// <summary>The event kinds any step is recorded as, so the query reads only those.</summary>
    public static readonly IReadOnlyList<ReportEventKind> RecordedAs = [ReportEventKind.StatusChange, ReportEventKind.Handover];

    public static HandlingStep? Of(ReportEventKind kind, ReportStatus? toStatus) => (kind, toStatus) switch
    {
        (ReportEventKind.StatusChange, ReportStatus.Accepted) => HandlingStep.Accepted,
        (ReportEventKind.StatusChange, ReportStatus.NotAccepted) => HandlingStep.Refused,
        (ReportEventKind.StatusChange, ReportStatus.Transferred) => HandlingStep.Transferred,
        (ReportEventKind.StatusChange, ReportStatus.Concluded) => HandlingStep.Concluded,
        (ReportEventKind.Handover, _) => HandlingStep.Transferred,
        _ => null,
    };
}
