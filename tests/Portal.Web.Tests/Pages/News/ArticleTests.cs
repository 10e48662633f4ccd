using System.Net;
using Portal.Tests;
using Portal.Web.Tests.Pages.Exhibition;
using static Portal.Web.Tests.Pages.Exhibition.ExhibitionHtml;

namespace Portal.Web.Tests.Pages.News;

[Collection(ExhibitionCollection.Name)]
public class ArticleTests(ExhibitionSite site)
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task An_article_shows_its_title_date_category_cover_and_body_and_shares_as_an_article()
    {
        var html = await Html.Get(_client, "/news/" + ExhibitionSample.NewsId(23));

        Assert.Equal("工作动态第23号", H1(html));
        Assert.Contains("<time datetime=\"2025-01-23\">2025年1月23日</time> · <span class=\"category\">工作动态</span>", html);
        Assert.Contains("<p>第23号的正文。</p>", html);
        var cover = Assert.Single(Images(html));
        Assert.Equal(("新闻配图", null), (Attribute(cover, "alt"), Attribute(cover, "loading")));
        Assert.Equal("工作动态第23号 - 工作动态 - 阳光惠民监督平台", Title(html));
        Assert.Equal("第23号的摘要。", Meta(html, "description"));
        Assert.Equal("第23号的摘要。", Meta(html, "og:description"));
        Assert.Equal("article", Meta(html, "og:type"));
        Assert.Equal("http://localhost/media/exhibition/news/cover.svg", Meta(html, "og:image"));
        Assert.Contains("type=\"application/atom+xml\"", html);
    }

    [Fact]
    public async Task An_article_names_its_office_and_links_to_that_offices_other_news()
    {
        var county = await Html.Get(_client, "/news/" + ExhibitionSample.NewsId(ExhibitionSample.CountyNews));
        var city = await Html.Get(_client, "/news/" + ExhibitionSample.NewsId(23));

        Assert.Contains("<span class=\"category\">工作动态</span> · <span class=\"office\">杞县纪委监委</span>", county);
        Assert.Equal("/news?office=" + ExhibitionSample.CountyOffice, Html.Link(county, "杞县纪委监委的其他新闻 ›"));
        Assert.Contains("<span class=\"office\">开封市纪委监委</span>", city);
        Assert.Equal("/news?office=4102", Html.Link(city, "开封市纪委监委的其他新闻 ›"));
    }

    [Fact]
    public async Task A_typical_case_notice_links_back_to_its_category()
    {
        var html = await Html.Get(_client, "/news/" + ExhibitionSample.NewsId(21));

        Assert.Equal("/news?category=" + Uri.EscapeDataString("典型案例通报"), Html.Link(html, "典型案例通报"));
    }

    [Fact]
    public async Task Script_event_handlers_javascript_links_and_frames_in_an_article_never_reach_the_page()
    {
        var html = await Html.Get(_client, "/news/" + ExhibitionSample.HostileArticle);

        Assert.All(ExhibitionSample.HostileParts, part => Assert.DoesNotContain(part, html, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<td>第一条</td>", html);
        Assert.Contains("<img src=\"/media/exhibition/jilv/wall.jpg\" alt=\"廉洁文化墙\">", html);
    }

    [Fact]
    public async Task An_unknown_article_is_the_Chinese_404_page()
    {
        var html = await Html.Get(_client, "/news/2020-01-01-none", HttpStatusCode.NotFound);

        Assert.Contains("<h1>没有这篇新闻</h1>", html);
    }
}
