namespace Portal.Core.Reports;

/// <summary>
/// Working days as the rules count them: Monday to Friday, except public holidays, plus the weekends that
/// are made working days (调休). The exceptions are data (<see cref="CalendarDay"/>), kept by the administrator.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<CalendarDay> exceptions)
{
    private readonly Dictionary<DateOnly, bool> _exceptions = exceptions.ToDictionary(d => d.Date, d => d.IsWorkingDay);

    /// <summary>Whether any holiday of the year is entered: every year has some, so a year without any is not yet known.</summary>
    public bool Knows(int year) => _exceptions.Keys.Any(d => d.Year == year);

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The day on which <paramref name="days"/> working days after <paramref name="start"/> have passed (the start day itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }
}
