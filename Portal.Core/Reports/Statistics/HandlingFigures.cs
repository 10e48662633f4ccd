using Portal.Core.Payments;
using Portal.Core.Privacy;

namespace Portal.Core.Reports.Statistics;

/// <summary>What the record needs of a report: when it came in to the offices counted (submitted, or handed to them) and under what category; nothing sealed.</summary>
public sealed record ReceivedReport(DateTime At, ReportCategory Category);

/// <summary>
/// What the record needs of one step: when it was taken, when the office that took it received the report, and when its
/// deadlines to conclude began (acceptance, or a later handover); nothing sealed.
/// </summary>
public sealed record TakenStep(HandlingStep Step, DateTime At, DateTime ReceivedAt, DateTime? AcceptedAt, Disposition? Disposition);

/// <summary>
/// The figures of a set of offices over some months, as the public sees them: counts under three as 少于3, shares and the
/// median withheld when they rest on fewer than three reports. Each step counts in the month (Beijing time) it was taken.
/// </summary>
public sealed record HandlingFigures(
    PublicCount Received, PublicCount Accepted, PublicCount Refused, PublicCount Transferred, PublicCount Concluded,
    PublicShare OnTimeAccept, PublicShare OnTimeConclude, PublicMedian AcceptWorkingDays)
{
    /// <summary>
    /// Accepted in time: on or before the 15th working day after the day the office received the report. Concluded in time: within the
    /// days after acceptance that the rules allow. Working days to acceptance count as the deadlines count them.
    /// </summary>
    /// <param name="undecidedPastDue">
    /// Reports neither accepted nor refused whose acceptance deadline has passed: each is late, so it counts against the
    /// share accepted in time (in the month its deadline passed) — otherwise a queue left untouched would look punctual.
    /// </param>
    public static HandlingFigures Of(IReadOnlyCollection<ReceivedReport> received, IReadOnlyCollection<TakenStep> steps, int undecidedPastDue,
        Deadlines deadlines, WorkingCalendar calendar)
    {
        var accepted = steps.Where(s => s.Step == HandlingStep.Accepted).ToList();
        var concluded = steps.Where(s => s.Step == HandlingStep.Concluded).ToList();
        return new(
            new(received.Count), new(accepted.Count), Count(steps, HandlingStep.Refused), Count(steps, HandlingStep.Transferred), new(concluded.Count),
            new(accepted.Count(s => ChinaTime.Date(s.At) <= deadlines.AcceptDueOn(s.ReceivedAt, calendar)), accepted.Count + undecidedPastDue),
            new(concluded.Count(s => s.AcceptedAt is { } at && ChinaTime.Date(s.At) <= deadlines.ConcludeDueOn(at)), concluded.Count),
            PublicMedian.From(accepted.Select(s => calendar.WorkingDaysBetween(ChinaTime.Date(s.ReceivedAt), ChinaTime.Date(s.At))).ToList()));
    }

    private static PublicCount Count(IEnumerable<TakenStep> steps, HandlingStep step) => new(steps.Count(s => s.Step == step));

    public static Period MonthOf(DateTime utc)
    {
        var date = ChinaTime.Date(utc);
        return new Period(date.Year, date.Month);
    }
}
