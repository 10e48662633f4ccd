using System.Xml.Linq;
using static Portal.Web.Tests.Pages.Exhibition.ExhibitionHtml;

namespace Portal.Web.Tests.Pages.Exhibition;

public class PublicAddressTests
{
    [Fact]
    public async Task Behind_a_proxy_share_cards_and_the_feed_use_the_configured_public_address()
    {
        using var site = new ExhibitionSite();
        site.Settings["Portal:PublicBaseUrl"] = "https://jw.example.gov.cn/portal/";
        var client = site.CreateClient();

        Assert.Equal("https://jw.example.gov.cn/portal/media/exhibition/qingguan/cover.svg", Meta(await Html.Get(client, "/exhibition/qingguan"), "og:image"));
        var feed = XDocument.Parse(await client.GetStringAsync("/news/feed.atom")).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("https://jw.example.gov.cn/portal/news", feed.Element(atom + "id")?.Value);
        Assert.Equal("https://jw.example.gov.cn/portal/", (string?)feed.Attribute(XNamespace.Xml + "base"));
    }

    [Fact]
    public void A_public_address_that_is_not_an_http_address_stops_the_site_with_the_setting_named()
    {
        using var site = new ExhibitionSite();
        site.Settings["Portal:PublicBaseUrl"] = "jw.example.gov.cn";

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());
        Assert.Contains("Portal:PublicBaseUrl", error.ToString());
    }

    [Fact]
    public async Task With_a_media_address_phones_load_pictures_audio_and_video_from_it_and_captions_from_the_site()
    {
        using var site = new ExhibitionSite();
        site.Settings["Portal:MediaBaseUrl"] = "https://cdn.example.gov.cn";
        var client = site.CreateClient();

        var picture = await Html.Get(client, "/exhibition/" + Portal.Tests.ExhibitionSample.ImageExhibit);
        var film = await Html.Get(client, "/exhibition/" + Portal.Tests.ExhibitionSample.VideoExhibit);

        Assert.Contains("src=\"https://cdn.example.gov.cn/media/exhibition/", picture);
        Assert.StartsWith("https://cdn.example.gov.cn/media/exhibition/", Meta(picture, "og:image"));
        Assert.Contains("src=\"https://cdn.example.gov.cn/media/exhibition/qingguan/film.mp4\"", film);
        Assert.Matches("<track [^>]*src=\"/media/exhibition/[^\"]+\\.vtt\"", film);
    }

    [Fact]
    public void A_media_address_that_is_not_an_http_address_stops_the_site_with_the_setting_named()
    {
        using var site = new ExhibitionSite();
        site.Settings["Portal:MediaBaseUrl"] = "cdn.example.gov.cn";

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());
        Assert.Contains("Portal:MediaBaseUrl", error.ToString());
    }
}
