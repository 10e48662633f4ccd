using System.Text.RegularExpressions;
using Portal.Tests;
using static Portal.Web.Tests.Pages.Exhibition.ExhibitionHtml;

namespace Portal.Web.Tests.Pages.Exhibition;

[Collection(ExhibitionCollection.Name)]
public class IndexTests(ExhibitionSite site)
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task The_hall_list_shows_every_hall_in_order_with_its_cover_summary_and_number_of_exhibits()
    {
        var html = await Html.Get(_client, "/exhibition");

        Assert.Equal("廉政教育展厅", H1(html));
        var halls = Regex.Matches(html, "<h2><a href=\"/exhibition/([^\"]+)\">([^<]+)</a></h2>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(ExhibitionSample.Halls.Select(h => (h.Slug, h.Title)), halls);
        var counts = Regex.Matches(html, "展品 <b class=\"exhibits-count\">(\\d+)</b> 件 · 累计访问量 <b class=\"visits\">[\\d,]+</b> 次").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(ExhibitionSample.Halls.Select(h => h.Exhibits.Length), counts);
        Assert.Contains("包拯、于谦、海瑞：三位清官的故事。", html);

        // Covers: the first is loaded at once, the ones further down when scrolled to; every one says what it shows.
        var covers = Images(html);
        Assert.Equal(["/media/exhibition/qingguan/cover.svg", "/media/exhibition/jilv/wall.jpg"], covers.Select(c => Attribute(c, "src")));
        Assert.Equal(["清官故事厅的封面，一枚朱红印章", "廉洁文化墙"], covers.Select(c => Attribute(c, "alt")));
        Assert.Null(Attribute(covers[0], "loading"));
        Assert.Equal("lazy", Attribute(covers[1], "loading"));
        Assert.Equal(("640", "360"), (Attribute(covers[0], "width"), Attribute(covers[0], "height")));
        Assert.Equal(("80", "60"), (Attribute(covers[1], "width"), Attribute(covers[1], "height")));
    }

    [Fact]
    public async Task The_hall_list_shows_each_halls_visits_with_thousands_separators()
    {
        using var own = new ExhibitionSite();
        var client = own.CreateClient();
        for (var i = 0; i < 1234; i++) own.Visits.Record("jilv");

        var html = await Html.Get(client, "/exhibition");

        Assert.Matches("廉洁纪律厅</a></h2>\\s*<p>[^<]*</p>\\s*<p class=\"meta\">展品 <b class=\"exhibits-count\">2</b> 件 · 累计访问量 <b class=\"visits\">1,234</b> 次</p>", html);
        Assert.Matches("举报指南厅</a></h2>\\s*<p>[^<]*</p>\\s*<p class=\"meta\">[^<]*<b class=\"exhibits-count\">1</b> 件 · 累计访问量 <b class=\"visits\">0</b> 次</p>", html);
    }

    [Fact]
    public async Task The_hall_list_has_a_share_card_with_the_first_cover_as_an_absolute_address()
    {
        var html = await Html.Get(_client, "/exhibition");

        Assert.Equal("廉政教育展厅 - 阳光惠民监督平台", Title(html));
        Assert.Equal(Title(html), Meta(html, "og:title"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(html, "description")));
        Assert.Equal(Meta(html, "description"), Meta(html, "og:description"));
        Assert.Equal("website", Meta(html, "og:type"));
        Assert.Equal("http://localhost/media/exhibition/qingguan/cover.svg", Meta(html, "og:image"));
    }
}
