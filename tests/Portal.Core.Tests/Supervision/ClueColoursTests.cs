using Portal.Core.Supervision;

namespace Portal.Core.Tests.Supervision;

public class ClueColoursTests
{
    private static ClueMark Mark(ClueLevel level, ClueState state, string village = "410221100201", string fund = "dibao", int period = 202605) =>
        new(village[..6], village[..9], village, fund, period, level, state);

    [Theory]
    [InlineData(ClueLevel.Red, ClueState.Open, ClueColour.Red)]
    [InlineData(ClueLevel.Red, ClueState.Verifying, ClueColour.Red)]
    [InlineData(ClueLevel.Yellow, ClueState.Open, ClueColour.Yellow)]
    [InlineData(ClueLevel.Yellow, ClueState.Verifying, ClueColour.Yellow)]
    [InlineData(ClueLevel.Yellow, ClueState.Confirmed, ClueColour.Red)]
    [InlineData(ClueLevel.Yellow, ClueState.PartlyConfirmed, ClueColour.Red)]
    [InlineData(ClueLevel.Yellow, ClueState.Rectifying, ClueColour.Red)]
    [InlineData(ClueLevel.Red, ClueState.Rectified, ClueColour.Green)]
    [InlineData(ClueLevel.Red, ClueState.Unfounded, ClueColour.Green)]
    public void A_clue_colours_its_village_by_its_level_and_state_alone(ClueLevel level, ClueState state, ClueColour expected) =>
        Assert.Equal(expected, ClueColours.Of(level, state));

    [Fact]
    public void A_village_without_an_open_clue_is_green()
    {
        Assert.Equal(ClueColour.Green, ClueColours.Worst([]));
        var colours = ClueColours.PerFundAndMonth([Mark(ClueLevel.Red, ClueState.Rectified), Mark(ClueLevel.Yellow, ClueState.Unfounded)]);
        Assert.All(colours, c => Assert.Equal(ClueColour.Green, c.Colour));
        Assert.All(colours, c => Assert.Equal((0, 2), (c.Open, c.Total)));
    }

    [Fact]
    public void The_worst_clue_decides_and_the_colour_reaches_the_township_and_the_county()
    {
        var colours = ClueColours.PerFundAndMonth([
            Mark(ClueLevel.Yellow, ClueState.Verifying, "410221100201"),
            Mark(ClueLevel.Yellow, ClueState.Rectifying, "410221100202"),
            Mark(ClueLevel.Red, ClueState.Rectified, "410221101203"),
        ]);

        Assert.Equal(ClueColour.Yellow, colours.Single(c => c.RegionCode == "410221100201").Colour);
        Assert.Equal(ClueColour.Red, colours.Single(c => c.RegionCode == "410221100202").Colour);
        Assert.Equal(ClueColour.Red, colours.Single(c => c.RegionCode == "410221100").Colour);
        Assert.Equal(ClueColour.Green, colours.Single(c => c.RegionCode == "410221101").Colour);
        Assert.Equal(ClueColour.Red, colours.Single(c => c.RegionCode == "410221").Colour);
    }

    [Fact]
    public void Each_fund_and_month_has_its_own_colour()
    {
        var colours = ClueColours.PerFundAndMonth([
            Mark(ClueLevel.Red, ClueState.Open, fund: "dibao", period: 202605),
            Mark(ClueLevel.Yellow, ClueState.Open, fund: "dibao", period: 202606),
            Mark(ClueLevel.Red, ClueState.Rectified, fund: "tekun", period: 202605),
        ]).Where(c => c.RegionCode == "410221100201").ToDictionary(c => (c.FundCode, c.Period), c => c.Colour);

        Assert.Equal(ClueColour.Red, colours[("dibao", 202605)]);
        Assert.Equal(ClueColour.Yellow, colours[("dibao", 202606)]);
        Assert.Equal(ClueColour.Green, colours[("tekun", 202605)]);
    }

    [Fact]
    public void The_overview_lists_the_worst_regions_first()
    {
        var overview = ClueColours.Overview([
            Mark(ClueLevel.Red, ClueState.Rectified, "410221100201"),
            Mark(ClueLevel.Yellow, ClueState.Open, "410221100202"),
            Mark(ClueLevel.Red, ClueState.Open, "410221101203"),
        ]).Where(r => r.RegionCode.Length == 12).Select(r => (r.RegionCode, r.Colour)).ToList();

        Assert.Equal([("410221101203", ClueColour.Red), ("410221100202", ClueColour.Yellow), ("410221100201", ClueColour.Green)], overview);
    }
}
