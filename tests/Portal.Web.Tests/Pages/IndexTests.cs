using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public class IndexTests(PortalWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Home_page_opens_payments_reports_the_exhibition_hall_and_the_news()
    {
        var html = await Html.Get(_client, "/");
        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("href=\"/payments\"", html);
        Assert.Contains("<a class=\"entry\" href=\"/reports\"><b>12388 网上举报</b>", html);
        Assert.Contains("<a class=\"entry\" href=\"/reports/progress\">", html);
        Assert.Contains("<nav class=\"site\" aria-label=\"栏目\"><a href=\"/payments\">惠民资金</a><a href=\"/reports\">我要举报</a><a href=\"/reports/progress\">进度查询</a><a href=\"/exhibition\">廉政展厅</a><a href=\"/news\">新闻</a></nav>", html);
        Assert.Contains("<a class=\"entry\" href=\"/exhibition\"><b>廉政教育展厅</b>", html);
        Assert.Contains("<a class=\"entry\" href=\"/news\"><b>新闻发布</b>", html);
        Assert.DoesNotContain("即将开放", html);
        // Every link on the page leads somewhere that answers.
        foreach (var href in Regex.Matches(html, "href=\"(/[^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct())
            Assert.True((await _client.GetAsync(href)).IsSuccessStatusCode, href);
    }

    [Fact]
    public async Task An_unknown_address_is_404_in_Chinese()
    {
        var html = await Html.Get(_client, "/no-such-page", System.Net.HttpStatusCode.NotFound);
        Assert.Contains("页面不存在", html);
    }
}
