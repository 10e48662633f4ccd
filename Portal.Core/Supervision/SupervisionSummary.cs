using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core.Supervision;

/// <summary>
/// What supervision found in a region, as the public may see it: payments checked against other departments' lists,
/// clues found, found true, rectified, and the amount recovered. The amount is withheld when the rectified count is,
/// since one case's amount would show what one household received.
/// </summary>
public sealed record SupervisionFigures(PublicCount Checked, PublicCount Flagged, PublicCount Confirmed, PublicCount Rectified, decimal RecoveredAmount)
{
    public static readonly SupervisionFigures None = new(new(0), new(0), new(0), new(0), 0);

    public decimal? ShownRecoveredAmount => Rectified.Suppressed ? null : RecoveredAmount;

    public SupervisionFigures Plus(SupervisionFigures other) => new(
        new(Checked.Value + other.Checked.Value), new(Flagged.Value + other.Flagged.Value), new(Confirmed.Value + other.Confirmed.Value),
        new(Rectified.Value + other.Rectified.Value), RecoveredAmount + other.RecoveredAmount);
}

public sealed record PeriodFigures(Period Period, SupervisionFigures Figures);

/// <summary>A part of the region one level down (a county's townships, a city's counties), never a village.</summary>
public sealed record PartFigures(Region Part, SupervisionFigures Figures);

/// <summary>A region's figures over the window, newest period first, and its parts one level down (none for a township).</summary>
public sealed record SupervisionSummary(Region Region, Period From, Period To, SupervisionFigures Total, IReadOnlyList<PeriodFigures> Periods, IReadOnlyList<PartFigures> Parts)
{
    /// <summary>The public figures cover the payment months of the last year.</summary>
    public const int WindowMonths = 12;
}
