using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public class IndexTests(PortalWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Home_page_opens_payments_and_shows_coming_entrances_without_links()
    {
        var html = await Html.Get(_client, "/");
        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("href=\"/payments\"", html);
        Assert.Contains("12388 网上举报", html);
        Assert.Contains("廉政教育展厅", html);
        Assert.Equal(2, Regex.Matches(html, "即将开放").Count);
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
