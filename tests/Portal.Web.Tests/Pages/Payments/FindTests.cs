using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Pages.Payments;

[Collection(WebCollection.Name)]
public class FindTests(PortalWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("史庄", true)]
    [InlineData("史庄村", true)]
    [InlineData("shizhuang", true)]
    [InlineData("szc", false)]
    public async Task Typing_a_village_name_or_its_pinyin_lists_it_with_its_county_and_township_and_its_homonyms(string query, bool homonymListed)
    {
        var html = await Html.Get(_client, "/payments/find?q=" + Uri.EscapeDataString(query));

        Assert.Contains("<a class=\"entry\" href=\"/payments/410221101201\"><b>史庄村</b><span>河南省开封市杞县五里河镇</span></a>", html);
        // szc fits many villages of the served counties (宋庄村, 孙寨村…): 尉氏县's 史庄村 is past the limit there.
        Assert.Equal(homonymListed, html.Contains("<a class=\"entry\" href=\"/payments/410223200209\"><b>史庄村</b><span>河南省开封市尉氏县邢庄乡</span></a>"));
        Assert.Contains($"value=\"{query}\"", html);
    }

    [Fact]
    public async Task A_village_outside_the_served_counties_is_found_too()
    {
        var html = await Html.Get(_client, "/payments/find?q=" + Uri.EscapeDataString("多福巷社区"));
        Assert.Contains("href=\"/payments/110101001001\"><b>多福巷社区</b><span>北京市东城区东华门街道</span>", html);
    }

    [Theory]
    [InlineData("史", "请至少输入 2 个字")]
    [InlineData("河南省开封市杞县五里河镇史庄村和尉氏县邢庄乡史庄村", "输入的内容太长")]
    public async Task A_query_too_short_or_too_long_is_answered_400_with_advice_and_the_box_to_try_again(string query, string advice)
    {
        var html = await Html.Get(_client, "/payments/find?q=" + Uri.EscapeDataString(query), HttpStatusCode.BadRequest);
        Assert.Contains(advice, html);
        Assert.Contains("action=\"/payments/find\"", html);
    }

    [Fact]
    public async Task No_match_says_so_in_Chinese_and_what_to_try()
    {
        var html = await Html.Get(_client, "/payments/find?q=" + Uri.EscapeDataString("史庄庄庄庄"));
        Assert.Contains("没有找到名称含“史庄庄庄庄”的村", html);
        Assert.DoesNotContain("class=\"entry\"", html);
    }

    [Fact]
    public async Task Many_matches_are_cut_at_the_limit_and_the_page_says_so()
    {
        var html = await Html.Get(_client, "/payments/find?q=" + Uri.EscapeDataString("史庄"));
        Assert.Equal(Portal.Core.Regions.VillageSearch.MaxResults, Regex.Matches(html, "<a class=\"entry\" href=\"/payments/\\d{12}\">").Count);
        Assert.Contains("只列出最接近的 20 个", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/payments")]
    [InlineData("/payments/410221")]
    [InlineData("/payments/410221101")]
    [InlineData("/payments/410221101201")]
    public async Task The_home_page_and_every_payments_page_have_the_village_search_box(string url)
    {
        var html = await Html.Get(_client, url);
        Assert.Contains("<form class=\"find\" method=\"get\" action=\"/payments/find\" role=\"search\">", html);
        Assert.Contains("<input id=\"find-q\" name=\"q\" type=\"search\"", html);
    }
}
