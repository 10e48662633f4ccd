using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Tests;

namespace Portal.Core.Tests.Funds;

/// <summary>How often each fund is published and by when, as content/funds.yaml says, and the refusals of a catalogue that does not say it.</summary>
public sealed class FundScheduleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-funds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Subsistence_funds_are_due_monthly_by_the_15th_of_the_next_month_and_the_farmland_subsidy_yearly()
    {
        var dibao = SampleData.Funds.ByCode("rural-dibao")!.Schedule;
        Assert.Equal(FundFrequency.Monthly, dibao.Frequency);
        Assert.Equal(new DateOnly(2026, 6, 15), dibao.DueDate(dibao.PeriodOf(new Period(2026, 5))));
        Assert.Equal(new DateOnly(2027, 1, 15), dibao.DueDate(dibao.PeriodOf(new Period(2026, 12))));
        Assert.Equal("按月公开，次月15日前", dibao.Describe());
        Assert.Equal(FundFrequency.Monthly, SampleData.Funds.ByCode("tekun")!.Schedule.Frequency);
        var farmland = SampleData.Funds.ByCode("farmland-protection")!.Schedule;
        Assert.Equal(FundFrequency.Yearly, farmland.Frequency);
        Assert.Equal("2026", farmland.PeriodOf(new Period(2026, 4)).Code);
        Assert.Equal(new DateOnly(2027, 1, 31), farmland.DueDate(farmland.PeriodOf(new Period(2026, 4))));
    }

    [Fact]
    public void A_due_day_past_the_end_of_a_short_month_is_that_months_last_day()
    {
        var schedule = new FundSchedule(FundFrequency.Monthly, 1, 31);
        Assert.Equal(new DateOnly(2026, 2, 28), schedule.DueDate(schedule.PeriodOf(new Period(2026, 1))));
    }

    [Theory]
    [InlineData("", "due: {monthsAfter: 1, day: 15}", "frequency 必须是 monthly（按月）、quarterly（按季度）或 yearly（按年）")]
    [InlineData("frequency: weekly", "due: {monthsAfter: 1, day: 15}", "frequency 必须是")]
    [InlineData("frequency: monthly", "", "缺少 due")]
    [InlineData("frequency: monthly", "due: {monthsAfter: 13, day: 15}", "due.monthsAfter 必须在 0 到 12 之间")]
    [InlineData("frequency: monthly", "due: {monthsAfter: 1, day: 32}", "due.day 必须在 1 到 31 之间")]
    public void A_catalogue_whose_fund_does_not_say_when_it_is_due_is_refused_in_Chinese(string frequency, string due, string message)
    {
        var path = Path.Combine(_folder, "funds.yaml");
        File.WriteAllText(path, $"""
            funds:
              - code: rural-dibao
                name: 农村低保
                department: 民政
                maxAmount: 2000
                publicationMonths: 24
                {frequency}
                {due}
            """);
        var refused = Assert.Throws<InvalidDataException>(() => FundCatalog.Load(path));
        Assert.Contains("rural-dibao", refused.Message);
        Assert.Contains(message, refused.Message);
    }
}
