using Portal.Core.Regions;
using Portal.Tests;

namespace Portal.Core.Tests.Regions;

public class VillageSearchTests
{
    private static readonly VillageSearch Search = new(SampleData.Regions, SampleData.Served,
        Path.Combine(AppContext.BaseDirectory, "content", "regions", "pinyin.txt"));

    [Theory]
    [InlineData("史庄")]
    [InlineData("史庄村")]
    [InlineData("史庄村委会")]
    [InlineData("shizhuang")]
    [InlineData("ShiZhuang Cun")]
    [InlineData("shizhuangc")]
    public void Shizhuang_of_qi_county_is_found_first_by_its_name_or_its_pinyin(string query)
    {
        var result = Search.Find(query);
        Assert.Null(result.Problem);
        var first = result.Matches[0];
        Assert.Equal("史庄村", first.Name);
        Assert.Equal(VillageMatchKind.Exact, first.Kind);
        Assert.True(first.Served);
        Assert.Contains(result.Matches.Take(2), m => m.Village.Code == "410221101201" && m.Place == "河南省开封市杞县五里河镇");
    }

    [Theory]
    [InlineData("szc")]
    [InlineData("shizc")]
    [InlineData("SZC")]
    public void Initials_list_shizhuang_of_qi_county_among_the_served_villages_they_fit(string query)
    {
        // szc also fits 宋庄村, 孙寨村…: every exact fit of the served counties comes before any other.
        var result = Search.Find(query);
        Assert.Contains(result.Matches, m => m.Village.Code == "410221101201" && m.Kind == VillageMatchKind.Exact);
        Assert.All(result.Matches.TakeWhile(m => m.Served), m => Assert.Equal(VillageMatchKind.Exact, m.Kind));
    }

    [Fact]
    public void A_rare_reading_ranks_after_the_usual_one()
    {
        // 郝 is once read shi: 郝庄村 fits shizhuang, but after every 史庄村 (all outside the served area, as it is).
        var matches = Search.Find("shizhuang").Matches.ToList();
        var rare = matches.FindIndex(m => m.Name == "郝庄村");
        var usual = matches.FindLastIndex(m => m.Name == "史庄村" && !m.Served);
        Assert.True(rare < 0 || rare > usual, $"郝庄村 at {rare}, 史庄村 at {usual}");
    }

    [Fact]
    public void Homonyms_in_other_counties_are_each_listed_the_served_ones_first()
    {
        var result = Search.Find("史庄村");
        Assert.Equal(["410221101201", "410223200209"], result.Matches.Take(2).Select(m => m.Village.Code).Order());
        Assert.Contains(result.Matches, m => m.Place.StartsWith("北京市", StringComparison.Ordinal) && m.Name == "史庄村");
        Assert.Equal(result.Matches.OrderBy(m => m.Kind).ThenBy(m => m.Served ? 0 : 1).Select(m => m.Village.Code), result.Matches.Select(m => m.Village.Code));
        Assert.True(result.TotalCount > VillageSearch.MaxResults);
        Assert.Equal(VillageSearch.MaxResults, result.Matches.Count);
        Assert.Contains("只列出最接近的", result.Advice);
    }

    [Fact]
    public void Exact_names_come_before_names_that_begin_with_the_query_and_those_before_names_that_contain_it()
    {
        var result = Search.Find("南史庄");
        Assert.Equal("南史庄村", result.Matches[0].Name);
        Assert.Equal("河南省开封市尉氏县小陈乡", result.Matches[0].Place);
        var kinds = Search.Find("史庄").Matches.Select(m => m.Kind).ToList();
        Assert.Equal(kinds.Order(), kinds);
    }

    [Fact]
    public void A_village_of_a_county_outside_the_served_area_is_found_too()
    {
        var match = Search.Find("多福巷社区").Matches.Single(m => m.Village.Code == "110101001001");
        Assert.False(match.Served);
        Assert.Equal("北京市东城区东华门街道", match.Place);
        Assert.Equal(VillageMatchKind.Exact, match.Kind);
    }

    [Fact]
    public void Every_reading_of_a_polyphonic_character_finds_the_village()
    {
        // 长 reads chang and zhang; 长岭村 is found by either.
        Assert.Contains(Search.Find("changling").Matches, m => m.Name == "长岭村");
        Assert.Contains(Search.Find("zhangling").Matches, m => m.Name == "长岭村");
    }

    [Theory]
    [InlineData("lvzhuang")]
    [InlineData("lüzhuang")]
    [InlineData("luzhuang")]
    public void U_with_umlaut_is_found_as_typed_v_u_or_ü(string query) =>
        Assert.Contains(Search.Find(query).Matches, m => m.Name == "吕庄村" && m.Kind == VillageMatchKind.Exact);

    [Theory]
    [InlineData("", "请输入村（社区）的名称")]
    [InlineData("   ", "请输入村（社区）的名称")]
    [InlineData("史", "请至少输入 2 个字")]
    [InlineData("s", "请至少输入 2 个字")]
    [InlineData("河南省开封市杞县五里河镇史庄村和尉氏县邢庄乡史庄村", "输入的内容太长")]
    [InlineData("史庄<script>", "村名里只能有汉字、字母和数字")]
    public void A_query_too_short_too_long_or_not_a_name_is_answered_with_advice(string query, string advice)
    {
        var result = Search.Find(query);
        Assert.Empty(result.Matches);
        Assert.Contains(advice, result.Problem);
        Assert.Equal(result.Problem, result.Advice);
    }

    [Fact]
    public void No_match_says_what_to_try_instead()
    {
        var result = Search.Find("史庄庄庄庄");
        Assert.Null(result.Problem);
        Assert.Equal(0, result.TotalCount);
        Assert.Contains("没有找到名称含“史庄庄庄庄”的村", result.Advice);
        Assert.Contains("shizhuang", result.Advice);
    }

    [Fact]
    public void Nothing_is_read_before_the_first_search()
    {
        var search = new VillageSearch(SampleData.Regions, SampleData.Served, Path.Combine(AppContext.BaseDirectory, "content", "regions", "pinyin.txt"));
        Assert.False(search.IsLoaded);
        search.Find("史");
        Assert.False(search.IsLoaded);
        search.Find("史庄");
        Assert.True(search.IsLoaded);
    }
}
