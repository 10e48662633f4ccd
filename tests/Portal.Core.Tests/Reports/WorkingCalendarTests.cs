using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(WorkingCalendarSource.ReadFile(Path.Combine(AppContext.BaseDirectory, "content", "calendar", "holidays.csv")));

    [Theory]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-11-21", false)]
    [InlineData("2026-11-23", true)]
    public void Holidays_and_adjusted_working_weekends_are_what_the_State_Council_announced(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Working_days_skip_the_National_Day_week_and_count_its_Saturday()
    {
        Assert.Equal(new DateOnly(2026, 10, 8), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 1));
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(3, Calendar.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 10)));
        Assert.Equal(-3, Calendar.WorkingDaysBetween(new DateOnly(2026, 10, 10), new DateOnly(2026, 9, 30)));
    }

    [Fact]
    public void Without_exceptions_a_week_has_five_working_days()
    {
        var plain = new WorkingCalendar([]);

        Assert.Equal(new DateOnly(2027, 1, 8), plain.AddWorkingDays(new DateOnly(2027, 1, 1), 5));
    }

    [Fact]
    public void A_calendar_file_with_a_bad_line_names_the_line()
    {
        var days = WorkingCalendarSource.Parse(["date,working,note", "2027-01-01,false,元旦", "2027-13-01,false,错", "2027-02-06,是,调休"], out var problems);

        Assert.Single(days);
        Assert.Equal(["第 3 行格式不对：应为“2026-10-01,false,国庆节”（日期,是否上班,说明）。", "第 4 行格式不对：应为“2026-10-01,false,国庆节”（日期,是否上班,说明）。"], problems);
    }
}
