using System.Net.Http.Json;
using Portal.Api.Payments;
using Portal.Tests;

namespace Portal.Api.Tests.Payments;

/// <summary>Changes the data folder, so it has a host and data of its own.</summary>
public class IndexRefreshTests
{
    [Fact]
    public async Task A_newly_synced_county_shows_in_the_cached_region_answer_within_seconds()
    {
        using var factory = new PortalApiFactory();
        using var client = factory.CreateClient();
        var before = await client.GetFromJsonAsync<RegionAnswer>("/api/v1/regions/41");
        Assert.Equal(factory.Data.Rows.Count, before!.Count);

        factory.Data.AddCounty("410223", people: 30, months: 2, seed: 8);

        var expected = factory.Data.Rows.Count;
        var after = before;
        await Eventually.HoldsAsync(async () => (after = await client.GetFromJsonAsync<RegionAnswer>("/api/v1/regions/41"))!.Count == expected);
        Assert.Equal(expected, after!.Count);
        Assert.Equal(factory.Data.Rows.Sum(r => r.Amount), after.TotalAmount);
        Assert.Contains(after.Children, c => c.Code == "4102" && c.Count == expected);
    }
}
