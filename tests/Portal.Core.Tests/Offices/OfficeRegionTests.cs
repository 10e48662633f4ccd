using Portal.Core.Offices;
using Portal.Core.Staff;

namespace Portal.Core.Tests.Offices;

/// <summary>Whose data is whose: a county office works its own county's places, the city works every place of the deployment.</summary>
public sealed class OfficeRegionTests
{
    private static readonly OfficeRegion Region = new(OfficeTreeTests.Default());

    private static StaffActor Of(string office) => new(Guid.NewGuid(), "监督", StaffRoles.Supervisor, office);

    [Fact]
    public void A_county_office_reaches_its_own_villages_and_no_other_countys()
    {
        var qixian = Of("410221");

        Assert.True(Region.Reaches(qixian, "410221101201"));
        Assert.True(Region.Reaches(qixian, "410221"));
        Assert.False(Region.Reaches(qixian, "410223101201"));
        Assert.False(Region.Reaches(qixian, "4102"));
        Assert.False(Region.ReachesAll(qixian, ["410221", "410223"]));
        Assert.False(Region.ReachesEverywhere(qixian));
    }

    [Fact]
    public void The_city_office_reaches_every_county_and_even_a_place_configured_beyond_its_region()
    {
        var city = Of("4102");

        Assert.True(Region.ReachesAll(city, ["410221", "410223"]));
        Assert.True(Region.Reaches(city, "410102"));
        Assert.True(Region.ReachesEverywhere(city));
        Assert.Equal(["4102", "410221"], Region.OfficesReaching("410221101201"));
    }

    [Fact]
    public void An_actor_of_no_office_or_of_one_no_longer_configured_reaches_nothing()
    {
        Assert.False(Region.Reaches(Of(""), "410221101201"));
        Assert.False(Region.Reaches(Of("410299"), "410221101201"));
        Assert.Null(Region.Prefix(Of("410299")));
        Assert.False(Region.ReachesAll(Of("4102"), []));
    }
}
