using System.Xml.Linq;
using Portal.Tests;
using Portal.Web.Tests.Pages.Exhibition;

namespace Portal.Web.Tests.Pages.News;

[Collection(ExhibitionCollection.Name)]
public class FeedTests(ExhibitionSite site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _client = site.CreateClient();

    private async Task<XElement> Feed()
    {
        var response = await _client.GetAsync("/news/feed.atom");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    [Fact]
    public async Task The_feed_is_Atom_with_its_id_update_time_and_a_link_to_itself()
    {
        var feed = await Feed();

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("http://localhost/news", feed.Element(Atom + "id")?.Value);
        Assert.Equal("新闻发布 - 阳光惠民监督平台", feed.Element(Atom + "title")?.Value);
        Assert.Equal(new DateTimeOffset(2025, 1, 23, 0, 0, 0, TimeSpan.FromHours(8)), DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value));
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("http://localhost/news/feed.atom", (string?)self.Attribute("href"));
        Assert.Equal("application/atom+xml", (string?)self.Attribute("type"));
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value));
    }

    [Fact]
    public async Task The_feed_holds_the_latest_twenty_items_newest_first_each_complete()
    {
        var entries = (await Feed()).Elements(Atom + "entry").ToList();

        Assert.Equal(Enumerable.Range(4, 20).Reverse().Select(ExhibitionSample.NewsTitle), entries.Select(e => e.Element(Atom + "title")?.Value));
        Assert.All(entries, entry =>
        {
            var url = entry.Element(Atom + "id")?.Value;
            Assert.StartsWith("http://localhost/news/2025-01-", url);
            Assert.Equal(url, (string?)entry.Element(Atom + "link")?.Attribute("href"));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")?.Value, out _));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "summary")?.Value));
            Assert.Equal("html", (string?)entry.Element(Atom + "content")?.Attribute("type"));
        });
        var newest = entries[0];
        Assert.Equal("http://localhost/news/" + ExhibitionSample.NewsId(23), newest.Element(Atom + "id")?.Value);
        Assert.Equal("第23号的摘要。", newest.Element(Atom + "summary")?.Value);
        Assert.Equal("<p>第23号的正文。</p>\n", newest.Element(Atom + "content")?.Value);
    }

    [Fact]
    public async Task Each_entry_names_the_office_that_published_it_as_its_author()
    {
        var entries = (await Feed()).Elements(Atom + "entry").ToDictionary(e => e.Element(Atom + "id")!.Value, e => e.Element(Atom + "author")?.Element(Atom + "name")?.Value);

        Assert.Equal("杞县纪委监委", entries["http://localhost/news/" + ExhibitionSample.NewsId(ExhibitionSample.CountyNews)]);
        Assert.Equal("开封市纪委监委", entries["http://localhost/news/" + ExhibitionSample.NewsId(23)]);
    }

    [Fact]
    public async Task The_feed_carries_the_sanitized_body_never_the_script()
    {
        var feed = await Feed();
        var hostile = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.EndsWith(ExhibitionSample.HostileArticle, StringComparison.Ordinal));
        var content = hostile.Element(Atom + "content")!.Value;

        Assert.All(ExhibitionSample.HostileParts, part => Assert.DoesNotContain(part, content, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<table>", content);
        Assert.Equal("http://localhost/", (string?)feed.Attribute(XNamespace.Xml + "base")); // where its site-relative pictures are
    }
}
