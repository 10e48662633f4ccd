using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests;
using Portal.Web.Tests.Pages.Exhibition;
using static Portal.Web.Tests.Pages.Exhibition.ExhibitionHtml;

namespace Portal.Web.Tests.Pages.News;

[Collection(ExhibitionCollection.Name)]
public class IndexTests(ExhibitionSite site)
{
    private readonly HttpClient _client = site.CreateClient();

    private static List<string> Titles(string html) =>
        Regex.Matches(html, "<h2><a href=\"/news/[^\"]+\">([^<]+)</a></h2>").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_news_are_listed_newest_first_ten_to_a_page()
    {
        var pages = new List<List<string>>();
        var url = "/news";
        while (true)
        {
            var html = await Html.Get(_client, url);
            pages.Add(Titles(html));
            Assert.Contains($"第 {pages.Count} / 3 页", html);
            if (Rel(html, "next") is not { } next) break;
            url = next;
        }

        Assert.Equal([10, 10, 3], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(1, ExhibitionSample.NewsCount).Reverse().Select(ExhibitionSample.NewsTitle), pages.SelectMany(p => p));
        Assert.Equal("/news?page=2", Rel(await Html.Get(_client, "/news?page=3"), "prev"));
        Assert.Equal("/news", Rel(await Html.Get(_client, "/news?page=2"), "prev"));
    }

    [Fact]
    public async Task A_category_shows_only_its_items_and_its_pages_keep_to_it()
    {
        var html = await Html.Get(_client, "/news?category=" + Uri.EscapeDataString("典型案例通报"));

        Assert.Equal("典型案例通报", H1(html));
        Assert.Equal([21, 18, 15, 12, 9, 6, 3], Titles(html).Select(t => int.Parse(Regex.Match(t, "\\d+").Value)));
        Assert.Null(Rel(html, "next"));
        Assert.Matches("<a href=\"/news\\?category=[^\"]+\" aria-current=\"page\">典型案例通报</a>", html);

        var work = await Html.Get(_client, "/news?category=" + Uri.EscapeDataString("工作动态"));
        Assert.All(Titles(work), t => Assert.StartsWith("工作动态", t));
        Assert.Equal("/news?category=" + Uri.EscapeDataString("工作动态") + "&page=2", Rel(work, "next"));
        var second = await Html.Get(_client, Rel(work, "next")!);
        Assert.Equal(6, Titles(second).Count); // 16 work news: 10 + 6
        Assert.All(Titles(second), t => Assert.StartsWith("工作动态", t));
    }

    [Fact]
    public async Task The_news_pages_announce_the_Atom_feed_and_share_their_newest_cover()
    {
        var html = await Html.Get(_client, "/news");

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"新闻发布 - 阳光惠民监督平台\" href=\"/news/feed.atom\">", html);
        Assert.Equal("新闻发布 - 阳光惠民监督平台", Title(html));
        Assert.Equal("http://localhost/media/exhibition/news/cover.svg", Meta(html, "og:image"));
        Assert.Contains("<time datetime=\"2025-01-23\">2025年1月23日</time> · <span class=\"category\">工作动态</span>", html);
    }

    [Fact]
    public async Task Every_item_names_its_office_and_a_county_lists_only_its_own_news()
    {
        var all = await Html.Get(_client, "/news");
        var county = await Html.Get(_client, "/news?office=" + ExhibitionSample.CountyOffice);

        Assert.Equal(Titles(all).Count, Regex.Matches(all, "<span class=\"office\">[^<]+</span>").Count);
        Assert.Matches($"{ExhibitionSample.NewsTitle(ExhibitionSample.CountyNews)}</a></h2>\\s*<p class=\"meta\">[^\\n]*<span class=\"office\">杞县纪委监委</span>",
            await Html.Get(_client, "/news?page=2"));
        Assert.Contains("<span class=\"office\">开封市纪委监委</span>", all);
        Assert.Equal([ExhibitionSample.NewsTitle(ExhibitionSample.CountyNews)], Titles(county));
        Assert.Equal("杞县纪委监委新闻发布", H1(county));
        Assert.Contains($"<option value=\"{ExhibitionSample.CountyOffice}\" selected=\"selected\">杞县纪委监委</option>", county);
        Assert.Equal($"/news?office={ExhibitionSample.CountyOffice}&category=" + Uri.EscapeDataString("工作动态"), Html.Link(county, "工作动态"));
        Assert.Empty(Titles(await Html.Get(_client, "/news?office=410223&category=" + Uri.EscapeDataString("工作动态"))));
    }

    [Fact]
    public async Task The_office_choice_is_a_plain_form_that_keeps_the_category()
    {
        var html = await Html.Get(_client, "/news?category=" + Uri.EscapeDataString("典型案例通报"));

        Assert.Matches("<form class=\"find\" method=\"get\" action=\"/news\">\\s*<input type=\"hidden\" name=\"category\" value=\"典型案例通报\">", html);
        Assert.Contains("<option value=\"\">全部机关</option>", html);
        Assert.Contains("<option value=\"410223\">尉氏县纪委监委</option>", html);
    }

    [Theory]
    [InlineData("/news?office=999999", HttpStatusCode.NotFound, "没有这个纪委监委")]
    [InlineData("/news?page=0", HttpStatusCode.BadRequest, "页码有误")]
    [InlineData("/news?page=abc", HttpStatusCode.BadRequest, "页码有误")]
    [InlineData("/news?page=4", HttpStatusCode.NotFound, "没有这一页")]
    [InlineData("/news?category=%E5%85%B6%E4%BB%96", HttpStatusCode.NotFound, "没有这个栏目")]
    public async Task A_page_or_category_that_does_not_exist_is_explained_in_Chinese(string url, HttpStatusCode status, string title)
    {
        var html = await Html.Get(_client, url, status);

        Assert.Contains($"<h1>{title}</h1>", html);
    }
}
