using System.Diagnostics;
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

        // Polls: the refresher runs every 200 ms in tests; the deadline only bounds a failing run.
        var deadline = Stopwatch.StartNew();
        Dictionary<string, (int Count, string Total)> rows;
        do
        {
            await Task.Delay(100);
            rows = Html.RegionRows(await Html.Get(client, "/payments/4102"));
        }
        while (!rows.ContainsKey(newCounty) && deadline.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal((expected.Count, Money.Total(expected.Sum(r => r.Amount))), rows[newCounty]);
    }
}
