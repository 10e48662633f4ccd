using System.Net;
using Portal.Api.Exhibition;
using Portal.Api.Reports;

namespace Portal.Api.Tests.Exhibition;

[Collection(ExhibitionCollection.Name)]
public class NewsApiTests(ExhibitionApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task News_come_newest_first_ten_to_a_page_with_a_link_to_the_next_page_until_the_last()
    {
        var first = await _client.AnswerAsync<NewsPageAnswer>("/api/v1/news");

        Assert.Equal((ExhibitionSample.NewsCount + ExhibitionSample.CaseCount, 1, 10), (first.Total, first.Page, first.PageSize));
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(new NewsItemAnswer("2026-03-11-news-11", "工作动态第 11 条", "第 11 条工作动态的摘要。", new DateOnly(2026, 3, 11), "工作动态", null,
            new OfficeAnswer("4102", "开封市纪委监委")), first.Items[0]);
        Assert.Equal(first.Items.OrderByDescending(n => n.Date).Select(n => n.Id), first.Items.Select(n => n.Id));
        Assert.Equal("/api/v1/news?page=2", first.Next);

        var last = await _client.AnswerAsync<NewsPageAnswer>(first.Next!);

        Assert.Equal(2, last.Page);
        Assert.Equal(["2026-03-01-news-01", "2026-02-01-case-canteen", "2026-01-10-case-subsidy"], last.Items.Select(n => n.Id));
        Assert.Equal(new ImageAnswer("http://localhost/media/exhibition/covers/case.svg", "通报的封面"), last.Items[1].Cover);
        Assert.Null(last.Next);
    }

    [Fact]
    public async Task A_category_filters_the_news_and_its_next_link_keeps_the_category()
    {
        var cases = await _client.AnswerAsync<NewsPageAnswer>("/api/v1/news?category=典型案例通报");
        var news = await _client.AnswerAsync<NewsPageAnswer>("/api/v1/news?category=" + Uri.EscapeDataString("工作动态"));

        Assert.Equal(ExhibitionSample.CaseCount, cases.Total);
        Assert.All(cases.Items, n => Assert.Equal("典型案例通报", n.Category));
        Assert.Null(cases.Next);
        Assert.Equal(ExhibitionSample.NewsCount, news.Total);
        Assert.NotNull(news.Next);
        var rest = await _client.AnswerAsync<NewsPageAnswer>(news.Next!);
        Assert.Equal(["2026-03-01-news-01"], rest.Items.Select(n => n.Id));
        Assert.Null(rest.Next);
    }

    [Fact]
    public async Task A_page_past_the_last_is_empty_rather_than_an_error()
    {
        var past = await _client.AnswerAsync<NewsPageAnswer>("/api/v1/news?page=9");

        Assert.Empty(past.Items);
        Assert.Equal((13, 9), (past.Total, past.Page));
        Assert.Null(past.Next);
    }

    [Fact]
    public async Task An_article_gives_its_body_as_html_with_its_table()
    {
        var article = await _client.AnswerAsync<ArticleAnswer>("/api/v1/news/2026-02-01-case-canteen");

        Assert.Equal(("关于三起违规吃喝问题的通报", "典型案例通报", new DateOnly(2026, 2, 1)), (article.Title, article.Category, article.Date));
        Assert.Equal("http://localhost/media/exhibition/covers/case.svg", article.Cover?.Url);
        Assert.Contains("<table>", article.BodyHtml);
        Assert.Contains("<td>公款吃喝</td>", article.BodyHtml);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("category=其他", "category")]
    [InlineData("office=999999", "office")]
    public async Task A_bad_page_or_category_is_a_400_problem_in_chinese_naming_the_parameter(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/v1/news?" + query);

        var problem = await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task An_office_lists_only_its_own_news_each_naming_it_and_its_next_link_keeps_the_office()
    {
        var county = await _client.AnswerAsync<NewsPageAnswer>("/api/v1/news?office=410221");
        var city = await _client.AnswerAsync<NewsPageAnswer>("/api/v1/news?office=4102");
        var all = await _client.AnswerAsync<NewsPageAnswer>("/api/v1/news?page=2");

        Assert.Equal([(ExhibitionSample.CountyArticle, new OfficeAnswer("410221", "杞县纪委监委"))], county.Items.Select(n => (n.Id, n.Office)));
        Assert.Equal((1, (string?)null), (county.Total, county.Next));
        Assert.Equal(ExhibitionSample.NewsCount + ExhibitionSample.CaseCount - 1, city.Total);
        Assert.All(city.Items, n => Assert.Equal(new OfficeAnswer("4102", "开封市纪委监委"), n.Office));
        Assert.Equal("/api/v1/news?office=4102&page=2", city.Next);
        Assert.Equal("杞县纪委监委", all.Items.Single(n => n.Id == ExhibitionSample.CountyArticle).Office.Name);
        Assert.Equal(new OfficeAnswer("410221", "杞县纪委监委"), (await _client.AnswerAsync<ArticleAnswer>("/api/v1/news/" + ExhibitionSample.CountyArticle)).Office);
        Assert.Empty((await _client.AnswerAsync<NewsPageAnswer>("/api/v1/news?office=410223")).Items);
    }

    [Fact]
    public async Task An_unknown_office_is_explained_with_the_codes_there_are()
    {
        var problem = await Problems.AssertProblem(await _client.GetAsync("/api/v1/news?office=4199"), HttpStatusCode.BadRequest);

        Assert.Contains("没有代码为“4199”的纪委监委", problem.GetProperty("detail").GetString());
        Assert.Contains("410221（杞县纪委监委）", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_article_is_a_404_problem_in_chinese()
    {
        var problem = await Problems.AssertProblem(await _client.GetAsync("/api/v1/news/2026-13-01-nothing"), HttpStatusCode.NotFound);

        Assert.Contains("/api/v1/news", problem.GetProperty("detail").GetString());
    }
}
