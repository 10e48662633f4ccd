namespace Portal.Core.Reports.Statistics;

/// <summary>The steps of handling the public record counts, each month by the day it was taken.</summary>
public enum HandlingStep { Accepted, Refused, Transferred, Concluded }

/// <summary>
/// Which recorded timeline event is which public step. A new kind of event (交办 or 报送 between offices) is counted by
/// adding it here: it then shows as 转办 without touching the query or the figures.
/// </summary>
public static class HandlingSteps
{
    /// <summary>The event kinds any step is recorded as, so the query reads only those.</summary>
    public static readonly IReadOnlyList<ReportEventKind> RecordedAs = [ReportEventKind.StatusChange];

    public static HandlingStep? Of(ReportEventKind kind, ReportStatus? toStatus) => (kind, toStatus) switch
    {
        (ReportEventKind.StatusChange, ReportStatus.Accepted) => HandlingStep.Accepted,
        (ReportEventKind.StatusChange, ReportStatus.NotAccepted) => HandlingStep.Refused,
        (ReportEventKind.StatusChange, ReportStatus.Transferred) => HandlingStep.Transferred,
        (ReportEventKind.StatusChange, ReportStatus.Concluded) => HandlingStep.Concluded,
        _ => null,
    };
}
