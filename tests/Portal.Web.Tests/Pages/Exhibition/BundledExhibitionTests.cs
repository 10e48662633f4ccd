using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Exhibition;

namespace Portal.Web.Tests.Pages.Exhibition;

/// <summary>The exhibition bundled in content/ as visitors get it: every page opens and every picture, recording and caption it links is there.</summary>
[Collection(WebCollection.Name)]
public class BundledExhibitionTests(PortalWebFactory factory)
{
    [Fact]
    public async Task Every_bundled_hall_exhibit_and_article_opens_and_every_media_file_it_links_is_served()
    {
        var client = factory.CreateClient();
        var content = factory.Services.GetRequiredService<IExhibitionContent>();
        Assert.NotEmpty(content.Halls());
        var pages = new List<string> { "/exhibition", "/news" };
        pages.AddRange(content.Halls().Select(h => "/exhibition/" + h.Slug));
        pages.AddRange(content.Halls().SelectMany(h => h.Exhibits).Select(e => "/exhibition/" + e.Id));
        pages.AddRange(content.News(1, 1000).Items.Select(n => "/news/" + n.Id));

        var media = new HashSet<string>();
        foreach (var page in pages)
            foreach (Match m in Regex.Matches(await Html.Get(client, page), "(?:src|href)=\"(/media/exhibition/[^\"]+)\""))
                media.Add(WebUtility.HtmlDecode(m.Groups[1].Value));

        Assert.Contains(media, m => m.EndsWith(".mp3", StringComparison.Ordinal));
        Assert.Contains(media, m => m.EndsWith(".vtt", StringComparison.Ordinal));
        foreach (var url in media)
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            Assert.True((await client.SendAsync(request)).StatusCode == HttpStatusCode.OK, url);
        }
    }
}
