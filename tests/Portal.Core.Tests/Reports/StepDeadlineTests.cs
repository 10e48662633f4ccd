using Microsoft.Extensions.Options;
using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

/// <summary>The deadlines a reporter reads on the progress page, counted on the State Council's calendar.</summary>
public sealed class StepDeadlineTests
{
    private static readonly WorkingCalendar Calendar = new(WorkingCalendarSource.ReadFile(Path.Combine(AppContext.BaseDirectory, "content", "calendar", "holidays.csv")));
    private static readonly Deadlines Deadlines = new(Options.Create(new ReportRules()));

    /// <summary>Filed on the Monday before the National Day week (holidays 1–7 October, Saturday 10 October worked).</summary>
    private static readonly Report FiledBeforeNationalDay = new()
    {
        Status = ReportStatus.Submitted,
        SubmittedAt = ChinaTime.ToUtc(new DateTime(2026, 9, 28, 10, 0, 0)),
        StatusChangedAt = ChinaTime.ToUtc(new DateTime(2026, 9, 28, 10, 0, 0)),
    };

    private static StepDeadline Shown(Report report, string today) => Assert.Single(Deadlines.Shown(report, DateOnly.Parse(today), Calendar));

    [Fact]
    public void The_acceptance_deadline_skips_the_National_Day_week_and_counts_its_working_Saturday()
    {
        var deadline = Shown(FiledBeforeNationalDay, "2026-09-28");

        Assert.Equal(DeadlineKind.Accept, deadline.Kind);
        Assert.Equal(new DateOnly(2026, 10, 23), deadline.DueOn);
        Assert.Equal(15, deadline.WorkingDaysLeft);
        Assert.Equal("受理期限 2026年10月23日，还有 15 个工作日", deadline.Summary);
    }

    [Fact]
    public void Before_the_deadline_the_holiday_days_left_are_not_counted()
    {
        var deadline = Shown(FiledBeforeNationalDay, "2026-09-30");

        Assert.False(deadline.Passed);
        Assert.Equal(13, deadline.WorkingDaysLeft);
        Assert.Equal("还有 13 个工作日", deadline.Remaining);
    }

    [Fact]
    public void On_the_deadline_it_is_due_today_and_not_yet_passed()
    {
        var deadline = Shown(FiledBeforeNationalDay, "2026-10-23");

        Assert.False(deadline.Passed);
        Assert.Equal(0, deadline.WorkingDaysLeft);
        Assert.Equal("受理期限 2026年10月23日，今天到期", deadline.Summary);
    }

    [Theory]
    [InlineData("2026-10-24", 0, "已超过期限")]
    [InlineData("2026-10-26", 1, "已超过期限 1 个工作日")]
    [InlineData("2026-10-28", 3, "已超过期限 3 个工作日")]
    public void After_the_deadline_the_working_days_past_it_are_counted(string today, int over, string remaining)
    {
        var deadline = Shown(FiledBeforeNationalDay, today);

        Assert.True(deadline.Passed);
        Assert.Equal(over, deadline.WorkingDaysOver);
        Assert.Equal(remaining, deadline.Remaining);
    }

    [Fact]
    public void An_accepted_report_shows_its_transfer_deadline_and_then_its_conclusion_deadline_in_calendar_days()
    {
        var accepted = new Report
        {
            Status = ReportStatus.Accepted,
            SubmittedAt = FiledBeforeNationalDay.SubmittedAt,
            AcceptedAt = ChinaTime.ToUtc(new DateTime(2026, 9, 30, 9, 0, 0)),
            StatusChangedAt = ChinaTime.ToUtc(new DateTime(2026, 9, 30, 9, 0, 0)),
        };

        var deadlines = Deadlines.Shown(accepted, new DateOnly(2026, 9, 30), Calendar);

        Assert.Equal([DeadlineKind.Transfer, DeadlineKind.Conclude], deadlines.Select(d => d.Kind));
        Assert.Equal(new DateOnly(2026, 10, 13), deadlines[0].DueOn);
        Assert.Equal(new DateOnly(2026, 9, 30).AddDays(new ReportRules().ConcludeDays), deadlines[1].DueOn);
        Assert.Equal(deadlines[0].DueOn, Deadlines.DueOn(accepted, Calendar));
    }

    [Theory]
    [InlineData(ReportStatus.Concluded)]
    [InlineData(ReportStatus.NotAccepted)]
    public void A_closed_report_has_no_deadline_to_show(ReportStatus status)
    {
        Assert.Empty(Deadlines.Shown(new Report { Status = status, SubmittedAt = FiledBeforeNationalDay.SubmittedAt }, new DateOnly(2026, 10, 1), Calendar));
    }

    [Theory]
    [InlineData("Accept", DeadlineKind.Accept)]
    [InlineData("conclude", DeadlineKind.Conclude)]
    [InlineData(" Transfer ", DeadlineKind.Transfer)]
    [InlineData("0", null)]
    [InlineData("Tomorrow", null)]
    [InlineData(null, null)]
    public void A_deadline_is_named_by_its_code_and_never_by_a_number(string? code, DeadlineKind? kind)
    {
        Assert.Equal(kind, DeadlineKinds.Parse(code));
    }

    [Fact]
    public void In_December_the_desk_is_told_that_next_years_holidays_are_not_entered_while_the_90_days_ahead_stay_within_known_years_before()
    {
        Assert.Empty(Deadlines.UnknownYears(new DateOnly(2026, 9, 1), Calendar));
        Assert.Equal([2027], Deadlines.UnknownYears(new DateOnly(2026, 12, 7), Calendar));
        Assert.Equal([2027], Deadlines.UnknownYears(new DateOnly(2027, 3, 1), Calendar));
        Assert.Empty(Deadlines.UnknownYears(new DateOnly(2027, 3, 1), new WorkingCalendar([new CalendarDay { Date = new DateOnly(2027, 1, 1), Note = "元旦" }])));
    }
}
