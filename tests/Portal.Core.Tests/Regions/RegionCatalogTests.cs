using Portal.Core.Regions;
using Portal.Tests;

namespace Portal.Core.Tests.Regions;

public class RegionCatalogTests
{
    private static RegionCatalog Fresh() => RegionCatalog.Load(Path.Combine(AppContext.BaseDirectory, "content", "regions"));

    [Theory]
    [InlineData("410225001001", "城中社区", "410225001", "河南省开封市兰考县兰阳街道")]
    [InlineData("110101001001", "多福巷社区", "110101001", "北京市市辖区东城区东华门街道")]
    [InlineData("410221102203", "周庄村", "410221102", "河南省开封市杞县傅集镇")]
    public void Any_village_of_china_is_found_by_its_code_under_its_township(string code, string shown, string township, string path)
    {
        var regions = Fresh();
        var village = regions.Find(code)!;
        Assert.Equal(shown, RegionCatalog.DisplayName(village));
        Assert.Equal(township, village.ParentCode);
        Assert.Contains(village, regions.Children(township));
        Assert.Equal(path, string.Concat(regions.Path(regions.Find(township)!).Select(r => r.Name)));
    }

    [Fact]
    public void Every_county_has_its_villages() =>
        Assert.All(SampleData.Regions.AtLevel(RegionLevel.County), county => Assert.True(SampleData.Regions.HasVillages(county.Code), county.Name));

    [Fact]
    public void Villages_are_read_only_for_the_counties_asked_about()
    {
        var regions = Fresh();
        Assert.Equal(0, regions.CountiesLoaded);
        Assert.NotEmpty(regions.Children("410221101"));
        Assert.NotNull(regions.Find("410223200209"));
        Assert.Null(regions.Find("410223999999"));
        Assert.Equal(2, regions.CountiesLoaded);
    }

    [Fact]
    public void Walking_the_whole_country_keeps_only_the_most_recent_counties()
    {
        var regions = Fresh();
        var counties = regions.AtLevel(RegionLevel.County).OrderBy(c => c.Code, StringComparer.Ordinal).Take(RegionCatalog.CountiesKept + 50).ToList();
        foreach (var county in counties) Assert.NotEmpty(regions.Children(regions.Children(county.Code)[0].Code));
        Assert.Equal(RegionCatalog.CountiesKept, regions.CountiesLoaded);
        // A county let go is read again when asked.
        Assert.NotEmpty(regions.Children(regions.Children(counties[0].Code)[0].Code));
    }

    [Fact]
    public void Counties_read_at_the_same_time_each_get_all_their_villages()
    {
        var regions = Fresh();
        var expected = SampleData.Served.Counties.ToDictionary(c => c.Code, c => SampleData.Regions.Children(c.Code).Sum(t => SampleData.Regions.Children(t.Code).Count));
        var counted = SampleData.Served.Counties.Concat(SampleData.Served.Counties).AsParallel().WithDegreeOfParallelism(8)
            .Select(c => (c.Code, Count: regions.Children(c.Code).Sum(t => regions.Children(t.Code).Count))).ToList();
        Assert.All(counted, c => Assert.Equal(expected[c.Code], c.Count));
        Assert.All(expected.Values, count => Assert.True(count > 50));
    }

    [Fact]
    public void A_city_served_means_each_of_its_counties()
    {
        var served = new ServedArea(SampleData.Regions, "4102");
        Assert.Contains("410221", served.Counties.Select(c => c.Code));
        Assert.Contains("410223", served.Counties.Select(c => c.Code));
        Assert.All(served.Counties, c => Assert.StartsWith("4102", c.Code));
        Assert.Equal(served.Counties.Count, new ServedArea(SampleData.Regions, "410221,4102").Counties.Count);
    }

    [Theory]
    [InlineData("410299")]
    [InlineData("410221101")]
    public void A_served_region_that_is_not_a_province_city_or_county_is_refused_by_name(string code)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ServedArea(SampleData.Regions, code));
        Assert.Contains($"“{code}”不是省、市或县级区划代码", e.Message);
    }
}
