using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Reports;
using Portal.Core.Reports.Statistics;

namespace Portal.Core.Tests.Reports.Statistics;

public sealed class HandlingFiguresTests
{
    private static readonly WorkingCalendar Calendar = new(WorkingCalendarSource.ReadFile(Path.Combine(AppContext.BaseDirectory, "content", "calendar", "holidays.csv")));
    private static readonly Deadlines Deadlines = new(Options.Create(new ReportRules()));

    /// <summary>A time as read on a clock in Beijing, stored as UTC.</summary>
    private static DateTime Beijing(string time) => ChinaTime.ToUtc(DateTime.Parse(time, CultureInfo.InvariantCulture));

    private static TakenStep Accepted(string submitted, string accepted) => new(HandlingStep.Accepted, Beijing(accepted), Beijing(submitted), Beijing(accepted), null);

    private static TakenStep Concluded(string accepted, string concluded, Disposition disposition = Disposition.Close) =>
        new(HandlingStep.Concluded, Beijing(concluded), Beijing(accepted).AddDays(-1), Beijing(accepted), disposition);

    private static HandlingFigures Figures(params TakenStep[] steps) => HandlingFigures.Of([], steps, 0, Deadlines, Calendar);

    [Fact]
    public void A_report_filed_the_day_before_National_Day_is_accepted_in_time_up_to_the_fifteenth_working_day_after_the_holiday()
    {
        // 9月30日提交：国庆放假 7 天，10月10日（周六）调休上班，第 15 个工作日是 10月27日。
        var inTime = Figures(Accepted("2026-09-30 10:00", "2026-10-27 23:30"), Accepted("2026-09-30 10:00", "2026-10-27 09:00"), Accepted("2026-09-30 10:00", "2026-10-08 09:00"));
        var oneLate = Figures(Accepted("2026-09-30 10:00", "2026-10-27 23:30"), Accepted("2026-09-30 10:00", "2026-10-28 00:10"), Accepted("2026-09-30 10:00", "2026-10-08 09:00"));

        Assert.Equal(new PublicShare(3, 3), inTime.OnTimeAccept);
        Assert.Equal(1.0, inTime.OnTimeAccept.Shown);
        Assert.Equal(new PublicShare(2, 3), oneLate.OnTimeAccept);
        Assert.Equal("66.7%", oneLate.OnTimeAccept.Text);
    }

    [Fact]
    public void A_report_still_waiting_past_its_acceptance_deadline_counts_as_late_so_an_untouched_queue_does_not_look_punctual()
    {
        TakenStep[] inTime = [Accepted("2026-09-30 10:00", "2026-10-08 09:00"), Accepted("2026-09-30 10:00", "2026-10-09 09:00"), Accepted("2026-09-30 10:00", "2026-10-12 09:00")];

        var figures = HandlingFigures.Of([], inTime, undecidedPastDue: 1, Deadlines, Calendar);

        Assert.Equal(new PublicShare(3, 4), figures.OnTimeAccept);
        Assert.Equal("75%", figures.OnTimeAccept.Text);
        Assert.Equal(new PublicCount(3), figures.Accepted);
    }

    [Fact]
    public void Working_days_to_acceptance_skip_the_holiday_and_the_median_is_the_middle_one()
    {
        var figures = Figures(
            Accepted("2026-09-30 10:00", "2026-10-08 09:00"),
            Accepted("2026-09-30 10:00", "2026-10-10 09:00"),
            Accepted("2026-09-30 10:00", "2026-10-16 09:00"));

        // 10月8日是节后第 1 个工作日，10月10日第 3 个，10月16日第 8 个。
        Assert.Equal(3, figures.AcceptWorkingDays.Median);
        Assert.Equal("3 个工作日", figures.AcceptWorkingDays.Text);
    }

    [Fact]
    public void With_an_even_number_of_acceptances_the_median_lies_between_the_two_middle_ones()
    {
        var median = PublicMedian.From([1, 8, 2, 3]);

        Assert.Equal(2.5, median.Median);
    }

    [Fact]
    public void A_report_concluded_on_the_ninetieth_day_after_acceptance_is_in_time_and_on_the_ninety_first_it_is_not()
    {
        var figures = Figures(
            Concluded("2026-09-01 10:00", "2026-11-30 22:00"),
            Concluded("2026-09-01 10:00", "2026-12-01 08:00"),
            Concluded("2026-09-01 10:00", "2026-10-15 08:00", Disposition.TalkOrInquiry));

        Assert.Equal(new PublicShare(2, 3), figures.OnTimeConclude);
        Assert.Equal(3, figures.Concluded.Value);
    }

    [Theory]
    [InlineData(0, "0", false)]
    [InlineData(1, "少于3", true)]
    [InlineData(2, "少于3", true)]
    [InlineData(3, "3", false)]
    public void A_count_of_one_or_two_is_shown_only_as_fewer_than_three(int accepted, string shown, bool suppressed)
    {
        var figures = Figures(Enumerable.Range(0, accepted).Select(_ => Accepted("2026-11-02 10:00", "2026-11-03 10:00")).ToArray());

        Assert.Equal(shown, figures.Accepted.Text);
        Assert.Equal(suppressed, figures.Accepted.Suppressed);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void A_share_and_a_median_resting_on_fewer_than_three_reports_are_not_published(int accepted, bool withheld)
    {
        var figures = Figures(Enumerable.Range(0, accepted).Select(_ => Accepted("2026-11-02 10:00", "2026-11-03 10:00")).ToArray());

        Assert.Equal(withheld, figures.OnTimeAccept.Shown is null);
        Assert.Equal(withheld, figures.AcceptWorkingDays.Median is null);
        Assert.Equal(withheld ? "不公布" : "100%", figures.OnTimeAccept.Text);
        Assert.Equal(withheld ? "不公布" : "1 个工作日", figures.AcceptWorkingDays.Text);
    }

    [Fact]
    public void A_step_taken_after_midnight_in_Beijing_counts_in_the_next_month()
    {
        var justAfter = Beijing("2026-11-01 00:30");

        Assert.Equal(new DateTime(2026, 10, 31, 16, 30, 0), justAfter);
        Assert.Equal(new Period(2026, 11), HandlingFigures.MonthOf(justAfter));
    }

    [Fact]
    public void Every_status_step_that_is_a_handling_step_is_counted_and_the_others_are_not()
    {
        Assert.Equal(HandlingStep.Transferred, HandlingSteps.Of(ReportEventKind.StatusChange, ReportStatus.Transferred));
        Assert.Equal(HandlingStep.Refused, HandlingSteps.Of(ReportEventKind.StatusChange, ReportStatus.NotAccepted));
        Assert.Null(HandlingSteps.Of(ReportEventKind.StatusChange, ReportStatus.InProgress));
        Assert.Null(HandlingSteps.Of(ReportEventKind.Reply, null));
        Assert.All(HandlingSteps.RecordedAs, kind => Assert.NotEqual(ReportEventKind.Supplement, kind));
    }
}

public sealed class MonthRangeTests
{
    private static readonly MonthRange Fallback = new(new Period(2026, 1), new Period(2026, 12));

    [Theory]
    [InlineData("2026-13", null, "from", "起始月份")]
    [InlineData("2026-1", null, "from", "2026-01")]
    [InlineData(null, "26-12", "to", "截止月份")]
    [InlineData("2026-11", "2026-03", "from", "晚于")]
    [InlineData("2023-01", "2026-12", "from", "最多查 36 个月")]
    public void A_month_range_a_stranger_gets_wrong_is_refused_in_Chinese(string? from, string? to, string parameter, string says)
    {
        var (range, problem) = MonthRange.Parse(from, to, Fallback);

        Assert.Null(range);
        Assert.Equal(parameter, problem!.Parameter);
        Assert.Contains(says, problem.Text);
    }

    [Fact]
    public void Without_a_start_the_range_is_the_twelve_months_up_to_its_end()
    {
        var (range, _) = MonthRange.Parse(null, "2025-06", Fallback);

        Assert.Equal(new MonthRange(new Period(2024, 7), new Period(2025, 6)), range);
        Assert.Equal(12, range!.Months().Count());
    }

    [Fact]
    public void The_last_year_ends_with_the_current_month_in_Beijing()
    {
        var range = MonthRange.LastYear(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new MonthRange(new Period(2026, 2), new Period(2027, 1)), range);
    }
}

public sealed class StatisticsScopeTests
{
    private static readonly Portal.Core.Regions.RegionCatalog Regions = Portal.Tests.SampleData.Regions;

    [Fact]
    public void A_county_covers_its_township_office_but_names_only_itself()
    {
        var folder = Directory.CreateTempSubdirectory("offices-").FullName;
        try
        {
            var path = Path.Combine(folder, "offices.yaml");
            File.WriteAllText(path, """
                elsewhere: {name: 河南省纪委监委, site: https://www.hnsjct.gov.cn}
                offices:
                  - {code: "4102", name: 开封市纪委监委, region: "4102", levels: [县处级]}
                  - {code: "410221", name: 杞县纪委监委, parent: "4102", region: "410221", levels: [乡科级及以下]}
                  - {code: "410221101", name: 五里河镇纪委, parent: "410221", region: "410221101", levels: [村（社区）干部]}
                """);
            var tree = Portal.Core.Offices.OfficeTree.Load(path, Regions);

            var (_, covered, _) = StatisticsScope.OfRegion("410221", Regions, tree);

            Assert.Equal(["410221", "410221101"], covered.Select(o => o.Code).Order());
            Assert.Equal(["杞县纪委监委"], StatisticsScope.Named(covered, Regions).Select(o => o.Name));
            Assert.DoesNotContain(StatisticsScope.Listed(tree, Regions), o => o.Code == "410221101");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_township_code_is_refused_with_its_countys_code()
    {
        var (_, _, problem) = StatisticsScope.OfRegion("410221101", Regions, Portal.Core.Tests.Offices.OfficeTreeTests.Default());

        Assert.Contains("410221", problem);
        Assert.Contains("县（区）", problem);
    }
}
