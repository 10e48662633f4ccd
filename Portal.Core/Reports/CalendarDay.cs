namespace Portal.Core.Reports;

/// <summary>A date that is not what its weekday suggests: a public holiday, or a weekend made a working day (调休).</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public bool IsWorkingDay { get; set; }
    public string Note { get; set; } = "";
}
