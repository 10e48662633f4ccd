using Portal.Core.WeChat;
using Portal.Tests;

namespace Portal.Core.Tests.WeChat;

public class PlaceQuestionParserTests
{
    // Two villages named 史庄村 in the region data: 杞县五里河镇 and 尉氏县邢庄乡.
    private const string ShizhuangInQixian = "410221101201";
    private const string ShizhuangInWeishi = "410223200209";

    private static readonly PlaceQuestionParser Parser = new(SampleData.Regions, SampleData.Funds, SampleData.Served.Counties);

    private static string[] Codes(PlaceQuestion? question) => question!.Places.Select(p => p.Code).Order().ToArray();

    private static string[] FundCodes(PlaceQuestion? question) => question!.Funds.Select(f => f.Code).Order().ToArray();

    [Fact]
    public void A_village_name_shared_by_two_counties_names_both()
    {
        var question = Parser.Parse("史庄村");
        Assert.Equal([ShizhuangInQixian, ShizhuangInWeishi], Codes(question));
        Assert.Empty(question!.Funds);
    }

    [Theory]
    [InlineData("杞县 史庄村")]
    [InlineData("杞县史庄村")]
    [InlineData("五里河镇史庄村")]
    [InlineData("史庄村（杞县）")]
    [InlineData("杞县五里河镇史庄村委会")]
    public void A_county_or_township_beside_the_village_picks_one(string text) => Assert.Equal([ShizhuangInQixian], Codes(Parser.Parse(text)));

    [Theory]
    [InlineData("兰考县 城中社区 低保", "410225001001")]
    [InlineData("兰考县兰阳街道城中社区", "410225001001")]
    [InlineData("东城区 多福巷社区", "110101001001")]
    public void A_village_of_a_county_not_served_is_found_once_its_county_is_named(string text, string code) =>
        Assert.Equal([code], Codes(Parser.Parse(text)));

    [Fact]
    public void A_county_name_shared_across_china_means_the_served_county() => Assert.Equal(["350102"], Codes(Parser.Parse("鼓楼区")));

    [Fact]
    public void The_other_county_picks_the_other_village() => Assert.Equal([ShizhuangInWeishi], Codes(Parser.Parse("尉氏县 史庄村")));

    [Fact]
    public void Low_income_support_without_saying_urban_or_rural_means_both_funds()
    {
        var question = Parser.Parse("杞县史庄村 低保");
        Assert.Equal([ShizhuangInQixian], Codes(question));
        Assert.Equal(["rural-dibao", "urban-dibao"], FundCodes(question));
    }

    [Theory]
    [InlineData("史庄村 农村低保", "rural-dibao")]
    [InlineData("史庄村高龄津贴", "elderly-allowance")]
    [InlineData("史庄村 五保供养", "tekun")]
    public void A_fund_by_its_name_or_an_alias_is_that_fund(string text, string fund) => Assert.Equal([fund], FundCodes(Parser.Parse(text)));

    [Theory]
    [InlineData("五里河镇", "410221101")]
    [InlineData("杞县", "410221")]
    [InlineData("ＫＱ 杞县", "410221")]
    public void A_township_or_county_is_understood_too(string text, string code) => Assert.Equal([code], Codes(Parser.Parse(text)));

    [Fact]
    public void A_name_without_its_suffix_names_every_place_it_could_be() =>
        Assert.Equal(["410221101", "410221101200"], Codes(Parser.Parse("五里河")));

    [Fact]
    public void Names_that_do_not_fit_together_name_no_place() => Assert.Empty(Parser.Parse("尉氏县 五里河镇")!.Places);

    [Fact]
    public void A_fund_alone_is_a_question_without_a_place()
    {
        var question = Parser.Parse("低保");
        Assert.Empty(question!.Places);
        Assert.Equal(["rural-dibao", "urban-dibao"], FundCodes(question));
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("怎么举报")]
    [InlineData("")]
    public void Words_naming_neither_place_nor_fund_are_no_question(string text) => Assert.Null(Parser.Parse(text));
}
