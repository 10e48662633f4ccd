using Microsoft.Extensions.Options;

namespace Portal.Core.Reports;

public enum DueMark { None, OnTime, Near, Overdue }

/// <summary>When a report's current step is due, and whether it is 临期 or 超期.</summary>
public sealed class Deadlines(IOptions<ReportRules> options)
{
    private readonly ReportRules _rules = options.Value;

    /// <summary>When the current step is due: its first deadline, or null once the report is closed.</summary>
    public DateOnly? DueOn(Report report, WorkingCalendar calendar) => OfStep(report, calendar) is [var first, ..] ? first.DueOn : null;

    /// <summary>
    /// Every statutory deadline of the current step, the nearest first. An accepted report is due to be transferred within
    /// 5 working days and concluded within 90 days; both run from acceptance. An office a report was handed to (交办 or
    /// 报送) has its own deadlines: they run from the day it received the report.
    /// </summary>
    public IReadOnlyList<(DeadlineKind Kind, DateOnly DueOn)> OfStep(Report report, WorkingCalendar calendar)
    {
        var start = Later(report.AcceptedAt ?? report.StatusChangedAt, report.ReceivedAt);
        var accepted = ChinaTime.Date(start);
        var conclude = (DeadlineKind.Conclude, ConcludeDueOn(start));
        return report.Status switch
        {
            ReportStatus.Submitted => [(DeadlineKind.Accept, AcceptDueOn(Later(report.SubmittedAt, report.ReceivedAt), calendar))],
            ReportStatus.Accepted => [(DeadlineKind.Transfer, calendar.AddWorkingDays(accepted, _rules.TransferWorkingDays)), conclude],
            ReportStatus.Transferred or ReportStatus.InProgress => [conclude],
            _ => [],
        };
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>The last day on which a report submitted at <paramref name="submittedAt"/> (UTC) is accepted in time.</summary>
    public DateOnly AcceptDueOn(DateTime submittedAt, WorkingCalendar calendar) => calendar.AddWorkingDays(ChinaTime.Date(submittedAt), _rules.AcceptWorkingDays);

    /// <summary>The last day on which a report accepted at <paramref name="acceptedAt"/> (UTC) is concluded in time.</summary>
    public DateOnly ConcludeDueOn(DateTime acceptedAt) => ChinaTime.Date(acceptedAt).AddDays(_rules.ConcludeDays);

    /// <summary>The current step's deadlines as the reporter reads them on <paramref name="today"/>.</summary>
    public IReadOnlyList<StepDeadline> Shown(Report report, DateOnly today, WorkingCalendar calendar) =>
        OfStep(report, calendar).Select(d => StepDeadline.On(d.Kind, d.DueOn, today, calendar)).ToList();

    /// <summary>
    /// The years a deadline set today can fall in whose holidays nobody has entered yet: deadlines there count Monday to
    /// Friday only, and may be wrong by the holidays of that year until the administrator enters them.
    /// </summary>
    public IReadOnlyList<int> UnknownYears(DateOnly today, WorkingCalendar calendar) =>
        Enumerable.Range(today.Year, today.AddDays(_rules.ConcludeDays).Year - today.Year + 1).Where(year => !calendar.Knows(year)).ToList();

    public DueMark Mark(DateOnly? dueOn, DateOnly today, WorkingCalendar calendar)
    {
        if (dueOn is not { } due) return DueMark.None;
        if (today > due) return DueMark.Overdue;
        return due <= LastNearDay(today, calendar) ? DueMark.Near : DueMark.OnTime;
    }

    /// <summary>The reports the queue's 超期 or 临期 filter shows: exactly those <see cref="Mark"/> marks so.</summary>
    public IQueryable<Report> WhereMarked(IQueryable<Report> reports, DueMark mark, DateOnly today, WorkingCalendar calendar)
    {
        var lastNear = LastNearDay(today, calendar);
        return mark switch
        {
            DueMark.Overdue => reports.Where(r => r.DueOn < today),
            DueMark.Near => reports.Where(r => r.DueOn >= today && r.DueOn <= lastNear),
            DueMark.OnTime => reports.Where(r => r.DueOn > lastNear),
            _ => reports.Where(r => r.DueOn == null),
        };
    }

    /// <summary>
    /// The last due date that is 临期 today: at most NearWorkingDays working days remain until it. That is the day before
    /// the next working day after them, so a deadline on the weekend or holiday that follows is 临期 too.
    /// </summary>
    private DateOnly LastNearDay(DateOnly today, WorkingCalendar calendar) => calendar.AddWorkingDays(today, _rules.NearWorkingDays + 1).AddDays(-1);

    public static string Name(DueMark mark) => mark switch { DueMark.Near => "临期", DueMark.Overdue => "超期", DueMark.OnTime => "正常", _ => "" };
}
