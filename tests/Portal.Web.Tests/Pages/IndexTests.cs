using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public class IndexTests(PortalWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Home_page_opens_payments_and_reports_and_shows_the_coming_hall_without_a_link()
    {
        var html = await Html.Get(_client, "/");
        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("href=\"/payments\"", html);
        Assert.Contains("<a class=\"entry\" href=\"/reports\"><b>12388 网上举报</b>", html);
        Assert.Contains("<a class=\"entry\" href=\"/reports/progress\">", html);
        Assert.Contains("<nav class=\"site\" aria-label=\"栏目\"><a href=\"/payments\">惠民资金</a><a href=\"/reports\">我要举报</a><a href=\"/reports/progress\">进度查询</a></nav>", html);
        Assert.Contains("廉政教育展厅", html);
        Assert.Single(Regex.Matches(html, "即将开放"));
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
