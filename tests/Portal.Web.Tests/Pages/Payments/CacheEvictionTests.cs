using Portal.Core.Payments;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Payments;

public class CacheEvictionTests
{
    [Fact]
    public async Task A_cached_page_shows_a_new_sync_within_seconds()
    {
        using var factory = new PortalWebFactory();
        var newCounty = SampleData.Regions.Find("410223")!.Name;
        var client = factory.CreateClient();
        await Html.Get(client, "/payments/4102");
        var cached = await client.GetAsync("/payments/4102");
        Assert.NotNull(cached.Headers.Age); // served from the output cache
        Assert.DoesNotContain(newCounty, await cached.Content.ReadAsStringAsync());

        factory.Data.AddCounty("410223", people: 30, seed: 11);
        var expected = factory.Data.Rows.Where(r => r.Person.Village.Code.StartsWith("410223", StringComparison.Ordinal)).ToList();

        // The refresher runs every 200 ms in tests.
        Dictionary<string, (int Count, string Total)> rows = [];
        Assert.True(await Eventually.HoldsAsync(async () => (rows = Html.RegionRows(await Html.Get(client, "/payments/4102"))).ContainsKey(newCounty)),
            "the county page never showed the new county");
        Assert.Equal((expected.Count, Money.Total(expected.Sum(r => r.Amount))), rows[newCounty]);
    }
}
