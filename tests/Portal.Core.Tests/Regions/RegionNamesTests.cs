using Portal.Core.Regions;
using Portal.Tests;

namespace Portal.Core.Tests.Regions;

public class RegionNamesTests
{
    [Theory]
    [InlineData("周庄村村委会", "周庄村")]
    [InlineData("高辣村委会", "高辣村")]
    [InlineData("苏村村委会", "苏村")]
    [InlineData("金桥村村民委员会", "金桥村")]
    [InlineData("新德社区居民委员会", "新德社区")]
    [InlineData("多福巷社区居委会", "多福巷社区")]
    [InlineData("唐楼居委会", "唐楼社区")]
    [InlineData("芒合社区村民委员会", "芒合社区")]
    [InlineData("巴彦乌兰嘎查委会", "巴彦乌兰嘎查")]
    [InlineData("巴彦高毕嘎查", "巴彦高毕嘎查")]
    [InlineData("旭湾村委会（龙寺潭）", "旭湾村（龙寺潭）")]
    [InlineData("上田社区居委会会", "上田社区")]
    [InlineData("城内四街街道委员会", "城内四街街道委员会")]
    public void A_village_is_shown_as_people_say_it(string statistical, string shown) =>
        Assert.Equal(shown, RegionNames.ShortVillageName(statistical));

    [Theory]
    [InlineData("周庄村", "周庄村村委会")]
    [InlineData("周庄村村委会", "周庄村村委会")]
    [InlineData("高辣村", "高辣村委会")]
    [InlineData("苏村", "苏村村委会")]
    [InlineData("金桥村村民委员会", "金桥村村民委员会")]
    [InlineData("新德社区", "新德社区居民委员会")]
    [InlineData("艾溪(西湖)社区", "艾溪（西湖）社区")]
    [InlineData("旭湾村委会(龙寺潭)", "旭湾村委会（龙寺潭）")]
    public void A_clerk_may_write_the_committee_or_the_village(string written, string statistical) =>
        Assert.True(RegionNames.SameName(written, statistical));

    [Theory]
    [InlineData("周庄村", "周营村村委会")]
    [InlineData("苏村", "苏庄村村委会")]
    public void Other_villages_do_not_match(string written, string statistical) => Assert.False(RegionNames.SameName(written, statistical));

    [Fact]
    public void No_village_of_china_is_shown_with_a_suffix_its_name_does_not_have()
    {
        using var archive = VillageArchive.Open(Path.Combine(AppContext.BaseDirectory, "content", "regions", "villages.zip"));
        var villages = SampleData.Regions.AtLevel(RegionLevel.County).SelectMany(county => archive.Read(county.Code)).ToList();
        Assert.Equal(620_573, villages.Count);
        // A doubled 村村 or 社区社区 is shown only where the statistical name itself has it (王村村村委会 is 王村村).
        var doubled = villages.Select(v => (v.Name, Shown: RegionNames.ShortVillageName(v.Name)))
            .Where(v => (v.Shown.EndsWith("村村", StringComparison.Ordinal) || v.Shown.EndsWith("社区社区", StringComparison.Ordinal)) && !v.Name.StartsWith(v.Shown, StringComparison.Ordinal))
            .Select(v => $"{v.Name} → {v.Shown}").ToList();
        Assert.Empty(doubled);
        // The 28,700 committees named like 周庄村村委会 are their village, 周庄村.
        var likeZhouzhuang = villages.Where(v => v.Name.EndsWith("村村委会", StringComparison.Ordinal)).ToList();
        Assert.Equal(28_700, likeZhouzhuang.Count);
        Assert.All(likeZhouzhuang, v => Assert.Equal(v.Name[..^"村委会".Length], RegionNames.ShortVillageName(v.Name)));
    }
}
