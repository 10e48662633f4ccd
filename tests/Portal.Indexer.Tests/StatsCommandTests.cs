using Portal.Tests;

namespace Portal.Indexer.Tests;

public class StatsCommandTests
{
    [Fact]
    public void Stats_reports_what_is_published_by_fund_and_period()
    {
        using var data = new SampleData();
        data.AddCounty(people: 40, months: 2);
        var r = IndexerProcess.Run(data, "stats", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(80, r.Json.GetProperty("count").GetInt32());
        Assert.Equal(data.Rows.Sum(x => x.Amount), r.Json.GetProperty("amount").GetDecimal());
        Assert.Equal(2, r.Json.GetProperty("periods").GetArrayLength());
    }
}
