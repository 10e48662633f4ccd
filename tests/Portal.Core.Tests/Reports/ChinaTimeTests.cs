using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

public sealed class ChinaTimeTests
{
    [Fact]
    public void A_stored_time_reads_as_Beijing_time_with_its_offset_to_the_second_on_receipts_dates_and_answers_alike()
    {
        var stored = new DateTime(2026, 11, 23, 2, 15, 2, 750, DateTimeKind.Utc);

        var answered = ChinaTime.WithOffset(stored);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 15, 2, TimeSpan.FromHours(8)), answered);
        Assert.Equal(TimeSpan.FromHours(8), answered.Offset);
        Assert.Equal(ChinaTime.Date(stored), DateOnly.FromDateTime(answered.DateTime));
        Assert.Equal("2026-11-23 10:15", ChinaTime.Format(stored));
    }
}
