using Microsoft.Extensions.Options;

namespace Portal.Core.Reports;

public enum DueMark { None, OnTime, Near, Overdue }

/// <summary>When a report's current step is due, and whether it is 临期 or 超期.</summary>
public sealed class Deadlines(IOptions<ReportRules> options)
{
    private readonly ReportRules _rules = options.Value;

    public int NearWorkingDays => _rules.NearWorkingDays;

    public DateOnly? DueOn(Report report, WorkingCalendar calendar) => report.Status switch
    {
        ReportStatus.Submitted => calendar.AddWorkingDays(ChinaTime.Date(report.SubmittedAt), _rules.AcceptWorkingDays),
        ReportStatus.Accepted => calendar.AddWorkingDays(ChinaTime.Date(report.AcceptedAt ?? report.StatusChangedAt), _rules.TransferWorkingDays),
        ReportStatus.Transferred or ReportStatus.InProgress => ChinaTime.Date(report.AcceptedAt ?? report.StatusChangedAt).AddDays(_rules.ConcludeDays),
        _ => null,
    };

    public DueMark Mark(DateOnly? dueOn, DateOnly today, WorkingCalendar calendar)
    {
        if (dueOn is not { } due) return DueMark.None;
        if (today > due) return DueMark.Overdue;
        return calendar.WorkingDaysBetween(today, due) <= _rules.NearWorkingDays ? DueMark.Near : DueMark.OnTime;
    }

    public static string Name(DueMark mark) => mark switch { DueMark.Near => "临期", DueMark.Overdue => "超期", DueMark.OnTime => "正常", _ => "" };
}
