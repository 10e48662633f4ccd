using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Tests;

namespace Portal.Core.Tests;

public class SampleDataTests
{
    [Fact]
    public async Task A_synced_sample_county_can_be_searched_with_totals()
    {
        using var data = new SampleData();
        var result = data.AddCounty(people: 50, months: 2);
        Assert.Empty(result.Validation.Rejections);
        using var index = new LucenePaymentIndex(data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        var page = await index.SearchAsync(new PaymentQuery { RegionCode = "410221", PageSize = 10 });
        Assert.Equal(100, page.TotalCount);
        Assert.Equal(data.Rows.Sum(r => r.Amount), page.TotalAmount);
        Assert.Equal(10, page.Items.Count);
    }
}
