using Portal.Core.Funds;
using Portal.Core.Publication;
using Portal.Tests;

namespace Portal.Core.Tests.Publication;

/// <summary>The public record's status rules: on time, late, missing and withdrawn, counted in Beijing time against each fund's due date.</summary>
public sealed class PublicationRecordTests
{
    private const string Village = "410221101201";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset July = new(2026, 7, 20, 9, 0, 0, Beijing);
    private long _id;

    private PublicationEvent Event(PublicationKind kind, DateTimeOffset at, int period = 202605, string fund = "rural-dibao", string village = Village, int rows = 10, string? reason = null) => new()
    {
        Id = ++_id, CountyCode = village[..6], VillageCode = village, FundCode = fund, Period = period, Kind = kind, At = at.UtcDateTime,
        Department = "杞县民政局", Rows = rows, RowsRejected = 2, Reason = reason,
    };

    private static FundRecord Record(IReadOnlyList<PublicationEvent> events, DateTimeOffset now, string fund = "rural-dibao", int firstPublished = 202601) =>
        PublicationRecord.Build(SampleData.Funds, new Dictionary<string, Portal.Core.Payments.Period> { [fund] = Portal.Core.Payments.Period.FromValue(firstPublished) }, events, now)
            .Single(f => f.Fund.Code == fund);

    private static PeriodRecord Period(FundRecord record, string code) => record.Periods.Single(p => p.Period.Code == code);

    [Fact]
    public void A_monthly_fund_published_by_the_evening_of_the_15th_of_the_next_month_is_on_time()
    {
        var may = Period(Record([Event(PublicationKind.Published, new DateTimeOffset(2026, 6, 15, 23, 59, 0, Beijing))], July), "2026-05");
        Assert.Equal(PeriodStatus.Published, may.Status);
        Assert.Equal(new DateOnly(2026, 6, 15), may.DueDate);
        Assert.Equal(10, may.Rows);
        Assert.Equal(2, may.Rejected);
    }

    [Fact]
    public void A_monthly_fund_published_just_after_midnight_on_the_16th_is_late()
    {
        // 16:05 UTC on the 15th is already the 16th in Beijing.
        var may = Period(Record([Event(PublicationKind.Published, new DateTimeOffset(2026, 6, 15, 16, 5, 0, TimeSpan.Zero))], July), "2026-05");
        Assert.Equal(PeriodStatus.Late, may.Status);
    }

    [Fact]
    public void A_month_past_its_due_date_with_nothing_published_is_missing_and_one_not_yet_due_is_not_listed()
    {
        var record = Record([Event(PublicationKind.Published, new DateTimeOffset(2026, 5, 10, 9, 0, 0, Beijing), period: 202604)], July);
        Assert.Equal(PeriodStatus.Missing, Period(record, "2026-05").Status);
        Assert.Equal(PeriodStatus.Missing, Period(record, "2026-06").Status);
        Assert.DoesNotContain(record.Periods, p => p.Period.Code == "2026-07");
        Assert.Equal(PeriodStatus.Missing, Period(Record([], new DateTimeOffset(2026, 7, 16, 0, 0, 1, Beijing)), "2026-06").Status);
        Assert.DoesNotContain(Record([], new DateTimeOffset(2026, 7, 15, 23, 59, 0, Beijing)).Periods, p => p.Period.Code == "2026-06");
    }

    [Fact]
    public void Months_before_a_county_first_published_a_fund_are_not_counted_as_missing()
    {
        var record = Record([], July, firstPublished: 202604);
        Assert.Contains(record.Periods, p => p.Period.Code == "2026-04");
        Assert.DoesNotContain(record.Periods, p => p.Period.Code == "2026-03");
    }

    [Fact]
    public void A_quarterly_fund_is_due_by_the_15th_of_the_month_after_its_quarter_and_any_month_of_it_counts()
    {
        const string fund = "elderly-allowance";
        Assert.Equal(FundFrequency.Quarterly, SampleData.Funds.ByCode(fund)!.Schedule.Frequency);
        var onTime = Record([Event(PublicationKind.Published, new DateTimeOffset(2026, 7, 15, 10, 0, 0, Beijing), period: 202605, fund: fund)], July, fund);
        var q2 = Period(onTime, "2026-Q2");
        Assert.Equal(PeriodStatus.Published, q2.Status);
        Assert.Equal(new DateOnly(2026, 7, 15), q2.DueDate);
        Assert.Equal("2026年第2季度", q2.Period.ToChinese());
        var late = Record([Event(PublicationKind.Published, new DateTimeOffset(2026, 7, 16, 10, 0, 0, Beijing), period: 202606, fund: fund)], July, fund);
        Assert.Equal(PeriodStatus.Late, Period(late, "2026-Q2").Status);
        Assert.Equal(PeriodStatus.Missing, Period(Record([], July, fund), "2026-Q2").Status);
    }

    [Fact]
    public void A_withdrawn_month_says_so_with_its_reason_and_republishing_it_after_the_due_date_makes_it_late()
    {
        var published = Event(PublicationKind.Published, new DateTimeOffset(2026, 6, 10, 9, 0, 0, Beijing));
        var withdrawn = Event(PublicationKind.Withdrawn, new DateTimeOffset(2026, 6, 20, 9, 0, 0, Beijing), reason: "名单有误，核实后重新公开");
        var withdrawnMay = Period(Record([published, withdrawn], July), "2026-05");
        Assert.Equal(PeriodStatus.Withdrawn, withdrawnMay.Status);
        Assert.Equal("名单有误，核实后重新公开", withdrawnMay.Withdrawal!.Reason);
        Assert.Equal(0, withdrawnMay.Rows);

        var republished = Event(PublicationKind.Published, new DateTimeOffset(2026, 6, 25, 9, 0, 0, Beijing), rows: 9);
        var may = Period(Record([published, withdrawn, republished], July), "2026-05");
        Assert.Equal(PeriodStatus.Late, may.Status);
        Assert.Equal(9, may.Rows);
        Assert.Equal([withdrawn, republished], may.Changes);
    }

    [Fact]
    public void A_correction_does_not_move_when_a_month_was_published()
    {
        var may = Period(Record([
            Event(PublicationKind.Published, new DateTimeOffset(2026, 6, 10, 9, 0, 0, Beijing)),
            Event(PublicationKind.Corrected, new DateTimeOffset(2026, 6, 30, 9, 0, 0, Beijing), rows: 12),
        ], July), "2026-05");
        Assert.Equal(PeriodStatus.Published, may.Status);
        Assert.Equal(12, may.Rows);
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 9, 0, 0, Beijing).UtcDateTime, may.PublishedAt);
        Assert.Single(may.Changes);
    }

    [Fact]
    public void A_month_is_published_when_its_last_village_is_and_one_withdrawn_village_leaves_the_rest_standing()
    {
        var may = Period(Record([
            Event(PublicationKind.Published, new DateTimeOffset(2026, 6, 10, 9, 0, 0, Beijing)),
            Event(PublicationKind.Published, new DateTimeOffset(2026, 6, 18, 9, 0, 0, Beijing), village: "410221101203"),
            Event(PublicationKind.Withdrawn, new DateTimeOffset(2026, 6, 19, 9, 0, 0, Beijing), reason: "重复发放，已追回"),
        ], July), "2026-05");
        Assert.Equal(PeriodStatus.Late, may.Status);
        Assert.Equal(10, may.Rows);
    }

    [Fact]
    public void The_record_shows_the_last_twelve_months_newest_first()
    {
        var record = Record([], July, firstPublished: 202001);
        Assert.Equal("2026-06", record.Periods[0].Period.Code);
        Assert.Equal("2025-07", record.Periods[^1].Period.Code);
    }
}
