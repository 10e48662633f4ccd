namespace Portal.Core.Reports;

/// <summary>The statutory deadlines a step can have: 受理 within 15 working days, 转办 within 5, 办结 within 90 days of acceptance.</summary>
public enum DeadlineKind { Accept, Transfer, Conclude }

/// <summary>
/// One deadline of a report's current step as the reporter reads it: the date, and the working days left before it or
/// gone past it, counted as <see cref="WorkingCalendar.WorkingDaysBetween"/> counts (today itself does not count).
/// </summary>
public sealed record StepDeadline(DeadlineKind Kind, DateOnly DueOn, bool DueToday, bool Passed, int WorkingDaysLeft, int WorkingDaysOver)
{
    /// <summary>When the reporter pressed 催办 for this deadline; null until then.</summary>
    public DateTime? UrgedAt { get; init; }

    public static StepDeadline On(DeadlineKind kind, DateOnly dueOn, DateOnly today, WorkingCalendar calendar) => today > dueOn
        ? new(kind, dueOn, DueToday: false, Passed: true, WorkingDaysLeft: 0, WorkingDaysOver: calendar.WorkingDaysBetween(dueOn, today))
        : new(kind, dueOn, DueToday: today == dueOn, Passed: false, WorkingDaysLeft: calendar.WorkingDaysBetween(today, dueOn), WorkingDaysOver: 0);

    public string Name => Kind.Name();

    /// <summary>“受理期限 2026年12月18日，还有 8 个工作日” or “…，已超过期限 3 个工作日”.</summary>
    public string Summary => $"{Name} {Date(DueOn)}，{Remaining}";

    /// <summary>Past a deadline that fell on a weekend, no working day may have gone by yet: then it only says that it has passed.</summary>
    public string Remaining =>
        Passed ? WorkingDaysOver > 0 ? $"已超过期限 {WorkingDaysOver} 个工作日" : "已超过期限"
        : DueToday ? "今天到期"
        : $"还有 {WorkingDaysLeft} 个工作日";

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}

public static class DeadlineKinds
{
    /// <summary>A deadline by its code (Accept, Transfer, Conclude; any case), as the page's form and the API send it; a number is not a code.</summary>
    public static DeadlineKind? Parse(string? code) =>
        Enum.GetValues<DeadlineKind>().Where(k => string.Equals(k.ToString(), code?.Trim(), StringComparison.OrdinalIgnoreCase)).Cast<DeadlineKind?>().FirstOrDefault();

    public static string Name(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.Accept => "受理期限",
        DeadlineKind.Transfer => "转办期限",
        _ => "办结期限",
    };
}
